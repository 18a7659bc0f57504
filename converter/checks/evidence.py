"""What the checks compare: the company-level facts of a concept and period (whether two agree is
text.numbers.facts_agree, shared with the mapping's de-duplication)."""
from __future__ import annotations

from decimal import Decimal

from converter.model import Fact, Period


def find(facts: list[Fact], concept: str, period: Period | None = None) -> list[Fact]:
    """The company's own facts of a concept (no segment, no component), for one period or all."""
    return [f for f in facts if f.concept == concept and not f.dimensions and isinstance(f.value, Decimal)
            and (period is None or f.period == period)]

