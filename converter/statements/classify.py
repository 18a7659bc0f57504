"""What kind of statement a table is, and what role each of its columns plays."""
from __future__ import annotations

from converter.model import Column, ColumnRole, Period, StatementKind, Table
from converter.text.vocabulary import vocabulary

MIN_LABEL_MATCHES = 2


def classify_table(table: Table) -> tuple[StatementKind, bool] | None:
    """The kind, and whether the caption named it. The caption decides; where it names no statement, the row
    labels do (a 'Total assets' row...), unless the table is a note's or a summary's (see is_note_table)."""
    titles = statement_titles(table.caption)
    for pattern in vocabulary().kinds:
        if any(pattern.caption.search(line) for line in titles):
            return StatementKind(pattern.kind), True
    if is_note_table(table) or _summary_lines(table.caption):
        return None
    labels = [row.label for row in table.rows]
    for pattern in vocabulary().kinds:
        if sum(1 for label in labels if pattern.labels.search(label)) >= MIN_LABEL_MATCHES and (
                pattern.also is None or any(pattern.also.search(label) for label in labels)):
            return StatementKind(pattern.kind), False
    return None


def statement_titles(caption: list[str]) -> list[str]:
    """The caption lines naming a statement ('Condensed Consolidated Balance Sheets'), in order; not those of a
    summary that names one ('Selected income statement data', also wrapped over two lines: 'Selected income
    statement and' over 'balance sheet data')."""
    summary = _summary_lines(caption)
    return [line for index, line in enumerate(caption) if index not in summary
            and not vocabulary().note_heading.search(line)
            and any(pattern.caption.search(line) for pattern in vocabulary().kinds)]


def _summary_lines(caption: list[str]) -> set[int]:
    """Which caption lines print a summary's name, alone or run on into the next line."""
    summary = vocabulary().summary_captions
    lines: set[int] = set()
    for index, line in enumerate(caption):
        if summary.search(line):
            lines.add(index)
        elif index + 1 < len(caption) and not summary.search(caption[index + 1]) \
                and summary.search(f"{line} {caption[index + 1]}"):       # matched across the two, neither alone
            lines.update((index, index + 1))
    return lines


def is_note_table(table: Table) -> bool:
    """A table of the notes that reads like a statement: stock option or restricted stock unit activity runs from
    'Balance at September 29, 2007' through grants and exercises to the next balance, as an equity statement does,
    but its columns count awards and their prices ('Weighted-Average Exercise Price', 'Aggregate Intrinsic Value'),
    which no statement's columns do."""
    return any(vocabulary().note_columns.search(header) for header in table.column_headers)


def column_role(header: str) -> ColumnRole:
    patterns = vocabulary().columns
    for role in (ColumnRole.SUPERSEDED, ColumnRole.ADJUSTMENT, ColumnRole.NON_GAAP, ColumnRole.CHANGE):
        if patterns[role.value].search(header):
            return role
    return ColumnRole.REPORTED


def separate_segments(columns: list[Column]) -> None:
    """Reported columns sharing one period are segments, entities or equity components, which a plain us-gaap
    fact cannot tell apart: only the one headed as the consolidated total stays reported."""
    by_period: dict[Period, list[Column]] = {}
    for column in columns:
        if column.role is ColumnRole.REPORTED and column.period is not None:
            by_period.setdefault(column.period, []).append(column)
    total = vocabulary().columns["consolidated"]
    for group in by_period.values():
        if len(group) < 2:
            continue
        totals = [column for column in group if total.search(column.header)]
        for column in group:
            if len(totals) != 1 or column is not totals[0]:
                column.role = ColumnRole.SEGMENT
