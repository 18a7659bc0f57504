"""Earnings per share (basic, and diluted) times the weighted shares is the income to the common holders. Read at the scales
detected, a product a thousand (or a million) times off says a scale was read wrong, most often the share count's
(a row's own "(in thousands)" beneath a caption in millions); a product of the opposite sign says a sign was turned.
Either way the figures that cannot both be right are withheld."""
from __future__ import annotations

from decimal import Decimal

from converter.checks.evidence import find
from converter.model import Fact, Issue, IssueCode, Severity, Withheld
from converter.text.per_share import per_share_arithmetic

# how far the product may miss the income: preferred dividends, two classes, the rounding of a printed EPS, a
# diluted numerator adding back interest on convertibles
CLOSE = (Decimal("0.75"), Decimal("1.33"))


def per_share_mismatches(facts: list[Fact]) -> tuple[list[Withheld], list[Issue]]:
    withheld: list[Withheld] = []
    issues: list[Issue] = []
    arithmetic = per_share_arithmetic()
    pairs = ((eps, pair.weighted_shares) for pair in arithmetic.pairs
             for concept in pair.earnings_per_share for eps in find(facts, concept))
    for eps, shares_concepts in pairs:
        shares = _first(facts, shares_concepts, eps)
        income = _first(facts, arithmetic.income_to_common, eps)
        if shares is None or income is None or 0 in (eps.value, shares.value, income.value):
            continue
        ratio = Decimal(income.value) / (Decimal(eps.value) * Decimal(shares.value))
        suspects, problem = _suspects(ratio, eps, shares, income)
        if not suspects:
            continue
        reason = (f"{eps.concept} {eps.value} x {shares.concept} {shares.value} is {ratio:.3g} times "
                  f"{income.concept} {income.value} for {eps.period}: {problem}")
        withheld.extend(Withheld(f, IssueCode.PER_SHARE_MISMATCH, reason) for f in suspects)
        issues.append(Issue(IssueCode.PER_SHARE_MISMATCH, Severity.ERROR,
                            f"{reason}; withheld: {', '.join(f.concept for f in suspects)}", eps.source))
    return withheld, issues


def _first(facts: list[Fact], concepts: tuple[str, ...], eps: Fact) -> Fact | None:
    return next((f for concept in concepts for f in find(facts, concept, eps.period)), None)


def _suspects(ratio: Decimal, eps: Fact, shares: Fact, income: Fact) -> tuple[list[Fact], str]:
    """Which figures may be the wrong one. A scale off is blamed on the share count: money is scaled by the caption,
    a share count often by words of its own row ('(in thousands)') that a reading can miss. A sign turned is
    blamed on both, but an income its printed lines add up to is spared."""
    if ratio < 0:
        return _unconfirmed([eps, income]), "a sign turned"
    for power in (3, 6, -3, -6):
        low, high = (bound * Decimal(10) ** power for bound in CLOSE)
        if low <= ratio <= high:
            return [shares], f"a scale read wrong by 10^{power}"
    return [], ""


def _unconfirmed(suspects: list[Fact]) -> list[Fact]:
    return [fact for fact in suspects if not fact.closes_sum]
