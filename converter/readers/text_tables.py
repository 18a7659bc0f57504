"""Tables in plain-text documents: whitespace-aligned columns, with or without <TABLE>/<S>/<C> markup.

Columns are found from where numbers end (the last digit, so hanging ")" and "%" do not shift them), header
text is attached to the columns it stands over, and labels wrapped over several lines are joined.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterator

from converter.model import Document, SourceRef, Table, TableRow
from converter.text.dates import full_date
from converter.text.numbers import FOOTNOTE_MARK, NUMBER, YEAR
from converter.text.vocabulary import vocabulary

_VALUE_TOKEN = re.compile(rf"^\$?\(?\$?-?{NUMBER}\)?%?\)?{FOOTNOTE_MARK}$")
_DASH_TOKEN = re.compile(r"^\$?\(?(?:-{1,3}|\u2014|\u2013|-0-|nil)\)?$", re.I)
_FOOTNOTE_ONLY = re.compile(rf"^{FOOTNOTE_MARK}$")
# A notes column's reference letters printed a column-wide gap after the label ('Interest expense     H',
# 'Net earnings per share     C & R'): no part of the label.
_NOTE_REFERENCE = re.compile(r"\s{3,}[A-Z]{1,2}(?:\s*(?:&|and|,)\s*[A-Z]{1,2})*(?:\s+\$)?\s*$")
_CURRENCY_OR_SIGN = re.compile(r"^(?:\$|%|\)|\(\$?)$")
_MARKUP = re.compile(r"</?(?:TABLE|S|C|CAPTION|PAGE|FN|F\d+)>", re.I)
_PAGE_BREAK = re.compile(r"\s*<PAGE>", re.I)
_TABLE_OPEN = re.compile(r"<TABLE>", re.I)
_TABLE_CLOSE = re.compile(r"</TABLE>", re.I)
_UNDERLINE = re.compile(r"^[\s\-=_]+$")
_PHRASE = re.compile(r"\S+(?: \S+)*")     # words with single spaces between: one header or label
_COLUMN_GAP = re.compile(r"\s{3,}")        # wider than any gap between the words of a sentence, justified or not
_SENTENCE_WORDS = 5                        # a run of prose holds this many words between column-wide gaps
_TITLE_INDENT = 12                         # a line indented this far is set apart, as titles are, not a paragraph's
_PARENTHESISED = re.compile(r"\([^)]*\)")

MAX_GAP_LINES = 12       # non-numeric lines allowed between two rows of one table (wrapped labels, headings)
MAX_PREAMBLE_LINES = 25  # how far above the first row a table's title and column headers may start
MAX_COLUMNS = 40        # more figures on one line than any statement prints
# Every value token ends in one of these (a digit, a closing parenthesis, %, a dash, a footnote mark, "nil").
_FIGURE_ENDS = frozenset("0123456789)%*-lL\u2014\u2013\u2020\u2021")
ANCHOR_TOLERANCE = 2     # columns whose numbers end within this many characters are one column


# Slots: a document has thousands of lines, each made once and read many times; without an instance dict they are
# quicker to make and to read, and smaller.
@dataclass(slots=True)
class _Token:
    start: int
    end: int
    anchor: int          # index just past the last digit or dash: right-aligned columns share it
    text: str


@dataclass(slots=True)
class _Line:
    number: int          # 0-based index in the document
    text: str
    tokens: list[_Token]
    in_table: bool = False   # between <TABLE> and </TABLE>: the filer marked it as table, not prose
    # Worked out on first use and kept: a line's text and tokens never change once read, and building a table asks
    # for its label and whether it is a row many times over (functools.cached_property costs more than it saves).
    _label: str | None = field(default=None, init=False, repr=False, compare=False)
    _row: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def label_end(self) -> int:
        return self.tokens[0].start if self.tokens else len(self.text.rstrip())

    @property
    def label(self) -> str:
        if self._label is None:
            self._label = clean_label(self.text[: self.label_end])
        return self._label

    @property
    def is_row(self) -> bool:
        if self._row is None:
            self._row = _is_row(self)
        return self._row

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())


@dataclass
class _Column:
    anchor: float
    start: int
    end: int


def find_tables(document: Document) -> list[Table]:
    lines = [_parse_line(i, text, in_table) for i, (text, in_table) in enumerate(_clean_lines(document.text))]
    tables = []
    for first, last, preamble_start in _table_blocks(lines):
        table = _build_table(document.name, lines, preamble_start, first, last)
        if table is not None:
            tables.append(table)
    return tables


def _clean_lines(text: str) -> list[tuple[str, bool]]:
    """Each line without markup, and whether it stands inside <TABLE> markup."""
    cleaned = []
    in_table = False
    for raw in text.split("\n"):
        line = raw.expandtabs(8) if "\t" in raw else raw
        if "<" in line:      # markup, a page break among it, is rare: most lines need none of the patterns
            in_table = bool(_TABLE_OPEN.search(line)) or in_table and not _TABLE_CLOSE.search(line)
            if _PAGE_BREAK.match(line):
                line = ""        # "<PAGE>   2": the page number is no row
            else:
                line = _MARKUP.sub(lambda m: " " * len(m.group(0)), line)
        cleaned.append((line.rstrip(), in_table))
    return cleaned


def _parse_line(number: int, text: str, in_table: bool = False) -> _Line:
    """Tokens are taken from the right end of the line while they look like values."""
    tokens: list[_Token] = []
    if not text or text[-1] not in _FIGURE_ENDS:
        return _Line(number, text, tokens, in_table)
    for start, end, chunk in _chunks_from_right(text):
        if len(tokens) > MAX_COLUMNS:
            return _Line(number, text, [], in_table)      # a run of numbers longer than any statement is not a row
        if _closes_label_parenthesis(text, start, chunk):
            break       # "Costs and expenses (Notes 1 and 16)": the 16 is the label's
        if _VALUE_TOKEN.match(chunk) or _DASH_TOKEN.match(chunk) and not _word_of_label(text, start, chunk):
            tokens.append(_Token(start, end, _anchor(chunk, start), chunk))
        elif _CURRENCY_OR_SIGN.match(chunk) and tokens or _FOOTNOTE_ONLY.match(chunk):
            continue
        else:
            break
    tokens.reverse()
    return _Line(number, text, tokens, in_table)


def _closes_label_parenthesis(text: str, start: int, chunk: str) -> bool:
    return chunk.endswith(")") and "(" not in chunk and text.count("(", 0, start) > text.count(")", 0, start)


def _word_of_label(text: str, start: int, chunk: str) -> bool:
    """'nil' a single space after a word ('Reserves nil  0  0') is the label's last word, not a dash in a column;
    so is a dash a single space after a word ('Issued - 1,200 shares - 1995')."""
    after_word = start >= 2 and text[start - 1] == " " and not text[start - 2].isspace()
    return after_word and (chunk[-1:].isalpha() or text[start - 2].isalpha())


def _chunks_from_right(text: str) -> Iterator[tuple[int, int, str]]:
    """The line's whitespace-separated chunks with their positions, last first (at most MAX_COLUMNS + 1 of them:
    a caller wants no more)."""
    parts = text.rsplit(None, MAX_COLUMNS + 1)
    if len(parts) > MAX_COLUMNS + 1:
        parts = parts[1:]                      # the rest of a long line, never read
    position = len(text)
    for part in reversed(parts):
        start = text.rfind(part, 0, position)
        yield start, start + len(part), part
        position = start


# What a value token can print after its last digit, dash or letter: a closing parenthesis, a percent sign and a
# footnote mark ('(1,234)*', '12.5%)', '1,234(a)' ends with the letter's parenthesis).
_AFTER_FIGURE = ")%*\u2020\u2021"


def _anchor(chunk: str, start: int) -> int:
    """Just past the value token's last digit, dash or letter."""
    return start + len(chunk.rstrip(_AFTER_FIGURE))


