"""One verdict per statement, from what the checks found: its printed totals that add up (found by the statement
stage), those that do not, and the facts of it the checks withheld. An archive team reads them to know which
filings need a person first."""
from __future__ import annotations

from collections import Counter

from converter.model import CONFIRMED, NOT_ADDING_UP, FactSet, StatementVerdict, Verdict


def statement_verdicts(facts: FactSet, statements: int) -> list[StatementVerdict]:
    confirmed = Counter(row.statement for row in facts.rows if row.total == CONFIRMED)
    failed = Counter(row.statement for row in facts.rows if row.total == NOT_ADDING_UP)
    withheld = Counter(w.fact.statement for w in facts.withheld if w.fact.statement is not None)
    return [StatementVerdict(index, _verdict(confirmed[index], failed[index], withheld[index]), confirmed[index],
                             failed[index], withheld[index]) for index in range(statements)]


def _verdict(confirmed: int, failed: int, withheld: int) -> Verdict:
    if not confirmed:
        return Verdict.UNVERIFIED
    return Verdict.VERIFIED if not failed and not withheld else Verdict.PARTLY_VERIFIED
