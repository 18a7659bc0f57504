"""A balance sheet balances: at each date, total assets equal total liabilities and equity. Where they do not,
one of the two totals was read wrong (a column shifted, a subtotal taken for the total, two pages joined wrongly);
a total that its own printed lines add up to is kept, one that nothing confirms is withheld."""
from __future__ import annotations

from converter.checks.evidence import find
from converter.model import Fact, Issue, IssueCode, Severity, Withheld
from converter.text.numbers import facts_agree

ASSETS = "us-gaap:Assets"
LIABILITIES_AND_EQUITY = "us-gaap:LiabilitiesAndStockholdersEquity"


def unbalanced(facts: list[Fact]) -> tuple[list[Withheld], list[Issue]]:
    withheld: list[Withheld] = []
    issues: list[Issue] = []
    for assets in find(facts, ASSETS):
        other = next(iter(find(facts, LIABILITIES_AND_EQUITY, assets.period)), None)
        if other is None or facts_agree(assets, other):
            continue
        reason = f"total assets {assets.value} and total liabilities and equity {other.value} at {assets.period}"
        suspects = [f for f in (assets, other) if not f.closes_sum] or [assets, other]
        withheld.extend(Withheld(f, IssueCode.UNBALANCED, reason) for f in suspects)
        issues.append(Issue(IssueCode.UNBALANCED, Severity.ERROR,
                            f"the balance sheet does not balance: {reason}; withheld: "
                            f"{', '.join(f.concept for f in suspects)}", assets.source))
    return withheld, issues
