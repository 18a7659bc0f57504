"""The checking stage, between mapping and writers: the filing's own arithmetic applied to the facts about to be
written. What it contradicts is withheld (FactSet.withheld, with the issue that says why), never written; the sums
that remain are checked as the calculation linkbase states them and any left unsatisfied are reported."""
from __future__ import annotations

from converter.checks.balance import unbalanced
from converter.checks.disputed import disputed_by_sums
from converter.checks.per_share import per_share_mismatches
from converter.checks.scale_evidence import scale_by_arithmetic, scale_unproven
from converter.checks.signs import negative_by_meaning
from converter.checks.sums import inconsistent_sums
from converter.checks.verdicts import statement_verdicts
from dataclasses import replace

from converter.model import FactSet, Withheld

CHECKS = (scale_unproven, negative_by_meaning, unbalanced, disputed_by_sums, per_share_mismatches)


def check_facts(facts: FactSet, statements: int, keep_unverified: bool = False) -> None:
    """statements: how many the filing has (each gets a verdict). keep_unverified (--keep-unverified) writes the
    withheld facts anyway; report.json still lists them, marked as written."""
    facts.facts, issues = scale_by_arithmetic(facts.facts)
    facts.issues.extend(issues)
    for check in CHECKS:
        withheld, issues = check(facts.facts)
        facts.issues.extend(issues)
        if withheld:
            gone = {id(w.fact) for w in withheld}
            facts.facts = [f for f in facts.facts if id(f) not in gone]
            _add_withheld(facts, withheld)
    if keep_unverified and facts.withheld:
        _write_anyway(facts)
    facts.verdicts = statement_verdicts(facts, statements)
    facts.issues.extend(inconsistent_sums(facts))


def _add_withheld(facts: FactSet, withheld: list[Withheld]) -> None:
    """Each fact listed once, with the first check that withheld it (two EPS concepts may blame one share count)."""
    listed = {id(item.fact) for item in facts.withheld}
    for item in withheld:
        if id(item.fact) not in listed:
            facts.withheld.append(item)
            listed.add(id(item.fact))


def _write_anyway(facts: FactSet) -> None:
    """The withheld facts back among those written; of a fact printed with two values, the first printing (an
    instance holds one value per fact). Each withheld entry says whether it was written."""
    written = {f.key for f in facts.facts}
    for index, item in enumerate(facts.withheld):
        if item.fact.key not in written:
            facts.facts.append(item.fact)
            written.add(item.fact.key)
            facts.withheld[index] = replace(item, written=True)
