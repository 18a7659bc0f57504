"""What the checks compare: a company-level fact of a concept and period, and two figures that agree within the
coarser of their printed precisions."""
from __future__ import annotations

from decimal import Decimal

from converter.model import Fact, Period
from converter.text.numbers import agree_at_precision


def find(facts: list[Fact], concept: str, period: Period | None = None) -> list[Fact]:
    """The company's own facts of a concept (no segment, no component), for one period or all."""
    return [f for f in facts if f.concept == concept and not f.dimensions and isinstance(f.value, Decimal)
            and (period is None or f.period == period)]


def agree(first: Fact, second: Fact) -> bool:
    return agree_at_precision(Decimal(first.value), first.places, Decimal(second.value), second.places)
