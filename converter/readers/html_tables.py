"""Tables in HTML documents (2001-2009 EDGAR HTML, Word and EDGARizer exports), read with lxml.

A table is laid out on a grid (colspans and rowspans expanded). Printed values are often split over several
cells ("$" | "1,234" | ")"): the fragments are joined to the number they belong to. A statement column is where
numbers end on the grid; header cells belong to every column whose region they overlap, so a spanning
"Three Months Ended" reaches both of its years. The short text lines just above a table are its caption.
Text inside <pre> is a plain-text table and goes to the text reader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from converter.model import Document, SourceRef, Table, TableRow
from converter.readers import text_tables
from converter.text.html import document_tree, fix_text, locatable_elements
from converter.text.numbers import YEAR, parse_amount
from converter.text.vocabulary import vocabulary

_BLOCK_TAGS = {"p", "div", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "hr", "center", "table",
               "ul", "ol", "dl", "dt", "dd", "blockquote", "title", "td", "th"}
_SKIPPED_TAGS = {"script", "style", "head"}
_LEADING_FRAGMENT = re.compile(r"^(?:\$|\(|\$\s*\(|\(\s*\$)$")
_TRAILING_FRAGMENT = re.compile(r"^(?:\)|%|\)\s*%|%\s*\))$")

MAX_CAPTION_LINES = 8     # short lines above a table that may be its title, company name and scale
MAX_CAPTION_CHARS = 160   # a longer line is prose, which ends the caption


def find_tables(document: Document) -> list[Table]:
    root = document_tree(document)
    if root is None:
        return []
    walker = _Walker(document.name, {element: i for i, element in enumerate(locatable_elements(root))})
    walker.walk(root)
    return walker.tables


def plain_text(document: Document) -> str:
    """The document's text as a reader sees it: one line per block (paragraph, row, line break)."""
    root = document_tree(document)
    if root is None:
        return ""
    lines: list[str] = []
    current: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = _tag(element)
        if tag not in _SKIPPED_TAGS:
            if tag in _BLOCK_TAGS:
                lines.append(fix_text("".join(current)))
                current.clear()
            current.append(element.text or "")
            for child in element:
                walk(child)
            if tag in _BLOCK_TAGS:
                lines.append(fix_text("".join(current)))
                current.clear()
            elif tag in ("td", "th"):
                current.append(" ")
        current.append(element.tail or "")

    walk(root)
    lines.append(fix_text("".join(current)))
    return "\n".join(line for line in lines if line)


