"""The checking stage, between mapping and writers: the filing's own arithmetic applied to the facts about to be
written. What it contradicts is withheld (FactSet.withheld, with the issue that says why), never written; the sums
that remain are checked as the calculation linkbase states them and any left unsatisfied are reported."""
from __future__ import annotations

from converter.checks.balance import unbalanced
from converter.checks.per_share import per_share_mismatches
from converter.checks.signs import negative_by_meaning
from converter.checks.sums import inconsistent_sums
from converter.checks.verdicts import statement_verdicts
from converter.model import Fact, FactSet

CHECKS = (negative_by_meaning, unbalanced, per_share_mismatches)


def check_facts(facts: FactSet, statements: int, keep_unverified: bool = False) -> None:
    """statements: how many the filing has (each gets a verdict). keep_unverified (--keep-unverified) writes the
    withheld facts anyway; report.json still lists them, marked as written."""
    for check in CHECKS:
        withheld, issues = check(facts.facts)
        facts.issues.extend(issues)
        if withheld:
            gone = {id(w.fact) for w in withheld}
            facts.facts = [f for f in facts.facts if id(f) not in gone]
            facts.withheld.extend(withheld)
    if keep_unverified and facts.withheld:
        _write_anyway(facts)
    facts.verdicts = statement_verdicts(facts, statements)
    facts.issues.extend(inconsistent_sums(facts))


def _write_anyway(facts: FactSet) -> None:
    """The withheld facts back among those written; of a fact printed with two values, the first printing (an
    instance holds one value per fact)."""
    written = {_key(f) for f in facts.facts}
    for item in facts.withheld:
        if _key(item.fact) not in written:
            facts.facts.append(item.fact)
            written.add(_key(item.fact))
    facts.kept_unverified = True


def _key(fact: Fact) -> tuple:
    return fact.concept, fact.period, fact.unit, fact.dimensions
