"""The scale of printed amounts, from a statement's caption and headers."""
from __future__ import annotations

from converter.model import Scale
from converter.statements.vocabulary import vocabulary


def detect_scale(texts: list[str]) -> Scale:
    """'(In thousands, except per share data)': money and shares x1000; per-share amounts are never scaled."""
    text = " ".join(texts)
    patterns = vocabulary().scale
    # the scale named first is the money's: "(in millions, except share amounts which are reflected in thousands)"
    named = sorted((found.start(), exponent) for name, exponent in (("thousands", 3), ("millions", 6), ("billions", 9))
                   if (found := patterns[name].search(text)))
    power = named[0][1] if named else 0
    if patterns["shares_in_thousands"].search(text):
        shares = 3
    else:
        shares = 0 if patterns["shares_unscaled"].search(text) else power
    return Scale(money=power, shares=shares)
