"""The grammar of printed dates, every form built from the one list of month names in taxonomy_maps/text.toml."""
from __future__ import annotations

import re
from functools import lru_cache

from converter.text.vocabulary import vocabulary

_YEAR = r"(?:19|20)\d\d"


@lru_cache(maxsize=1)
def full_date() -> re.Pattern[str]:
    """'March 31, 2003', 'Mar. 31 2003', 'SEPT 30, 1999', 'October 3,1998' (groups month, day, year)."""
    return re.compile(rf"(?P<month>{vocabulary().month})\s+(?P<day>\d{{1,2}})(?:,\s*|\s+)(?P<year>{_YEAR})\b", re.I)


@lru_cache(maxsize=1)
def month_and_day() -> re.Pattern[str]:
    """'March 31' with the year printed elsewhere (groups month, day)."""
    return re.compile(rf"(?P<month>{vocabulary().month})\s+(?P<day>\d{{1,2}})\b", re.I)


@lru_cache(maxsize=1)
def long_date() -> re.Pattern[str]:
    """A date with the month's whole name, as a cover page prints it: 'April 9, 2003' (groups 1-3)."""
    return re.compile(rf"\b({'|'.join(vocabulary().months)})\s+(\d{{1,2}}),?\s+({_YEAR})\b", re.I)


@lru_cache(maxsize=1)
def printed_long_date() -> re.Pattern[str]:
    """'April 9, 2003' exactly as ixt:date-monthname-day-year-en reads it: a capitalised whole month name."""
    names = "|".join(name.capitalize() for name in vocabulary().months)
    return re.compile(rf"\b(?:{names}) {{1,2}}\d{{1,2}}, {{1,2}}\d{{4}}\b")


@lru_cache(maxsize=1)
def month_word() -> re.Pattern[str]:
    """Any word naming a month ('Cash at January 1'); its first three letters tell which."""
    prefixes = "|".join(name[:3] for name in vocabulary().months)
    return re.compile(rf"\b(?:{prefixes})[a-z]*\b", re.I)


def month_number(name: str) -> int | None:
    """'March', 'Mar.', 'MAR' -> 3."""
    prefix = name[:3].lower()
    if len(prefix) != 3:
        return None
    return next((number for number, full in enumerate(vocabulary().months, start=1) if full.startswith(prefix)), None)