def _is_row(line: _Line) -> bool:
    if not line.tokens or _figures_across(line):
        return False
    if all(YEAR.match(t.text) for t in line.tokens) and (
            not line.label or vocabulary().column_phrase.search(line.label) or _consecutive_years(line.tokens)
            or _YEAR_ACROSS_GAP.search(line.text, 0, line.label_end)):
        # "2003     2002" is a column header, also beside a heading ("ASSETS     1997     1996") and where words
        # head the columns between its years ("data)     2007     Change     2007     Change     2006")
        return False
    if len(line.tokens) >= 2:
        return True
    gap = line.tokens[0].start - len(line.text[: line.tokens[0].start].rstrip())
    return gap >= 2 or not line.label


_YEAR_ACROSS_GAP = re.compile(r"\S\s{3,}(?:19|20)\d\d\b")
_GROUPED_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+")
_LETTER = re.compile(r"[A-Za-z]")


def _figures_across(line: _Line) -> bool:
    """'1997 - 912,345,678; 1996 - 1,023,456,789': a footnote listing figures across the line has no label, only
    more figures where the label would stand; its last figures fall under no column. (One figure there is a wrapped
    label's: '1996 - 2,345,678 shares)' under 'Treasury stock, at cost (shares: 1997 - 912,345;'.)"""
    head = line.text[: line.label_end]
    return len(_GROUPED_FIGURE.findall(head)) >= 2 and _LETTER.search(head) is None


