"""Statements of stockholders' equity that roll forward down the page date their rows, not their columns:
'Balance, June 30, 2001', that year's changes, 'Balance, June 30, 2002', ...; or a heading per year
('YEAR ENDED DECEMBER 31, 2001') over its opening balance, its changes and its closing balance. Each such row takes
the period it rolls over; a column printed over all of them ('Years ended June 30, 2002 and 2003') would date every
year's changes as the first year's."""
from __future__ import annotations

from datetime import date, timedelta

from converter.model import Period, StatementRow
from converter.statements.periods import column_date, column_period, duration_months
from converter.text.vocabulary import vocabulary


def date_rolled_forward_rows(rows: list[StatementRow]) -> None:
    dated = {i: when for i, row in enumerate(rows) if not row.is_heading
             and vocabulary().structure["dated_balance"].search(row.label) and (when := column_date(row.label))}
    if len(set(dated.values())) >= 2:
        _between_balances(rows, dated)
    else:
        _under_period_headings(rows)


def _between_balances(rows: list[StatementRow], dated: dict[int, date]) -> None:
    """A balance is its date's; a change between two balances is the span from the one to the other. A balance
    printed at a month's first day ('Balances, January 1, 1998') opens that day: it is the close of the day before
    (a fiscal year that does end on such a day is snapped back onto the balance sheet's date later)."""
    closes = {index: when - timedelta(days=1) if when.day == 1 else when for index, when in dated.items()}
    marks = sorted(closes)
    for first, second in zip(marks, marks[1:]):
        span = Period(end=closes[second], start=closes[first] + timedelta(days=1))
        for row in rows[first + 1:second]:
            row.period = span
    for index in marks:
        rows[index].period = Period(end=closes[index])


def _under_period_headings(rows: list[StatementRow]) -> None:
    headings = {i: period for i, row in enumerate(rows) if row.is_heading and duration_months(row.label)
                and (period := column_period(row.label, instant=False)) is not None and not period.is_instant}
    if len(set(headings.values())) < 2:
        return
    current = None
    for index, row in enumerate(rows):
        current = headings.get(index, current)
        if current is not None and not row.is_heading:
            row.period = current
