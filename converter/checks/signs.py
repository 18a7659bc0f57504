"""A concept that is never negative (total assets, accounts payable, shares outstanding: learned from the filers'
own XBRL, taxonomy_maps/learned/never_negative.tsv) written negative contradicts its meaning: a column's or a
side's signs were turned, or labels and figures were paired wrongly. Such a fact is withheld."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from converter.model import Fact, Issue, IssueCode, Severity, Withheld
from converter.text.maps import read_table

NEVER_NEGATIVE = "learned/never_negative.tsv"


@lru_cache(maxsize=1)
def never_negative() -> frozenset[str]:
    return frozenset(row["concept"] for _, row in read_table(NEVER_NEGATIVE, ("concept",)))


def negative_by_meaning(facts: list[Fact]) -> tuple[list[Withheld], list[Issue]]:
    concepts = never_negative()
    # learned from company-level figures: a balance is never negative in any part of the company, but a part's
    # flow may be (an elimination, preferred stock converted out of its component)
    turned = [f for f in facts if f.concept in concepts and (not f.dimensions or f.period.is_instant)
              and isinstance(f.value, Decimal) and f.value < 0]
    reason = "a concept that is never negative written negative"
    return ([Withheld(f, IssueCode.SIGN_AGAINST_MEANING, reason) for f in turned],
            [Issue(IssueCode.SIGN_AGAINST_MEANING, Severity.ERROR, f"{f.concept} {f.period} {f.value} withheld: "
                   f"{reason}", f.source) for f in turned])
