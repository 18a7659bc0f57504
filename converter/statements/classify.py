"""What kind of statement a table is, and what role each of its columns plays."""
from __future__ import annotations

from converter.model import Column, ColumnRole, Period, StatementKind, Table
from converter.text.vocabulary import vocabulary

MIN_LABEL_MATCHES = 2


def classify_table(table: Table) -> tuple[StatementKind, bool] | None:
    """The kind, and whether the caption named it. The caption decides; where it names no statement, the row
    labels do (a 'Total assets' row...), unless the table is a note's or a summary's (see is_note_table)."""
    titles = [line for line in table.caption if is_title(line)]
    for pattern in vocabulary().kinds:
        if any(pattern.caption.search(line) for line in titles):
            return StatementKind(pattern.kind), True
    if is_note_table(table) or any(vocabulary().summary_captions.search(line) for line in table.caption):
        return None
    labels = [row.label for row in table.rows]
    for pattern in vocabulary().kinds:
        if sum(1 for label in labels if pattern.labels.search(label)) >= MIN_LABEL_MATCHES and (
                pattern.also is None or any(pattern.also.search(label) for label in labels)):
            return StatementKind(pattern.kind), False
    return None


def is_title(line: str) -> bool:
    """A caption line naming a statement ('Condensed Consolidated Balance Sheets'), not a summary that names one
    ('Selected income statement data')."""
    return any(pattern.caption.search(line) for pattern in vocabulary().kinds) and \
        not vocabulary().summary_captions.search(line)


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
