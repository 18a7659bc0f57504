"""The checking stage, between mapping and writers: the filing's own arithmetic applied to the facts about to be
written. What it contradicts is withheld (FactSet.withheld, with the issue that says why), never written; the sums
that remain are checked as the calculation linkbase states them and any left unsatisfied are reported."""
from __future__ import annotations

from converter.checks.balance import unbalanced
from converter.checks.per_share import per_share_mismatches
from converter.checks.signs import negative_by_meaning
from converter.checks.sums import inconsistent_sums
from converter.model import FactSet

CHECKS = (negative_by_meaning, unbalanced, per_share_mismatches)


def check_facts(facts: FactSet) -> None:
    for check in CHECKS:
        withheld, issues = check(facts.facts)
        facts.issues.extend(issues)
        if withheld:
            gone = {id(w.fact) for w in withheld}
            facts.facts = [f for f in facts.facts if id(f) not in gone]
            facts.withheld.extend(withheld)
    facts.issues.extend(inconsistent_sums(facts))