class _Walker:
    """Walks the document in reading order: text lines accumulate as possible captions; each table innermost
    enough to hold figures becomes a Table."""

    def __init__(self, document: str, order: dict[etree._Element, int]):
        self.document = document
        self.order = order
        self.lines: list[str] = []
        self.current: list[str] = []
        self.tables: list[Table] = []

    def walk(self, element: etree._Element) -> None:
        tag = _tag(element)
        if tag in _SKIPPED_TAGS:
            self._add_text(element.tail)
            return
        if tag == "table" and not element.xpath(".//table"):
            self._table(element)
        elif tag == "pre":
            self._pre(element)
        else:
            self._enter(element, tag)
        self._add_text(element.tail)

    def _enter(self, element: etree._Element, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._end_line()
        self._add_text(element.text)
        for child in element:
            self.walk(child)
        if tag in _BLOCK_TAGS:
            self._end_line()

    def _add_text(self, text: str | None) -> None:
        if text:
            self.current.append(text)

    def _end_line(self) -> None:
        line = fix_text("".join(self.current))
        self.current = []
        if line:
            self.lines.append(line)
            del self.lines[:-MAX_CAPTION_LINES * 4]

    def _table(self, element: etree._Element) -> None:
        self._end_line()
        table = _read_table(self.document, element, self._caption(), self.order)
        if table is not None:
            self.tables.append(table)
            self.lines = []
        else:
            self.lines.extend(_row_texts(element))

    def _pre(self, element: etree._Element) -> None:
        self._end_line()
        offset = (element.sourceline or 1) - 1
        text = "".join(element.itertext())
        pre = Document(name=self.document, type="", text=text)
        for table in text_tables.find_tables(pre):
            self.tables.append(_shift(table, offset, self.order.get(element)))
        self.lines = []

    def _caption(self) -> list[str]:
        caption: list[str] = []
        for line in reversed(self.lines[-MAX_CAPTION_LINES:]):
            if len(line) > MAX_CAPTION_CHARS or line.endswith((".", ":")) and len(line) > 60:
                break
            caption.insert(0, line)
        return caption


def _shift(table: Table, offset: int, element: int | None) -> Table:
    """Lines of a <pre> counted from the document's start; the <pre> itself is the element they stand in."""
    def moved(ref: SourceRef | None) -> SourceRef | None:
        return ref and SourceRef(ref.document, ref.line + offset, ref.column, element, ref.lines)
    rows = [TableRow(r.label, r.cells, moved(r.source), [moved(s) for s in r.cell_sources], moved(r.label_source))
            for r in table.rows]
    return Table(table.caption, table.column_headers, rows, moved(table.source))


# --- one table ------------------------------------------------------------------------------------------------

@dataclass
class _Cell:
    start: int            # first grid column
    end: int              # last grid column
    text: str
    line: int
    element: int | None = None   # SourceRef.element of the <td> holding the text
    value_end: int = -1   # last grid column of the number itself, where the cell holds a value

    @property
    def is_value(self) -> bool:
        return self.value_end >= 0


@dataclass
class _Row:
    cells: list[_Cell]
    line: int
    values: list[_Cell] = field(default_factory=list)
    label: str = ""
    label_element: int | None = None     # SourceRef.element of the cell holding the label (its first)

    @property
    def is_year_header(self) -> bool:
        """'2003  2002' over the columns: years in value position, before the first figures."""
        return all(YEAR.match(c.text) for c in self.values)


def _read_table(document: str, element: etree._Element, caption: list[str], order: dict[etree._Element, int]
                ) -> Table | None:
    rows = [_classify_row(row) for row in _grid(element, order)]
    first_data = next((i for i, row in enumerate(rows) if row.values and not row.is_year_header), None)
    if first_data is None:
        return None
    anchors = _columns(rows[first_data:])
    label_end = _label_end(rows[first_data:], anchors[0])
    regions = _regions(anchors, label_end)
    preamble = rows[:first_data]
    header_rows = [row for row in preamble if any(c.start > label_end for c in row.cells)]
    last_header = max((i for i, row in enumerate(preamble) if row in header_rows), default=-1)
    caption = caption + [_row_text(row) for row in preamble[:last_header + 1] if row not in header_rows]
    caption += [text for row in header_rows if (text := _label_area_phrase(row, label_end))]
    headers = [" ".join(_header_text(row, index, anchors, regions, label_end) for row in header_rows)
               for index in range(len(regions))]
    body = preamble[last_header + 1:] + rows[first_data:]
    table_rows = _table_rows(document, body, regions)
    if not any(any(r.cells) for r in table_rows):
        return None
    return Table(caption=caption, column_headers=[" ".join(h.split()) for h in headers], rows=table_rows,
                 source=SourceRef(document, element.sourceline or 1))


def _label_end(rows: list[_Row], first_anchor: int) -> int:
    """The last grid column of the label area: where labels of rows with values end."""
    ends = [c.end for row in rows for c in row.cells if not c.is_value and c.end < first_anchor
            and (not row.values or c.end < row.values[0].start)]
    label_end = max(ends, default=-1)
    return label_end if label_end < first_anchor else first_anchor - 1


def _grid(table: etree._Element, order: dict[etree._Element, int] | None = None) -> list[list[_Cell]]:
    """Each row's non-empty cells with their grid columns; rowspans occupy the rows below."""
    occupied: dict[tuple[int, int], bool] = {}
    grid = []
    # Rows and cells wherever they stand in the (innermost) table: 1990s editors wrapped them in <font>.
    for r, tr in enumerate(table.iter("tr")):
        cells, column = [], 0
        for td in tr.iter("td", "th"):
            while occupied.get((r, column)):
                column += 1
            span = _span(td, "colspan")
            for below in range(1, _span(td, "rowspan")):
                for c in range(column, column + span):
                    occupied[(r + below, c)] = True
            text = _cell_text(td)
            if text:
                cells.append(_Cell(column, column + span - 1, text, td.sourceline or tr.sourceline or 0,
                                   (order or {}).get(td)))
            column += span
        grid.append(cells)
    return grid


def _span(td: etree._Element, attribute: str) -> int:
    try:
        return max(1, min(int(td.get(attribute, "1").strip().rstrip(";")), 200))
    except ValueError:
        return 1


def _cell_text(td: etree._Element) -> str:
    """A cell's text on one line: <br>, <p> and <div> inside it become spaces."""
    parts: list[str] = []

    def collect(element: etree._Element) -> None:
        tag = _tag(element)
        if tag not in _SKIPPED_TAGS:
            spacer = " " if tag in ("br", "p", "div") else ""
            parts.append(spacer + (element.text or ""))
            for child in element:
                collect(child)
            parts.append(spacer)
        parts.append(element.tail or "")

    parts.append(td.text or "")
    for child in td:
        collect(child)
    return fix_text("".join(parts))


def _tag(element: etree._Element) -> str:
    """The lower-case tag name; comments and processing instructions have none."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _classify_row(cells: list[_Cell]) -> _Row:
    """Joins '$', '(' and ')' fragments to their numbers and marks value cells; the label is the text left of
    the first value."""
    merged: list[_Cell] = []
    for cell in cells:
        previous = merged[-1] if merged else None
        if previous and _TRAILING_FRAGMENT.match(cell.text) and previous.is_value:
            previous.text += cell.text
            previous.end = cell.end
            continue
        if previous and _LEADING_FRAGMENT.match(previous.text) and _is_value_text(cell.text):
            merged[-1] = _Cell(previous.start, cell.end, previous.text + cell.text, cell.line, cell.element,
                               cell.end)
            continue
        if _is_value_text(cell.text):
            cell.value_end = cell.end
        merged.append(cell)
    values = [c for c in merged if c.is_value]
    first_value = values[0].start if values else None
    label_cells = [c for c in merged if not c.is_value and (first_value is None or c.end < first_value)
                   and not _LEADING_FRAGMENT.match(c.text)]
    line = merged[0].line if merged else 0
    return _Row(merged, line, values, " ".join(c.text for c in label_cells),
                label_cells[0].element if label_cells else None)


def _is_value_text(text: str) -> bool:
    return parse_amount(text) is not None


def _columns(rows: list[_Row]) -> list[int]:
    """Grid columns where values end. Neighbouring positions that never hold values in the same row are one
    column set a little differently in different rows."""
    rows_at: dict[int, set[int]] = {}
    for index, row in enumerate(rows):
        for cell in row.values:
            rows_at.setdefault(cell.value_end, set()).add(index)
    groups: list[tuple[list[int], set[int]]] = []
    for anchor in sorted(rows_at):
        if groups and anchor - groups[-1][0][-1] <= 2 and not groups[-1][1] & rows_at[anchor]:
            groups[-1][0].append(anchor)
            groups[-1][1].update(rows_at[anchor])
        else:
            groups.append(([anchor], set(rows_at[anchor])))
    return [max(anchors) for anchors, _ in groups]


def _regions(anchors: list[int], label_end: int) -> list[tuple[int, int]]:
    """Each column owns the grid columns from just after the previous column's anchor to its own anchor."""
    return [(previous + 1, anchor) for previous, anchor in zip([label_end] + anchors, anchors)]


def _column_of(cell: _Cell, regions: list[tuple[int, int]]) -> int | None:
    end = cell.value_end
    for index, (start, stop) in enumerate(regions):
        if start <= end <= stop:
            return index
    return None


def _header_text(row: _Row, index: int, anchors: list[int], regions: list[tuple[int, int]], label_end: int) -> str:
    """A header cell heads the columns whose figures end under it; one over no figures heads the column whose
    region it overlaps most."""
    texts = []
    for cell in row.cells:
        if cell.start <= label_end:
            continue
        covered = [i for i, anchor in enumerate(anchors) if cell.start <= anchor <= cell.end]
        if not covered:
            overlaps = [min(cell.end, stop) - max(cell.start, start) for start, stop in regions]
            covered = [overlaps.index(max(overlaps))] if max(overlaps) >= 0 else []
        if index in covered:
            texts.append(cell.text)
    return " ".join(texts)


def _label_area_phrase(row: _Row, label_end: int) -> str:
    """'Three Months Ended June 30' printed in the label column of the header describes every column, and a title
    printed there names the statement ('CONSOLIDATED STATEMENTS OF INCOME' beside 'Quarter Ended'): either joins
    the caption, where kind, periods and scale are read from."""
    text = " ".join(c.text for c in row.cells if c.start <= label_end)
    words = vocabulary()
    return text if words.column_phrase.search(text) or words.caption_line.search(text) else ""


def _row_text(row: _Row) -> str:
    return " ".join(c.text for c in row.cells)


def _table_rows(document: str, body: list[_Row], regions: list[tuple[int, int]]) -> list[TableRow]:
    rows: list[TableRow] = []
    pending: _Row | None = None
    for row in body:
        if not row.cells:
            continue
        cells = [""] * len(regions)
        sources: list[SourceRef | None] = [None] * len(regions)
        for cell in row.values:
            index = _column_of(cell, regions)
            if index is not None and not cells[index]:
                cells[index] = cell.text
                sources[index] = SourceRef(document, cell.line, cell.start, cell.element)
        label = row.label
        if not any(cells):
            if pending is not None:
                rows.append(_heading(document, pending, len(regions)))
            pending = row
            continue
        label_row = row if row.label else pending
        if pending is not None and not pending.label.endswith(":") and (not label or label[:1].islower()):
            label = text_tables.join_label([pending.label, label]) if label else pending.label
        elif pending is not None:
            rows.append(_heading(document, pending, len(regions)))
        pending = None
        rows.append(TableRow(label=text_tables.clean_label(label), cells=cells,
                             source=SourceRef(document, row.line), cell_sources=sources,
                             label_source=_label_source(document, label_row)))
    if pending is not None:
        rows.append(_heading(document, pending, len(regions)))
    return rows


def _label_source(document: str, row: _Row | None) -> SourceRef | None:
    """The cell the label stands in (of a label joined over two rows, the lower's, where it has one)."""
    if row is None or row.label_element is None:
        return None
    return SourceRef(document, row.line, 0, row.label_element)


def _heading(document: str, row: _Row, width: int) -> TableRow:
    return TableRow(label=text_tables.clean_label(row.label or " ".join(c.text for c in row.cells)),
                    cells=[""] * width, source=SourceRef(document, row.line))


def _row_texts(element: etree._Element) -> list[str]:
    texts = []
    for row in _grid(element):
        line = " ".join(cell.text for cell in row)
        if line:
            texts.append(line)
    return texts