def _consecutive_years(tokens: list[_Token]) -> bool:
    """'1997  1996' or '1996  1997  1998': years a column apart, not amounts that happen to look like years."""
    years = [int(YEAR.match(t.text).group(0)) for t in tokens]
    steps = {later - earlier for earlier, later in zip(years, years[1:])}
    return len(years) >= 2 and (steps == {1} or steps == {-1})


def _centred(line: _Line) -> bool:
    return len(line.text) - len(line.text.lstrip()) >= _TITLE_INDENT


def _is_prose(line: _Line) -> bool:
    """A long line of words in sentence case (a title in capitals, however long, is no paragraph), running as a
    sentence: dates spread over columns ('Dec 31,     Sep 30,     Dec 31,') are headers, not prose."""
    return (not line.tokens and len(line.text.strip()) >= 55 and len(line.text.split()) >= 9
            and any(len(run.split()) >= _SENTENCE_WORDS and any(ch.islower() for ch in run)
                    for run in _COLUMN_GAP.split(line.text.strip())))


def _breaks_table(line: _Line) -> bool:
    """A paragraph of prose ends a table, except inside <TABLE> markup, where a long wrapped label ('Series B:
    2,000,000 shares designated; shares issued and outstanding:') is still the table's; so do the notes reference
    that closes a statement and a caption line, unless that is a wrapped row heading naming its rows' own scale
    ('Shares used in computing' over 'share (in thousands):')."""
    if _is_prose(line) and not line.in_table or vocabulary().table_end.search(line.text):
        return True
    text = line.text.strip()
    heading = text.endswith(":") and text[:1].islower()
    return not heading and bool(vocabulary().caption_line.search(line.text))


def _table_blocks(lines: list[_Line]) -> list[tuple[int, int, int]]:
    """(first row, last row, preamble start) for each run of rows close together with no break between."""
    blocks: list[tuple[int, int, int]] = []
    first = last = None
    open_asides = 0     # parentheses a wrapped label opened above and has not closed: its next line is label too
    for line in lines:
        if not line.is_row:
            if first is not None and (not open_asides and _breaks_table(line) or line.number - last > MAX_GAP_LINES):
                blocks.append((first, last))
                first = None
            open_asides = max(0, open_asides + line.text.count("(") - line.text.count(")")) if first else 0
            continue
        open_asides = 0
        if first is None:
            first = line.number
        last = line.number
    if first is not None:
        blocks.append((first, last))
    result = []
    previous_end = -1
    for first, last in blocks:
        result.append((first, last, _preamble_start(lines, first, previous_end)))
        previous_end = last
    return result


def _preamble_start(lines: list[_Line], first_row: int, previous_end: int) -> int:
    start = first_row
    for number in range(first_row - 1, max(previous_end, first_row - MAX_PREAMBLE_LINES - 1), -1):
        text = lines[number].text.strip()
        if _is_prose(lines[number]) or vocabulary().table_end.search(text) or (
                text[:1].islower() and not _centred(lines[number]) and not _COLUMN_GAP.search(text)):
            # the end of a paragraph above the table ('and Subsidiaries' centred under a name is a title's; a
            # line running on across column gaps, 'except share      Dec 31,      Month', is a header's)
            break
        start = number
    return start


