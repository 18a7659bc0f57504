"""A printed total that adds up to its lines in some columns and not in others disputes every cell of that sum in
the columns where it fails: one of them was read wrong (a column one line off, a figure from the wrong place) and the
arithmetic does not say which. Those facts are withheld, except a subtotal whose own lines confirm it."""
from __future__ import annotations

from converter.model import Fact, Issue, IssueCode, Severity, Withheld


def disputed_by_sums(facts: list[Fact]) -> tuple[list[Withheld], list[Issue]]:
    doubted = [f for f in facts if f.disputed and not f.closes_sum]
    by_reason: dict[tuple[int | None, str], list[Fact]] = {}
    for fact in doubted:
        by_reason.setdefault((fact.statement, fact.disputed), []).append(fact)
    issues = [Issue(IssueCode.SUM_FAILS_IN_COLUMN, Severity.ERROR,
                    f"{reason}; withheld there: {', '.join(sorted({f.concept for f in group}))}", group[0].source)
              for (_, reason), group in by_reason.items()]
    return [Withheld(f, IssueCode.SUM_FAILS_IN_COLUMN, f.disputed or "") for f in doubted], issues
