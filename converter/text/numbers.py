"""The grammar of printed numbers, shared by readers, statements and writers: '$(1,234)', '(0.02)', '$--',
'66.1%', '1,234*', '1,234(a)'."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from converter.model import Amount, Fact

# A printed number's digits: "1,234", "1234.5", ".25".
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# A footnote mark printed after a figure: "1,234(a)", "1,234*", "1,234\u2020".
FOOTNOTE_MARK = r"(?:\s*(?:\([a-z]\)|\*+|\u2020|\u2021))?"
# A year as a column header prints it: "2003".
YEAR = re.compile(r"^(?:19|20)\d\d$")

_ZERO = re.compile(r"^\$?\s*\(?\s*(?:-{1,3}|\u2014|\u2013|-0-|nil)\s*\)?$", re.I)
_NUMBER = re.compile(r"^(?P<neg1>\()?\s*\$?\s*(?P<neg2>\()?\s*(?P<minus>-)?\s*\$?\s*(?P<digits>[\d,]*\.?\d+)\s*"
                     r"(?P<close>\))?\s*(?P<pct>%)?\s*\)?\s*(?:\([a-z]\)|[*\u2020\u2021]+)?$")

# No statement prints more digits (ten trillion dollars in cents is 16); a longer run is an identifier or noise, and
# staying well inside Decimal's default 28-digit precision keeps every later sum and scaling exact.
MAX_DIGITS = 20


def parse_amount(text: str) -> Amount | None:
    """The printed value with its sign as printed; None for an empty or unreadable cell."""
    text = text.strip()
    if not text:
        return None
    if _ZERO.match(text):
        return Amount(Decimal(0), 0)
    match = _NUMBER.match(text)
    if not match:
        return None
    digits = match.group("digits").replace(",", "")
    if len(digits) > MAX_DIGITS:
        return None
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    negative = bool(match.group("minus")) or bool((match.group("neg1") or match.group("neg2")) and
                                                  (match.group("close") or text.endswith(")")))
    places = len(digits.split(".")[1]) if "." in digits else 0
    return Amount(-value if negative else value, places, is_percent=bool(match.group("pct")))


def facts_agree(first: Fact, second: Fact) -> bool:
    """Two facts' values agree to the coarser of their precisions; a non-numeric value agrees only with itself."""
    if not isinstance(first.value, Decimal) or not isinstance(second.value, Decimal):
        return first.value == second.value
    return agree_at_precision(first.value, first.places, second.value, second.places)


def agree_at_precision(first: Decimal, first_places: int, second: Decimal, second_places: int) -> bool:
    """Two figures that agree to the coarser of their printed precisions ('150' in millions is '150,123' in
    thousands)."""
    step = Decimal(1).scaleb(-min(first_places, second_places))
    return first.quantize(step) == second.quantize(step)


def normalised_value(value: Decimal) -> Decimal:
    """A fact value as the instance writes it: integers without places, never "-0" (a dash under a negated line
    is plain zero), other values without trailing zeros."""
    if value == 0:
        return Decimal(0)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