def _build_table(document: str, lines: list[_Line], preamble_start: int, first: int, last: int) -> Table | None:
    rows = [line for line in lines[first: last + 1] if line.is_row]
    columns = _find_columns(rows)
    if not columns:
        return None
    preamble = lines[preamble_start:first]
    # a caption line under the years over the columns ('(In millions)' below 'December 31,  1997  1996') stays in
    # the header block, where its label-area phrase still joins the caption: the years are headers all the same
    # and so does one under words heading the columns one by one ('SHARES    AMOUNT    CAPITAL' over '(IN THOUSANDS)')
    headers_start = next((i for i, line in enumerate(preamble) if len(line.tokens) >= 2
                          and all(YEAR.match(token.text) for token in line.tokens)
                          or _phrases_over_columns(line, columns) >= 3), len(preamble))
    caption_end = max((i + 1 for i, line in enumerate(preamble[:headers_start]) if not line.tokens
                       and vocabulary().caption_line.search(line.text) and not _heads_columns(line, columns)),
                      default=0)
    caption = [line.text.strip() for line in preamble[:caption_end] if line.text.strip()]
    header_lines, leading_body = _split_headers(preamble[caption_end:], columns)
    headers, label_area = _column_headers(header_lines, columns, _opens_aside(caption[-1:]))
    caption += label_area
    # the line right under the last row may be a label whose amounts were printed a line too high
    trailing = [line for line in lines[last + 1: last + 2] if line.text.strip() and not _breaks_table(line)]
    body = _amounts_printed_a_line_above(leading_body + lines[first: last + 1] + trailing)
    table_rows = _RowBuilder(document, columns).build(body)
    if not any(row.cells and any(row.cells) for row in table_rows):
        return None
    return Table(caption=caption, column_headers=headers, rows=table_rows,
                 source=SourceRef(document, (lines[preamble_start].number if preamble else first) + 1))


def _amounts_printed_a_line_above(body: list[_Line]) -> list[_Line]:
    """'Cash paid during the year for:  $70,289' over 'Interest  $3,699' over 'Income taxes, net' with nothing
    beside it: a list's amounts typeset one line too high. A heading that introduces a list (it ends with a colon)
    carries no amounts of its own, and the list's last label none either: each amount moves down to the label
    below it."""
    shifted = list(body)
    index = 0
    while index < len(shifted):
        run_end = _shifted_run_end(shifted, index)
        if run_end is None:
            index += 1
            continue
        donors = [shifted[i] for i in range(index, run_end)]
        for position, donor in zip(range(index + 1, run_end + 1), donors):
            shifted[position] = _with_amounts_of(shifted[position], donor)
        shifted[index] = _Line(donors[0].number, donors[0].text[: donors[0].label_end].rstrip(), [],
                               donors[0].in_table)
        index = run_end + 1
    return shifted


def _shifted_run_end(body: list[_Line], start: int) -> int | None:
    """The label-only line that ends a list whose amounts sit one line high, where the list opens at `start`."""
    heading = body[start]
    if not heading.tokens or not heading.label.endswith(":"):
        return None
    members: list[_Line] = []
    for index in range(start + 1, len(body)):
        line = body[index]
        if not line.text.strip() or _UNDERLINE.match(line.text) or line.label.endswith(":"):
            return None
        if not line.tokens:
            # the list's last member, indented under the heading like the others (not the next heading)
            in_list = line.indent > heading.indent and all(line.indent >= member.indent for member in members)
            return index if line.label and in_list else None
        members.append(line)
    return None


def _with_amounts_of(line: _Line, donor: _Line) -> _Line:
    label = line.text[: line.label_end].rstrip()
    start = donor.tokens[0].start
    if len(label) >= start:
        return line         # a label reaching into the amounts' columns: leave both lines as printed
    return _Line(line.number, label.ljust(start) + donor.text[start:], donor.tokens, line.in_table)


