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
    stated = _header_range(header)
    if stated is not None:
        return stated
    span = duration_months(header) or default_span
    if span is None:
        return None
    count, unit = span
    return Period(end=end, start=start_of_span(end, count, unit))


WEEKS_PER_QUARTER = 13
def _date_in_order(line: str, year: str, position: tuple[int, int] | None) -> date | None:
    """The column's date where the line prints one full date per column, in the columns' order: the year it
    names, or a fiscal year ending in the next January's first week ('1999' over 'January 2, 2000')."""
    dates = [_safe_date(m.group("year"), m.group("month"), m.group("day")) for m in full_date().finditer(line)]
    if position is None or position[1] < 2 or len(dates) != position[1] or None in dates:
        return None
    end = dates[position[0]]
    named = int(year)
    return end if end.year == named or (end.year == named + 1 and end.month == 1 and end.day <= 7) else None


def _date_of_year(line: str, year: str) -> date | None:
    """A full date of the column's year in the line, else the month and day the line names, if it names one
    only (two different ones, and none in this year, leave the column's date unknown)."""
    same_year = [m for m in full_date().finditer(line) if m.group("year") == year]
    if same_year:
        return _safe_date(year, same_year[0].group("month"), same_year[0].group("day"))
    month_days = {(m.group("month").lower(), m.group("day")) for m in month_and_day().finditer(line)}
    if len(month_days) != 1:
        return None
    month, day = month_days.pop()
    return _safe_date(year, month, day)


def _header_range(header: str) -> Period | None:
    """'April 12, 2004 (Date of Inception) to June 30, 2007': the period between the two dates it prints."""
    dates = list(full_date().finditer(header))
    if len(dates) < 2 or not vocabulary().periods["range_word"].search(header, dates[-2].end(), dates[-1].start()):
        return None
    start, end = (_safe_date(m.group("year"), m.group("month"), m.group("day")) for m in dates[-2:])
    return Period(end=end, start=start) if start and end and start < end else None


def _stated_range(caption: list[str], year: str) -> Period | None:
    """'Year ended December 31, 1997 and period from June 3, 1996 (inception) to December 31, 1996' over '1996':
    the period its two printed ends state."""
    for found in vocabulary().periods["range"].finditer(" ".join(caption)):
        start, end = (column_date(found.group(side)) for side in ("start", "end"))
        if start and end and start < end and str(end.year) == year:
            return Period(end=end, start=start)
    return None


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
                        default_span: tuple[int, str] | None = None,
                        position: tuple[int, int] | None = None) -> Period | None:
    """A column headed by its year alone takes month and day from the title: 'For the Years Ended June 30,
    2001, 2000 and 1999' over '2000' is the year ended 2000-06-30; 'January 1, 2000 and January 2, 1999' over
    '1999' is 1999-01-02; 'December 31, 2000 and January 2, 2000' over '2000  1999' dates the columns in order
    (position: the column's index and the table's number of columns), fiscal 1999 ending January 2, 2000."""
    years = _YEAR.findall(header)
    if not years:
        return None
    year = years[-1]
    stated = _stated_range(caption, year)
    if stated is not None and not instant:
        return stated
    # lines naming the column's year first, then the nearest the table: a date far above is an auditor's report's
    for line in [line for line in caption if year in line] + [line for line in reversed(caption) if year not in line]:
        end = _date_in_order(line, year, position) or _date_of_year(line, year)
        if end is None:
            continue
        if instant:
            return Period(end=end)
        span = duration_months(header) or duration_months(line) or default_span
        return Period(end=end, start=start_of_span(end, *span)) if span else None
    return None



def quarters_as_weeks(periods: list[Period]) -> dict[Period, Period]:
    """In a filing whose dates end fiscal weeks ('December 30, 2006'), a quarter or two or three that happens to
    end on a month's last day ('Three Months Ended December 31, 2005') is 13 weeks too, not three calendar months."""
    if not any(_ends_fiscal_week(period.end) for period in periods):
        return {}
    moved = {}
    for period in periods:
        if period.start is None or not _is_month_end(period.end):
            continue
        for months in (3, 6, 9):
            if period.start == start_of_span(period.end, months, "months"):
                moved[period] = Period(end=period.end,
                                       start=start_of_span(period.end, months // 3 * WEEKS_PER_QUARTER, "weeks"))
    return moved


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
