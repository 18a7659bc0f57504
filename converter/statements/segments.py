"""Blocks of lines a statement prints per business segment before the company's totals: 'Machinery' over its
lines down to 'Total Machinery assets', then 'Credit Company' down to 'Income before income taxes - Credit
Company'. A heading opens such a block when a later total names it inside a longer label ('Total Current assets'
closes an ordinary section instead) with lines between; at least two segments must be printed, and generic section
words (taxonomy_maps/statements.toml: not_segment) never name one."""
from __future__ import annotations

import re
from typing import Iterator

from converter.model import StatementRow
from converter.text.vocabulary import vocabulary


MIN_BLOCK_LINES = 2     # a heading over one line and its restatement ("Extraordinary item:" ...) is no segment


def mark_segment_blocks(rows: list[StatementRow]) -> None:
    for blocks in (list(_blocks(rows)), list(_repeated_blocks(rows))):
        if len({name.lower() for name, _, _ in blocks}) >= 2:
            for name, start, end in blocks:
                for row in rows[start + 1:end + 1]:
                    row.segment = name
            return


def _repeated_blocks(rows: list[StatementRow]) -> Iterator[tuple[str, int, int]]:
    """Headings printed once in each part of a statement ('Insurance and Other:' under 'Revenues:' and again under
    'Costs and expenses:') name segments: each block runs to the total that closes it, or to the last line before
    the next segment's heading or the heading of a balance sheet's other side ('Liabilities and shareholders'
    equity')."""
    names = [_words(row.label) if row.is_heading else "" for row in rows]
    repeated = {name for name in names if name and names.count(name) >= 2 and _may_name_segment(name)}
    for start, name in enumerate(names):
        if name in repeated:
            end = _block_close(rows, names, repeated, start)
            if end is not None:
                yield rows[start].label.rstrip(":").strip(), start, end


def _may_name_segment(name: str) -> bool:
    structure = vocabulary().structure
    return not structure["not_segment"].search(structure["segment_catch_all"].sub("", name))


def _block_close(rows: list[StatementRow], names: list[str], segments: set[str], start: int) -> int | None:
    last_line = None
    for index in range(start + 1, len(rows)):
        row = rows[index]
        if row.is_heading and (names[index] in segments or vocabulary().structure["liabilities"].search(row.label)):
            break
        if row.is_heading:
            continue
        lines = sum(1 for other in rows[start + 1:index] if not other.is_heading)
        if (row.synthesized_label or vocabulary().structure["stated_total"].search(row.label)) \
                and lines >= MIN_BLOCK_LINES:
            return index
        last_line = index
    lines = sum(1 for other in rows[start + 1:(last_line or start) + 1] if not other.is_heading)
    return last_line if lines >= MIN_BLOCK_LINES else None


def _blocks(rows: list[StatementRow]) -> Iterator[tuple[str, int, int]]:
    """(segment name as printed, heading row, closing row) for each block, in order."""
    words = [_words(row.label) for row in rows]     # read once, not again for every heading below which they stand
    index = 0
    while index < len(rows):
        end = _block_end(rows, words, index)
        if end is None:
            index += 1
            continue
        yield rows[index].label.rstrip(":").strip(), index, end
        index = end + 1


def _block_end(rows: list[StatementRow], words: list[str], start: int) -> int | None:
    """words: each row's label as _words gives it."""
    heading = rows[start]
    name = words[start]
    if not heading.is_heading or not name or vocabulary().structure["not_segment"].search(heading.label):
        return None
    for index in range(start + 1, len(rows)):
        # the heading's words among the row's, whole words: both are words joined by single spaces
        if not rows[index].is_heading and f" {name} " in f" {words[index]} " and words[index] != f"total {name}":
            closes = vocabulary().structure["total"].search(rows[index].label)
            lines = sum(1 for row in rows[start + 1:index] if not row.is_heading)
            return index if closes and lines >= MIN_BLOCK_LINES else None
    return None


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