def _find_columns(rows: list[_Line]) -> list[_Column]:
    anchors = sorted(token.anchor for row in rows for token in row.tokens)
    groups: list[list[int]] = []
    for anchor in anchors:
        if groups and anchor - groups[-1][-1] <= ANCHOR_TOLERANCE:
            groups[-1].append(anchor)
        else:
            groups.append([anchor])
    min_support = max(2, len(rows) // 5) if len(rows) > 3 else 1   # stray numbers in wrapped labels
    supported = [len(group) >= min_support for group in groups]
    columns = []
    for number, group in enumerate(groups):
        members = [t for row in rows for t in row.tokens if group[0] <= t.anchor <= group[-1]]
        if not supported[number] and not _between_columns(rows, groups, supported, group, members):
            continue
        if all(YEAR.match(t.text) for t in members):
            continue     # years ending wrapped label lines ("...shares at June 30, 1999") are no column
        columns.append(_Column(anchor=sum(group) / len(group), start=min(t.start for t in members),
                               end=max(t.end for t in members)))
    return columns


def _between_columns(rows: list[_Line], groups: list[list[int]], supported: list[bool], group: list[int],
                     members: list[_Token]) -> bool:
    """A few figures stand in a column of their own between well-filled ones, clear of both, where most have a
    figure of a well-filled column to their left on their line: a stray number of a wrapped label ('Notes due 2005')
    is its line's first, a figure typed a little off its column stands next to it; 'SHARES' printed only on the
    balance lines of a ten-column equity statement is neither."""
    if any(_DASH_TOKEN.match(t.text) for t in members):
        return False    # a dash stands where it likes: under a column, or between two
    filled = [g for g, kept in zip(groups, supported) if kept]
    clear = ANCHOR_TOLERANCE + 2
    if any(g[0] - clear <= group[-1] and group[0] <= g[-1] + clear for g in filled):
        return False
    left = [g for g in filled if g[-1] < group[0]]
    if not left or not any(g[0] > group[-1] for g in filled):
        return False
    lines = [row for row in rows if any(group[0] <= t.anchor <= group[-1] for t in row.tokens)]
    inside = sum(any(g[0] <= t.anchor <= g[-1] for t in row.tokens for g in left) for row in lines)
    return 2 * inside > len(lines)


def _split_headers(preamble: list[_Line], columns: list[_Column]) -> tuple[list[_Line], list[_Line]]:
    """Column headers stand over the columns; lines that stay in the label area after them are body headings."""
    area_start = min(column.start for column in columns) - 2
    last_header = max((i for i, line in enumerate(preamble) if line.text.rstrip()
                       and len(line.text.rstrip()) > area_start), default=-1)
    following = last_header + 1
    while 0 <= last_header and following < len(preamble):
        line = preamble[following]
        if line.text.strip() and not _describes_columns(preamble[last_header], line, area_start):
            break
        if line.text.strip():
            last_header = following
        following += 1
    return preamble[: last_header + 1], preamble[last_header + 1:]


def _describes_columns(header: _Line, line: _Line, area_start: int) -> bool:
    """A line in the label area under the headers that still describes the columns, not the rows: a date alone
    finishing the last header line's label-area phrase ('Three fiscal years ended' over 'September 30, 1994'), or
    the unit ('(In millions except share data)' under 'December 31,  1997  1996')."""
    text = line.text.strip()
    if line.is_row or len(line.text.rstrip()) > area_start:
        return False
    if any(scale.pattern.search(text) for scale in vocabulary().money_scales) and not text.endswith(":"):
        return True
    label_area = header.text[:area_start].strip()
    return (bool(label_area) and bool(vocabulary().column_phrase.search(label_area))
            and (match := full_date().search(text)) is not None and match.group(0) == text.rstrip(":"))


def _phrases_over_columns(line: _Line, columns: list[_Column]) -> int:
    """How many phrases of a line without figures stand over the columns, each over one of its own (neither rules
    nor a title spaced out letter by letter: 'C O N S O L I D A T E D   S T A T E M E N T S')."""
    if line.tokens or _UNDERLINE.match(line.text):
        return 0
    area_start = min(column.start for column in columns) - 2
    over = {next((i for i, c in enumerate(columns) if m.start() < c.end and m.end() > c.start), None)
            for m in _PHRASE.finditer(line.text) if m.start() >= area_start and not _UNDERLINE.match(m.group(0))
            and any(len(word) > 1 for word in m.group(0).split())}
    return len(over - {None})


def _heads_columns(line: _Line, columns: list[_Column]) -> bool:
    """A title with phrases of its own over the columns ('STATEMENTS OF INCOME      Twelve Months') is a header
    line, not caption: its later phrases head columns."""
    area_start = min(column.start for column in columns) - 2
    phrases = list(_PHRASE.finditer(line.text))
    return len(phrases) > 1 and any(m.start() >= area_start and vocabulary().column_phrase.search(m.group(0))
                                    for m in phrases[1:])


def _column_headers(header_lines: list[_Line], columns: list[_Column], aside_open: bool = False
                    ) -> tuple[list[str], list[str]]:
    """Each column's header text, and the phrases in the label area of header lines that describe all columns
    ("Years ended December 31", "(In millions)") or name the statement beside its column headers ("CONSOLIDATED
    STATEMENTS OF INCOME     Quarter"), which belong with the caption; so does the rest of a parenthesis
    the caption or such a phrase opened ('(in 000s,' over 'except share' over 'data)'). aside_open: the caption's
    last line opened one."""
    texts: list[list[str]] = [[] for _ in columns]
    spanning: list[str] = []
    area_start = min(column.start for column in columns) - 2
    for line in header_lines:
        if _UNDERLINE.match(line.text):
            continue
        phrases = list(_PHRASE.finditer(line.text))
        label_area = " ".join(m.group(0) for m in phrases if m.end() < area_start)
        if label_area and (aside_open or vocabulary().column_phrase.search(label_area)
                           or vocabulary().caption_line.search(label_area)):
            spanning.append(label_area)
            aside_open = _opens_aside([label_area]) if not aside_open else ")" not in label_area
        # a title line run on from the left margin into the columns describes them all, heads none
        run_on = [m for m in phrases if m.start() < area_start // 2 and m.end() >= area_start]
        spanning.extend(m.group(0) for m in run_on)
        text = line.text
        for m in run_on:
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        for index, chunk in _assign_chunks(text, columns).items():
            texts[index].append(chunk)
    return [" ".join(parts) for parts in texts], spanning


def _opens_aside(texts: list[str]) -> bool:
    return any(text.count("(") > text.count(")") for text in texts)


def _assign_chunks(text: str, columns: list[_Column]) -> dict[int, str]:
    # a rule under a group of headers ('COMMON STOCK' over '-------------    PAID-IN') heads nothing
    chunks = [(start, end, re.sub(f"{_JOINED}+", " ", chunk)) for m in _PHRASE.finditer(_durations_joined(text))
              for start, end, chunk in _split_dates(m.start(), m.group(0)) if not _UNDERLINE.match(chunk)]
    if len(chunks) == 1 and _centred_over_all(chunks[0], columns):
        return {index: chunks[0][2] for index in range(len(columns))}
    covering: dict[int, tuple[int, int, str]] = {}
    spans: list[tuple[int, int, str, list[int]]] = []
    near: list[tuple[int, int, int, str]] = []
    for start, end, chunk in chunks:
        covered = [i for i, c in enumerate(columns) if start < c.end and end > c.start]
        if not covered:
            nearest = min(range(len(columns)), key=lambda i: _distance(start, end, columns[i]))
            covered = [nearest] if _distance(start, end, columns[nearest]) <= 3 else []
            near.extend((index, start, end, chunk) for index in covered)
        else:
            for index in covered:
                covering.setdefault(index, (start, end, chunk))
        spans.append((start, end, chunk, covered))
    # a chunk printed over a column heads it before one merely near it ('Notes' beside '1997')
    for index, start, end, chunk in near:
        covering.setdefault(index, (start, end, chunk))
    for index, column in enumerate(columns):
        if index in covering:
            continue
        spanning = [s for s in spans if len(s[3]) >= 2]
        if spanning:
            start, end, chunk, _ = min(spanning, key=lambda s: _distance(s[0], s[1], column))
            if _distance(start, end, column) <= column.end - column.start:
                covering[index] = (start, end, chunk)
                continue
        centred = _centred_between(index, columns, spans)
        if centred is not None:
            covering[index] = centred
    return {index: chunk for index, (_, _, chunk) in covering.items()}


_JOINED = "\x00"


def _durations_joined(text: str) -> str:
    """'NINE  MONTHS' printed with two spaces is one phrase, never a header for each of two columns: the spaces
    inside a duration are held by a mark of the same width until the text is cut into chunks."""
    def joined(match: re.Match[str]) -> str:
        phrase = match.group(0)
        # wider than two spaces the words stand over two columns ('Three' over a change, 'Quarter' over a quarter)
        return phrase if re.search(r"\s{3,}", phrase) else re.sub(r"\s", _JOINED, phrase)
    return vocabulary().periods["duration"].sub(joined, text)


def _centred_over_all(chunk: tuple[int, int, str], columns: list[_Column]) -> bool:
    """'Year Ended October 31,' alone on its line, centred over three or more columns, heads them all, though its
    letters reach only the middle one."""
    start, end, text = chunk
    if len(columns) < 3 or not vocabulary().column_phrase.search(text):
        return False
    middle = columns[len(columns) // 2] if len(columns) % 2 else None
    tolerance = (middle.end - middle.start) if middle else min(c.end - c.start for c in columns)
    return abs((start + end) / 2 - (columns[0].start + columns[-1].end) / 2) <= max(tolerance, 3)


def _centred_between(index: int, columns: list[_Column], spans: list[tuple[int, int, str, list[int]]]
                     ) -> tuple[int, int, str] | None:
    """'SIX MONTHS' centred over the gap between two columns it heads, though its letters reach only one of them:
    a text over a single neighbour whose middle is nearer the middle of the two columns than that neighbour's."""
    here = _middle(columns[index])
    for start, end, chunk, covered in spans:
        if len(covered) != 1 or abs(covered[0] - index) != 1:
            continue
        there = _middle(columns[covered[0]])
        centre = (start + end) / 2
        if min(here, there) < centre < max(here, there) and abs(centre - (here + there) / 2) < abs(centre - there):
            return start, end, chunk
    return None


def _middle(column: _Column) -> float:
    return (column.start + column.end) / 2


def _split_dates(start: int, chunk: str) -> list[tuple[int, int, str]]:
    """'March 31, December 31,' printed with one space between is two headers, not one."""
    pieces = list(_date_piece().finditer(chunk))
    if len(pieces) < 2 or sum(len(p.group(0)) for p in pieces) < len(chunk.replace(" ", "")) * 0.6:
        return [(start, start + len(chunk), chunk)]
    bounds = [p.start() for p in pieces] + [len(chunk)]
    bounds[0] = 0
    return [(start + a, start + b, chunk[a:b].strip()) for a, b in zip(bounds, bounds[1:])]


@lru_cache(maxsize=1)
def _date_piece() -> re.Pattern[str]:
    """A month and day with or without its year, or a year alone: one header of a column."""
    return re.compile(rf"{vocabulary().month}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d|,(?:19|20)\d\d|,)?|\b(?:19|20)\d\d\b")


def _distance(start: int, end: int, column: _Column) -> int:
    if start < column.end and end > column.start:
        return 0
    return column.start - end if end <= column.start else start - column.end


class _RowBuilder:
    """Turns body lines into rows, joining wrapped labels and keeping headings as rows without values."""

    def __init__(self, document: str, columns: list[_Column]):
        self.document = document
        self.columns = columns
        self.anchors = [column.anchor for column in columns]      # ascending, as _find_columns finds them
        self.rows: list[TableRow] = []
        self.pending: list[_Line] = []
        self.row_ended = False

    def build(self, body: list[_Line]) -> list[TableRow]:
        for line in body:
            if not line.text.strip() or _UNDERLINE.match(line.text):
                if not line.text.strip():
                    self._flush_heading()
                self.row_ended = True       # a label goes on below its figures only on the very next line
                continue
            if line.is_row:
                self._add_row(line)
            else:       # no figure of it stands in a column: its numbers are words of a label wrapped over lines
                words = [token for token in line.tokens if not any(ch.isdigit() for ch in token.text)]
                self._add_text_line(_Line(line.number, line.text, words, line.in_table))
            self.row_ended = False
        self._flush_heading()
        return self.rows

    def _add_text_line(self, line: _Line) -> None:
        if not self.pending and self._finishes_row(line):
            # 'Accounts receivable, net of allowance of   9,101' over '  $560 and $497 in 1998 and 1997'
            row = self.rows[-1]
            row.label = join_label([row.label, line.label])
            if row.label_source is not None:
                row.label_source = replace(row.label_source, lines=line.number + 2 - row.label_source.line)
            return
        if self.pending and self._continues(line):
            self.pending.append(line)
        else:
            self._flush_heading()
            self.pending = [line]

    def _finishes_row(self, line: _Line) -> bool:
        """A line without figures just under a row with figures, indented at least as far, goes on with the row's
        label where it starts in lower case or with a figure ('$560 and $497 in 1998 and 1997')."""
        if self.row_ended or not self.rows or not any(self.rows[-1].cells) or not line.label:
            return False
        row = self.rows[-1]
        if line.indent < row.source.column or not row.label:
            return False
        return line.label[0].islower() or line.label[0] in "$" or line.label[0].isdigit()

    def _pending_aside_open(self) -> bool:
        """Whether the label lines waiting for their figures leave a parenthesis open."""
        return _opens_aside([" ".join(p.label for p in self.pending)])

    def _continues(self, line: _Line) -> bool:
        previous = self.pending[-1].label
        label = line.label
        # a colon ends a heading, not a parenthesis still open ('dividends (per share:' over '$1.01 for Series B')
        if not label or not previous or previous.endswith(":") and not self._pending_aside_open():
            return False
        printed = self.pending[-1].text.rstrip()     # the label as printed, before leaders and dashes are cleaned
        if (label[0].islower() or _STARTS_WITH_FIGURE.match(label) or previous.endswith(("-", ",", "&", ";"))
                or label.split()[0].lower() in vocabulary().continuing_words
                or printed.endswith((" -", ",")) or previous.split()[-1].lower() in vocabulary().connectors):
            return True     # "LONG-TERM DEBT, less portion payable within" over " one year"; "Notes, net of
                            # discount 1999;" over " $120 and 1998; $95", "... at June 30, 1999" over
                            # "(1,200 shares at June 30, 1998)": no line item's label starts with an amount, nor
                            # with a preposition ("Diluted earnings" over "Per share")
        if _is_caps_heading(previous):
            # "CURRENT ASSETS" over "Cash" is a heading, not a wrapped label; a capitals line indented under
            # another goes on with it ("AMOUNTS PER SHARE OF" over " COMMON STOCK")
            return _is_caps_heading(label) and line.indent > self.pending[0].indent
        if vocabulary().structure["stated_total"].match(previous) and line.indent > self.pending[-1].indent:
            return True     # a total printed without figures was cut: "Total Liabilities and Stockholders'" over
                            # an indented " Equity"
        if self._pending_aside_open():
            return True     # "allowance of $52 ($48 at" goes on: "September 27, 1996)"
        # A line indented a little under another goes on with it, unless it starts a new capitalised item under a
        # heading printed without a colon ("Revenues" over "  Local service").
        return 0 < line.indent - self.pending[0].indent <= 2 and not label[0].isupper()

    def _add_row(self, line: _Line) -> None:
        cells, cell_sources, label_text = self._cells(line)
        if not any(cells):
            self._add_text_line(_Line(line.number, line.text, []))
            return
        if self.pending and (not label_text or self._continues(_Line(line.number, line.text[: line.label_end], []))):
            label = join_label([p.label for p in self.pending] + ([label_text] if label_text else []))
            first = self.pending[0]
        else:
            self._flush_heading()
            label, first = label_text, line
        self.pending = []
        source = SourceRef(self.document, first.number + 1, first.indent)
        label_source = SourceRef(self.document, first.number + 1, first.indent, lines=line.number - first.number + 1)
        self.rows.append(TableRow(label=label, cells=cells, source=source, cell_sources=cell_sources,
                                  label_source=label_source))

    def _cells(self, line: _Line) -> tuple[list[str], list[SourceRef | None], str]:
        cells = [""] * len(self.columns)
        sources: list[SourceRef | None] = [None] * len(self.columns)
        label_end = line.label_end
        for position, token in enumerate(line.tokens):
            index = self._column_of(token)
            if index is None or cells[index]:
                if position == 0 or not any(cells):
                    label_end = token.end      # an unaligned leading number belongs to the label
                continue
            cells[index] = token.text
            sources[index] = SourceRef(self.document, line.number + 1, token.start)
        return cells, sources, clean_label(_NOTE_REFERENCE.sub("", line.text[:label_end]))

    def _column_of(self, token: _Token) -> int | None:
        """The column whose anchor is nearest the token's (the left one of two as near), if near enough."""
        anchors, anchor = self.anchors, token.anchor
        right = bisect_left(anchors, anchor)
        best = right - 1 if right == len(anchors) or (
            right > 0 and anchor - anchors[right - 1] <= anchors[right] - anchor) else right
        return best if abs(anchors[best] - anchor) <= ANCHOR_TOLERANCE + 2 else None

    def _flush_heading(self) -> None:
        if self.pending:
            label = join_label([p.label for p in self.pending])
            first = self.pending[0]
            self.rows.append(TableRow(label=label, cells=[""] * len(self.columns),
                                      source=SourceRef(self.document, first.number + 1, first.indent)))
        self.pending = []


def _is_caps_heading(text: str) -> bool:
    """'CURRENT ASSETS', 'PROPERTY AND EQUIPMENT, at cost', 'DIVIDENDS (Note 1)'."""
    letters = [c for c in _PARENTHESISED.sub("", text).split(",")[0] if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def clean_label(text: str) -> str:
    """Without dotted leaders and a dangling '$': 'Net sales........  $' is 'Net sales'.

    Read from the right end, where leaders stand: a pattern anchored at the end would be tried at every position of
    the label, and this runs for every line of every table."""
    text = text.strip()
    while text.endswith(("$", ".")):
        if text.endswith("$"):
            text = text[:-1].strip()
            continue
        leader_start = _trailing_dots_and_spaces(text)
        if text.count(".", leader_start) < 2:
            break       # one dot ends an abbreviation ('Co.'), two or more are a leader
        text = text[:leader_start].strip()
    return text


def _trailing_dots_and_spaces(text: str) -> int:
    """Where the run of dots and whitespace at the end of the text starts."""
    start = len(text)
    while start and (text[start - 1] == "." or text[start - 1].isspace()):
        start -= 1
    return start


_STARTS_WITH_FIGURE = re.compile(r"\(?\$|\(\d")


def join_label(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return " ".join(text.split())
