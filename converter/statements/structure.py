"""The sums a statement prints: which rows total which, found by checking the printed numbers.

A total row closes the shortest run of the open rows just above it whose printed amounts add up to it, either all
added ('Total operating expenses') or the first less the rest ('Gross profit' = revenues - cost of revenues), in
every reported column at once; where at least two columns prove it, also the first less the next few and plus the
rest as printed ('Net income' = pre-tax income - income taxes + a minority interest printed (7) + equity in
investees' income): the lines below a pre-tax total print their effect on it, a deducted tax apart.

A total whose run adds up in some columns but not in others, beyond the rounding of its printed figures, is
contradicted there: a column read one line off, or a figure taken from the wrong place. Those columns' cells of the
total and its run are what the filing's own arithmetic disputes (Sums.contradicted); the checks withhold them."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from converter.model import Amount, Measure, Statement
from converter.text.profiles import profile
from converter.text.vocabulary import vocabulary

MAX_CHILDREN = 25


@dataclass(frozen=True)
class Link:
    parent: int          # row index of the total
    sign: int            # +1 where the row is added into the total, -1 where it is subtracted


@dataclass(frozen=True)
class Contradiction:
    """A printed total whose run of lines adds up to it in other columns, not in these."""
    total: int                   # row index of the total
    items: tuple[int, ...]       # the rows it adds up in the other columns
    columns: tuple[int, ...]     # where it does not
    reason: str


@dataclass
class Sums:
    links: dict[int, Link] = field(default_factory=dict)
    contradicted: list[Contradiction] = field(default_factory=list)

    def disputed_cells(self) -> dict[tuple[int, int], str]:
        """(row, column) -> why: the cells a contradicted sum puts in doubt."""
        cells = {}
        for contradiction in self.contradicted:
            for row in (contradiction.total, *contradiction.items):
                for column in contradiction.columns:
                    cells.setdefault((row, column), contradiction.reason)
        return cells


def find_sums(statement: Statement, columns: list[int]) -> Sums:
    sums = Sums()
    links = sums.links
    open_rows: list[int] = []
    total_pattern = vocabulary().structure["total"]
    for index, row in enumerate(statement.rows):
        if row.is_heading or row.measure is not Measure.MONETARY or not _has_values(statement, index, columns):
            continue
        may_total = row.synthesized_label or bool(total_pattern.search(row.label))
        closed = _closed_run(statement, index, open_rows, columns) if may_total else None
        if closed:
            count, signs = closed
            for child, sign in zip(open_rows[-count:], signs):
                links[child] = Link(index, sign)
            del open_rows[-count:]
        elif may_total and len(columns) > 1:
            contradiction = _contradicted_run(statement, index, open_rows, columns)
            if contradiction:
                sums.contradicted.append(contradiction)
        open_rows.append(index)
        if vocabulary().structure["side_total"].search(row.label):
            # no sum reaches back past total assets: 'equity = assets - liabilities' holds on every balance sheet
            # and would make any equity line look like a total
            open_rows.clear()
    return sums


def _has_values(statement: Statement, index: int, columns: list[int]) -> bool:
    return any(statement.rows[index].amounts[c] is not None for c in columns)


def _closed_run(statement: Statement, total: int, open_rows: list[int], columns: list[int]
                ) -> tuple[int, list[int]] | None:
    totals = [_value(statement, total, c) for c in columns]
    if all(t == 0 for t in totals):
        return None
    for run, signs in _runs(open_rows, deducted_then_added=True):
        if (all(sum(s * _value(statement, r, c) for s, r in zip(signs, run)) == t for c, t in zip(columns, totals))
                and (_plain(signs) or _proven_in_two_columns(statement, run, columns))):
            return len(run), signs
    return None


def _plain(signs: list[int]) -> bool:
    return all(s == 1 for s in signs) or all(s == -1 for s in signs[1:])


def _proven_in_two_columns(statement: Statement, run: list[int], columns: list[int]) -> bool:
    """One column could add up under one of so many sign patterns by chance; two at once, each with two lines of
    the run printed, hardly."""
    return sum(sum(_value(statement, r, c) != 0 for r in run) >= 2 for c in columns) >= 2


def _runs(open_rows: list[int], deducted_then_added: bool = False) -> Iterator[tuple[list[int], list[int]]]:
    """The runs a total may close, shortest first: (rows, signs) all added, then the first less the rest, then (if
    asked) the first less the next one or more and plus the one or more after them."""
    for count in range(2, min(len(open_rows), MAX_CHILDREN) + 1):
        for signs in ([1] * count, [1] + [-1] * (count - 1)):
            yield open_rows[-count:], signs
        if deducted_then_added:
            for deducted in range(1, count - 1):
                yield open_rows[-count:], [1] + [-1] * deducted + [1] * (count - 1 - deducted)


def _contradicted_run(statement: Statement, total: int, open_rows: list[int], columns: list[int]
                      ) -> Contradiction | None:
    """The shortest run that adds up to the total in at least as many columns as it misses it in by more than its
    figures' rounding. Only columns where the total and every line of the run are printed count (a dash or a blank
    proves nothing: the longer run may add up as well, or the blank cell be the one misread), and where it adds up
    the line above the run must be printed too, else the longer run adds up as well. One column is evidence enough
    only for a stated total ('Total ...'): two lines of any label may differ by a third in one column by chance."""
    stated = bool(vocabulary().structure["stated_total"].search(statement.rows[total].label))
    for run, signs in _runs(open_rows):
        above = open_rows[-len(run) - 1] if len(run) < len(open_rows) else None
        adds_up, misses = [], []
        for column in columns:
            cells = [statement.rows[r].amounts[column] for r in (total, *run)]
            if any(cell is None or cell.value == 0 for cell in cells):
                continue
            missed = abs(sum(s * cell.value for s, cell in zip(signs, cells[1:])) - cells[0].value)
            if missed == 0 and (above is None or _value(statement, above, column) != 0):
                adds_up.append(column)
            elif missed > _rounding(cells):
                misses.append(column)
        if misses and len(adds_up) >= len(misses) and (len(adds_up) > 1 or stated):
            return Contradiction(total, tuple(run), tuple(misses),
                                 f"{statement.rows[total].label!r} is the sum of the {len(run)} lines above it in "
                                 f"{len(adds_up)} column(s), not in {len(misses)}")
    return None


def _rounding(cells: list[Amount]) -> Decimal:
    """How far a sum of rounded figures may miss its rounded total: half a unit of each one's last printed place."""
    return sum((Decimal(1).scaleb(-cell.places) / 2 for cell in cells), Decimal(0))


