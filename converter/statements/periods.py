"""Column periods from header text: 'Three months ended March 31, 2003' is 2003-01-01..2003-03-31; a balance
sheet column 'December 31, 2002' is the instant 2002-12-31."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from converter.model import Period
from converter.text.dates import full_date, month_and_day, month_number
from converter.text.vocabulary import vocabulary

_YEAR = re.compile(r"(?<![\d,.])(?P<year>(?:19|20)\d\d)(?![\d,])")
_NUMERIC_DATE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d\d)\b")


def column_date(header: str) -> date | None:
    """The last date the header names: 'March 31, 2003', 'March 31,' with the year elsewhere, or '3/31/03'."""
    full = list(full_date().finditer(header))
    if full:
        return _safe_date(full[-1].group("year"), full[-1].group("month"), full[-1].group("day"))
    numeric = list(_NUMERIC_DATE.finditer(header))
    if numeric:
        m = numeric[-1]
        year = m.group("year")
        year = year if len(year) == 4 else ("19" if int(year) > 50 else "20") + year
        return _safe_date(year, m.group("month"), m.group("day"))
    month_day = list(month_and_day().finditer(header))
    years = list(_YEAR.finditer(header))
    if month_day and years:
        return _safe_date(years[-1].group("year"), month_day[-1].group("month"), month_day[-1].group("day"))
    return None


def duration_months(header: str) -> tuple[int, str] | None:
    """(count, 'months' or 'weeks') for the span a header states, or None where it states none."""
    match = vocabulary().periods["duration"].search(header)
    if match:
        count = match.group("count").lower()
        number = int(count) if count.isdigit() else vocabulary().number_words[count.lower()]
        unit = match.group("unit").lower()
        if unit.startswith("quarter"):
            return number * 3, "months"
        return number, "weeks" if unit.startswith("week") else "months"
    if vocabulary().periods["quarter"].search(header):
        return 3, "months"
    if vocabulary().periods["year"].search(header):
        return 12, "months"
    return None


def column_period(header: str, instant: bool, default_span: tuple[int, str] | None = None) -> Period | None:
    end = column_date(header)
    if end is None:
        return None
    if instant:
        return Period(end=end)
    span = duration_months(header) or default_span
    if span is None:
        return None
    count, unit = span
    return Period(end=end, start=start_of_span(end, count, unit))


WEEKS_PER_QUARTER = 13
FISCAL_WEEK_SLACK = 6   # days a 52/53-week period end may sit from the calendar date a title suggests


def start_of_span(end: date, count: int, unit: str) -> date:
    """The first day of `count` months or weeks ending on `end`. A quarter or two or three ending a few days off
    a month's end ('Three Months Ended June 26, 2010') belongs to a 52/53-week calendar: its quarters are 13
    weeks, not three calendar months (a full year is left to the fiscal dates the filing states)."""
    if unit == "months" and count in (3, 6, 9) and _ends_fiscal_week(end):
        count, unit = count // 3 * WEEKS_PER_QUARTER, "weeks"
    if unit == "weeks":
        return end - timedelta(days=7 * count - 1)
    month_index = end.year * 12 + end.month - 1 - count
    year, month = divmod(month_index, 12)
    month += 1
    if end.day == calendar.monthrange(end.year, end.month)[1]:
        return date(year, month, calendar.monthrange(year, month)[1]) + timedelta(days=1)
    day = min(end.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=1)


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _closing_date(balance: date, column_dates: set[date]) -> date:
    """A balance printed at a month's first day ('Balance at January 1, 2005') opens that month: it is the close
    of the day before, unless a balance-sheet column closes a fiscal year on that very day."""
    return balance - timedelta(days=1) if balance.day == 1 and balance not in column_dates else balance


def _ends_fiscal_week(end: date) -> bool:
    """An end a few days either side of a month's last day, not on it: the end of a fiscal week."""
    days_before_month_end = calendar.monthrange(end.year, end.month)[1] - end.day
    days_after_last_month_end = end.day
    return not _is_month_end(end) and (days_before_month_end <= FISCAL_WEEK_SLACK
                                        or days_after_last_month_end <= FISCAL_WEEK_SLACK)


def _safe_date(year: str, month: str, day: str) -> date | None:
    number = int(month) if month.isdigit() else month_number(month)
    try:
        return date(int(year), number or 0, int(day))
    except ValueError:
        return None



def period_from_caption(header: str, caption: list[str], instant: bool,
                        default_span: tuple[int, str] | None = None) -> Period | None:
    """A column headed by its year alone takes month and day from the title: 'For the Years Ended June 30,
    2001, 2000 and 1999' over '2000' is the year ended 2000-06-30; 'January 1, 2000 and January 2, 1999' over
    '1999' is 1999-01-02."""
    years = _YEAR.findall(header)
    if not years:
        return None
    year = years[-1]
    for line in caption:
        same_year = [m for m in full_date().finditer(line) if m.group("year") == year]
        month_day = same_year[0] if same_year else next(iter(reversed(list(month_and_day().finditer(line)))), None)
        if month_day is None:
            continue
        end = _safe_date(year, month_day.group("month"), month_day.group("day"))
        if end is None or instant:
            return end and Period(end=end)
        span = duration_months(header) or duration_months(line) or default_span
        return Period(end=end, start=start_of_span(end, *span)) if span else None
    return None



def snap_to_fiscal_dates(periods: list[Period], balances: list[Period] = ()) -> dict[Period, Period]:
    """52/53-week years end on a weekday, not a date: a year computed back from 'January 1, 2000' starts on
    the day after the prior year-end the balance sheet states (January 2, 1999), not on January 2 by the
    calendar. Ends and starts within a few days of a stated instant (an instant among `periods`, or one of
    the `balances` printed elsewhere) move onto it."""
    columns = {period.end for period in periods if period.is_instant}
    stated = sorted(columns | {_closing_date(balance.end, columns) for balance in balances if balance.is_instant})

    def nearest(day: date) -> date:
        close = [d for d in stated if abs((d - day).days) <= FISCAL_WEEK_SLACK]
        return min(close, key=lambda d: abs((d - day).days)) if close else day

    moved = {}
    for period in periods:
        if period.start is None:
            continue
        start = nearest(period.start - timedelta(days=1)) + timedelta(days=1)
        end = nearest(period.end)
        if (start, end) != (period.start, period.end):
            moved[period] = Period(end=end, start=start)
    return moved
