"""The scale of printed amounts, from a statement's caption and headers."""
from __future__ import annotations

from converter.model import Measure, Scale, Statement, StatementRow
from converter.text.vocabulary import vocabulary


def detect_scale(texts: list[str]) -> Scale:
    """'(In thousands, except per share data)': money and shares x1000; per-share amounts are never scaled."""
    text = " ".join(texts)
    words = vocabulary()
    # the scale named first is the money's: "(in millions, except share amounts which are reflected in thousands)";
    # a power named anywhere beats a phrase naming whole dollars
    named = sorted((found.start(), scale.power) for scale in words.money_scales
                   if (found := scale.pattern.search(text)))
    powers = [power for _, power in named if power] or [0]
    power = powers[0]
    if words.scale_words["shares_in_thousands"].search(text):
        shares = 3
    else:
        shares = 0 if words.scale_words["shares_unscaled"].search(text) else power
    return Scale(money=power, shares=shares, stated=bool(named))


def printed_power(statement: Statement, row: StatementRow, measure: Measure | None = None) -> int:
    """The power of ten the row's printed amounts of a measure (its own, by default) carry: the row's own words',
    else the caption's; per-share amounts are never scaled."""
    measure = measure or row.measure
    if measure not in (Measure.MONETARY, Measure.SHARES):
        return 0
    if row.scale is not None:
        return row.scale
    return statement.scale.money if measure is Measure.MONETARY else statement.scale.shares


def row_scale(label: str) -> int | None:
    """The power of ten a row's own words state: 'Shares used in computing per share amounts (in thousands)' is 3
    whatever the caption says; '(in whole shares)' is 0; a row that states none is None."""
    words = vocabulary()
    if words.scale_words["row_unscaled"].search(label):
        return 0
    named = sorted((found.start(), scale.power) for scale in words.money_scales if (found := scale.pattern.search(label)))
    return named[0][1] if named else None
