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
    blocks = list(_blocks(rows))
    if len({name.lower() for name, _, _ in blocks}) < 2:
        return
    for name, start, end in blocks:
        for row in rows[start + 1:end + 1]:
            row.segment = name


def _blocks(rows: list[StatementRow]) -> Iterator[tuple[str, int, int]]:
    """(segment name as printed, heading row, closing row) for each block, in order."""
    index = 0
    while index < len(rows):
        end = _block_end(rows, index)
        if end is None:
            index += 1
            continue
        yield rows[index].label.rstrip(":").strip(), index, end
        index = end + 1


def _block_end(rows: list[StatementRow], start: int) -> int | None:
    heading = rows[start]
    name = _words(heading.label)
    if not heading.is_heading or not name or vocabulary().structure["not_segment"].search(heading.label):
        return None
    phrase = re.compile(rf"(^| ){re.escape(name)}( |$)")
    for index in range(start + 1, len(rows)):
        words = _words(rows[index].label)
        if not rows[index].is_heading and phrase.search(words) and words != f"total {name}":
            closes = vocabulary().structure["total"].search(rows[index].label)
            lines = sum(1 for row in rows[start + 1:index] if not row.is_heading)
            return index if closes and lines >= MIN_BLOCK_LINES else None
    return None


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
