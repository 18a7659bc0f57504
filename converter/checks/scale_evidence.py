"""A statement whose caption names no scale is read as printed, in whole dollars, and that needs evidence. Where its
own par value times the shares its labels print is its common stock a power of 1000 off ('Common stock, $1 par;
4,310,250 shares outstanding  4,310': thousands), its arithmetic states the scale, and its money is read in it
(scale_by_arithmetic), unless another statement of the filing names another. Its money facts are withheld where
the filing's other statements name a scale ('in thousands': nothing shows this one is in whole dollars rather than
under a caption the reading missed or a heading shared with the others). A parent-only statement truly printed in
whole dollars beside consolidated ones in millions is lost too: a missing number costs less than a wrong one."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from converter.model import Fact, Issue, IssueCode, Severity, Unit, Withheld
from converter.text.numbers import normalised_value

PAR_VALUE = "us-gaap:CommonStockParOrStatedValuePerShare"
SHARES = ("us-gaap:CommonStockSharesIssued", "us-gaap:CommonStockSharesOutstanding")
COMMON_STOCK = "us-gaap:CommonStockValue"
CLOSE = Decimal("0.01")       # par x shares against the printed common stock: rounding of a printed figure


def _money_by_statement(facts: list[Fact]) -> dict[int, list[Fact]]:
    money: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.unit is Unit.USD and fact.statement is not None:
            money[fact.statement].append(fact)
    return money


def _scaled(money: dict[int, list[Fact]]) -> set[int]:
    """The statements whose money a printed phrase scales."""
    return {index for index, group in money.items() if any(f.scale_stated and f.scale and not f.in_label for f in group)}


def scale_by_arithmetic(facts: list[Fact]) -> tuple[list[Fact], list[Issue]]:
    """A statement naming no scale whose par value times its shares is its common stock in thousands (or millions)
    is printed in thousands: its own arithmetic states the scale, where no other statement of the filing names
    another (a release's balance sheet printed without the '(in 000s)' its income statement carries). Its money
    facts are scaled so; the others are returned as they are."""
    money = _money_by_statement(facts)
    scaled = _scaled(money)
    stated = {f.scale for index in scaled for f in money[index] if f.scale_stated and f.scale and not f.in_label}
    rescaled: dict[int, Fact] = {}
    issues: list[Issue] = []
    for index, group in sorted(money.items()):
        unproven = [f for f in group if not f.scale_stated]
        power = _statement_power(index, unproven, facts) if unproven and index not in scaled else None
        if not power or stated - {power}:
            continue
        rescaled.update((id(f), replace(f, value=normalised_value(Decimal(f.value).scaleb(power)),
                                        decimals=(f.decimals or 0) - power, scale=(f.scale or 0) + power,
                                        scale_stated=True)) for f in unproven)
        issues.append(Issue(IssueCode.SCALE_FROM_ARITHMETIC, Severity.WARNING,
                            f"statement {index + 1} names no scale; its par value times its shares is its common "
                            f"stock times 10^{power}: its {len(unproven)} money fact(s) read in that scale",
                            unproven[0].source))
    return [rescaled.get(id(f), f) for f in facts], issues


def _statement_power(index: int, unproven: list[Fact], facts: list[Fact]) -> int | None:
    """The one power of 1000 par value times shares states for the statement's common stock at all its dates."""
    powers = {_par_times_shares_power(stock, [f for f in facts if f.statement == index and not f.dimensions
                                               and f.period == stock.period])
              for stock in unproven if stock.concept == COMMON_STOCK and not stock.dimensions and stock.value}
    return powers.pop() if len(powers) == 1 else None


def scale_unproven(facts: list[Fact]) -> tuple[list[Withheld], list[Issue]]:
    money = _money_by_statement(facts)
    scaled = _scaled(money)
    withheld: list[Withheld] = []
    issues: list[Issue] = []
    for index, group in sorted(money.items()):
        unproven = [f for f in group if not f.scale_stated]
        if not unproven or index in scaled:
            continue
        reason = _contradicted_whole_dollars(index, unproven, facts, scaled)
        if reason:
            withheld.extend(Withheld(f, IssueCode.SCALE_UNPROVEN, reason) for f in unproven)
            issues.append(Issue(IssueCode.SCALE_UNPROVEN, Severity.ERROR,
                                f"{reason}: its {len(unproven)} money fact(s) withheld", unproven[0].source))
    return withheld, issues


def _contradicted_whole_dollars(index: int, unproven: list[Fact], facts: list[Fact], scaled: set[int]) -> str | None:
    if scaled:
        return (f"statement {index + 1} names no scale while statement(s) "
                f"{', '.join(str(i + 1) for i in sorted(scaled))} of the filing name one")
    for stock in (f for f in unproven if f.concept == COMMON_STOCK and not f.dimensions and f.value):
        power = _par_times_shares_power(stock, [f for f in facts if f.statement == index and not f.dimensions
                                                and f.period == stock.period])
        if power:
            return (f"statement {index + 1} names no scale and its par value times its shares is its common stock "
                    f"{stock.value} times 10^{power} at {stock.period}")
    return None


def _par_times_shares_power(stock: Fact, same_date: list[Fact]) -> int | None:
    """The power of 1000 (not 1) by which the printed common stock equals par value times the shares, if any."""
    par = next((f.value for f in same_date if f.concept == PAR_VALUE), None)
    for shares in (f.value for f in same_date if f.concept in SHARES):
        if not par or not isinstance(shares, Decimal):
            continue
        product = Decimal(par) * shares
        for power in (0, 3, 6):
            if abs(Decimal(stock.value).scaleb(power) - product) <= CLOSE * product:
                return power or None
    return None