def _value(statement: Statement, row: int, column: int) -> Decimal:
    return statement.rows[row].printed_value(column)


def unbalanced_totals(statement: Statement, columns: list[int], links: dict[int, Link]) -> list[int]:
    """Rows labelled as totals (or unlabeled totals) with amounts that close no run of the lines above them."""
    total_pattern = vocabulary().structure["stated_total"]
    parents = {link.parent for link in links.values()}
    return [i for i, row in enumerate(statement.rows)
            if not row.is_heading and row.measure is Measure.MONETARY and i not in parents
            and (row.synthesized_label or total_pattern.search(row.label)) and _has_values(statement, i, columns)
            and any(_value(statement, i, c) != 0 for c in columns)]


def section_above(statement: Statement) -> list[str]:
    """For each row, the heading or stated total printed last above it: what an ambiguous label ('Other') is
    read in the light of; and, where that names no activity, the cash-flow activity opened last above it
    ('Acquisition of a business / investing activities'). A closing balance is read in the light of the opening
    balance above it, since sub-headings ('Other comprehensive income:') may stand between them."""
    sections = []
    last = activity = opened_at = ""
    structure = vocabulary().structure
    for row in statement.rows:
        named = structure["activity"].search(last)
        section = f"{last} / {activity} activities" if activity and not named else last
        if structure["opening_balance"].search(row.label):
            opened_at = section
        elif structure["closing_balance"].search(row.label) and opened_at:
            section = opened_at
        sections.append(section)
        if row.is_heading or structure["section_mark"].search(row.label):
            last = row.label
            opened = structure["activity"].search(row.label)
            if opened and row.is_heading and profile(statement.kind).activities:
                activity = opened.group(0).lower()
    return sections

