"""EX-27 Financial Data Schedules: '<TAG>  value' lines under an <ARTICLE>, with <MULTIPLIER>, <PERIOD-TYPE>,
<FISCAL-YEAR-END>, <PERIOD-START>/<PERIOD-END> ('JUN-30-1999'), <RESTATED>, <FLAWED> and <F1> footnote marks.
A document may hold several schedules, each starting at its <ARTICLE> line."""
from __future__ import annotations

import re
from datetime import date
from converter.model import Document, FinancialDataSchedule, ScheduleValue, SourceRef
from converter.text.numbers import parse_amount
from converter.text.dates import month_number

_TAG_LINE = re.compile(r"^\s*<(?P<tag>[A-Z0-9][A-Z0-9&/.-]*)>[ \t]*(?P<value>[^<\n]*?)[ \t]*(?P<marks>(?:<F\d+>\s*)*)$",
                       re.M)
_SCHEDULE_DATE = re.compile(r"^(?P<month>[A-Z]{3})-(?P<day>\d{1,2})-(?P<year>\d{4})$")
# Tags of the markup around the schedule, not schedule items.
_MARKUP = {"TYPE", "SEQUENCE", "DESCRIPTION", "FILENAME", "TEXT", "PAGE", "TABLE", "S", "C", "LEGEND", "FN",
           "CAPTION", "NAME", "SERIES", "NUMBER"}
_FLAGS = {"RESTATED", "FLAWED"}
_FOOTNOTE = re.compile(r"^F\d+$")


def read_schedules(document: Document) -> list[FinancialDataSchedule]:
    schedules: list[FinancialDataSchedule] = []
    flags: set[str] = set()
    for match in _TAG_LINE.finditer(document.text):
        tag, text = match.group("tag").upper(), match.group("value").strip()
        if tag in _FLAGS and schedules and not schedules[-1].values:
            _flag(schedules[-1], tag)
        elif tag in _FLAGS:
            flags.add(tag)
        elif _FOOTNOTE.match(tag):
            continue
        elif tag == "ARTICLE":
            schedules.append(_new_schedule(document.name, text, flags))
            flags = set()
        elif schedules and tag not in _MARKUP:
            _add(schedules[-1], tag, text, _value_source(document, match))
    for schedule in schedules:
        schedule.flawed = schedule.flawed or "FLAWED" in flags
    return [schedule for schedule in schedules if schedule.values]


def _value_source(document: Document, match: re.Match) -> SourceRef:
    """Line and column of the value, columns counted with tabs expanded as the text-table reader counts them."""
    line_start = document.text.rfind("\n", 0, match.start("value")) + 1
    column = len(document.text[line_start: match.start("value")].expandtabs(8))
    return SourceRef(document.name, document.text.count("\n", 0, line_start) + 1, column)


def _new_schedule(document: str, article: str, flags: set[str]) -> FinancialDataSchedule:
    return FinancialDataSchedule(document=document, article=article.strip().upper() or "?", multiplier=1,
                                 period_type=None, fiscal_year_end=None, period_start=None, period_end=None,
                                 restated="RESTATED" in flags, flawed="FLAWED" in flags)


def _add(schedule: FinancialDataSchedule, tag: str, text: str, source: SourceRef) -> None:
    if tag == "MULTIPLIER":
        schedule.multiplier = _multiplier(text)
    elif tag == "PERIOD-TYPE":
        schedule.period_type = text.upper() or None
    elif tag == "FISCAL-YEAR-END":
        schedule.fiscal_year_end = schedule_date(text)
    elif tag == "PERIOD-START":
        schedule.period_start = schedule_date(text)
    elif tag == "PERIOD-END":
        schedule.period_end = schedule_date(text)
    else:
        amount = parse_amount(text)
        schedule.values.append(ScheduleValue(tag=tag, text=text, value=amount and amount.value,
                                             places=amount.places if amount else 0, source=source))


def _flag(schedule: FinancialDataSchedule, tag: str) -> None:
    if tag == "RESTATED":
        schedule.restated = True
    else:
        schedule.flawed = True


def schedule_date(text: str) -> date | None:
    match = _SCHEDULE_DATE.match(text.strip().upper())
    month = month_number(match.group("month")) if match else None
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _multiplier(text: str) -> int:
    digits = text.replace(",", "").strip()
    return int(digits) if digits.isdigit() and int(digits) > 0 else 1

