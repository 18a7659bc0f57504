"""Facts to Inline XBRL 1.1: the filing itself, unchanged to the eye, with every figure tagged where it is printed.

Each fact's SourceRef says where its figure stands (document, line and column; in HTML, the cell or <pre>). The
figure is found there again and wrapped in an ix:nonFraction whose format, scale and sign turn the printed text
into exactly the instance's value: "(1,250)" with scale 3 and sign "-" is -1250000. Cover facts are tagged where
the cover prints their value as it is. A fact that cannot be found as expected (a state code the cover prints as a
name, a figure split across elements) is written in ix:hidden, so the inline document always holds exactly the
instance's facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from itertools import accumulate

from lxml import etree

from converter import __version__
from converter.model import Document, Fact, FactSet, lexical
from converter.text.dates import printed_long_date
from converter.text.html import document_tree, locatable_elements
from converter.text.vocabulary import vocabulary
from converter.writers.instance import FactView, fact_context_id, xbrl_resources
from converter.writers.naming import OutputNames, fact_id
from converter.writers.options import WriterOptions
from converter.writers.templating import render
from converter.writers.xhtml import XHTML, HtmlConverter, Mark, text_document, x, xml_safe

IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
_FIGURE = re.compile(r"-0-|\d[\d,]*(?:\.\d+)?|-{1,3}(?![\d.])|[\u2014\u2013]|\bnil\b", re.I)
_LABEL_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")   # never the comma after it
_NUM_DOT_DECIMAL = re.compile(r"^\d{1,3}(?:,?\d{3})*(?:\.\d+)?$")
HTML_COVER_CHARACTERS = 8000
COVER_LINES = 150            # a text document's cover page ends before this line, whatever else it holds
_SCALES = range(-6, 13)      # from a figure printed without its leading zero to trillions
_PAGE_BREAK = re.compile(r"\f|<PAGE>", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NON_FRACTION = f"{{{IX}}}nonFraction"


@dataclass
class _Tagged:
    fact: Fact
    id: str
    mark: Mark | None = None


def render_inline(facts: FactSet, names: OutputNames, options: WriterOptions = WriterOptions()) -> str:
    tagged = [_Tagged(fact, fact_id(position)) for position, fact in enumerate(facts.facts)]
    cover_facts = [t for t in tagged if t.fact.unit is None]
    sections = [_section(number, document, [t for t in tagged if t.fact.source
                                            and t.fact.source.document == document.name], cover_facts)
                for number, document in enumerate(_rendered_documents(facts.documents), start=1)]
    styles = [style for _, style in sections if style]
    hidden = [_hidden_view(t) for t in tagged if t.mark is None or not t.mark.placed]
    return render("inline.xhtml.j2", version=__version__, source_name=names.source_name,
                  title=facts.entity.name or names.source_name, namespaces=facts.namespaces, ix=IX, ixt=IXT,
                  schema_ref=names.files["schema"], entity=facts.entity, styles=styles, hidden=hidden,
                  sections=[markup for markup, _ in sections], mark_tagged=options.mark_tagged,
                  **xbrl_resources(facts))


def placed_count(markup: str) -> int:
    """How many facts stand in the document's text rather than in ix:hidden (for reports and tests)."""
    root = etree.fromstring(markup.encode("utf-8"))
    hidden = root.find(f".//{{{IX}}}hidden")
    in_hidden = len(hidden) if hidden is not None else 0
    return len(root.findall(f".//{{{IX}}}nonFraction")) + len(root.findall(f".//{{{IX}}}nonNumeric")) - in_hidden


def _rendered_documents(documents: list[Document]) -> list[Document]:
    return [d for d in documents if not d.type.startswith(vocabulary().not_statements) and not _is_uuencoded(d.text)]


def _is_uuencoded(text: str) -> bool:
    return bool(re.match(r"\s*begin \d{3} ", text[:200]))


def _section(number: int, document: Document, tagged: list[_Tagged], cover_facts: list[_Tagged]
             ) -> tuple[str, str]:
    """One document as an XHTML div, and the CSS its <style> elements carried."""
    container = etree.Element(x("div"), {"class": "legacy-document", "id": f"doc{number}"},
                              nsmap={None: XHTML, "ix": IX})
    banner = etree.SubElement(container, x("div"), {"class": "legacy-document-banner"})
    banner.text = xml_safe(" ".join(p for p in (f"Document {number}", document.type, document.name) if p))
    styles = ""
    root = document_tree(document) if document.is_html else None
    if root is not None:
        container.set("class", "legacy-document legacy-html")
        cover = _HtmlCover([t for t in cover_facts if t.mark is None]) if number == 1 else None
        converter = HtmlConverter(f"doc{number}-", _html_marks(root, tagged), cover)
        converter.convert(root, container)
        styles = "\n".join(converter.styles)
    else:
        marks = _text_marks(document.text, tagged)
        if number == 1:
            marks += _cover_marks(document.text, [t for t in cover_facts if t.mark is None], marks)
        text_document(container, document.text, marks)
    return etree.tostring(container, encoding="unicode"), styles


def _text_marks(text: str, tagged: list[_Tagged]) -> list[Mark]:
    marks: list[Mark] = []
    starts = _line_starts(text)
    for item in sorted(tagged, key=lambda t: t.fact.in_label):      # a label's figures once the columns' are placed
        marks.extend(_text_marks_in(text, starts, 0, item, marks))
    return marks


def _text_marks_in(text: str, starts: list[int], offset: int, item: _Tagged, taken: list[Mark]) -> list[Mark]:
    """The fact's figure in plain text (lines starting at `starts`) whose first line is line `offset` + 1 of the
    document: at its column, or for a figure printed in a label, anywhere on the label's lines."""
    source = item.fact.source
    line = source.line - offset
    if not 1 <= line <= len(starts):
        return []
    start, end = _line_range(text, starts[line - 1], source.column)
    if not item.fact.in_label:
        return _mark(item, text, start, end)
    last = min(line + source.lines - 1, len(starts))
    return _label_mark(item, text, start, _line_range(text, starts[last - 1], 0)[1], taken)


def _html_marks(root: etree._Element, tagged: list[_Tagged]) -> dict[int, list[Mark]]:
    elements = locatable_elements(root)
    marks: dict[int, list[Mark]] = {}
    line_starts: dict[int, list[int]] = {}      # of each <pre>, found once
    for item in sorted(tagged, key=lambda t: t.fact.in_label):
        index = item.fact.source.element
        if index is None or index >= len(elements):
            continue
        element = elements[index]
        text = "".join(element.itertext())
        if element.tag == "pre":
            if index not in line_starts:
                line_starts[index] = _line_starts(text)
            starts = line_starts[index]
            found = _text_marks_in(text, starts, (element.sourceline or 1) - 1, item, marks.get(index, []))
        elif item.fact.in_label:
            found = _label_mark(item, text, 0, len(text), marks.get(index, []))
        else:
            found = _mark(item, text, 0, len(text))      # the cell holds one figure, wherever it stands
        marks.setdefault(index, []).extend(found)
    return marks


def _cover_marks(text: str, tagged: list[_Tagged], taken: list[Mark]) -> list[Mark]:
    """Cover facts where the cover page (the text before the first page break) prints them as they are; a date
    printed as "April 9, 2003" is read with the date transformation."""
    cover = text[:_cover_end(text)]
    marks: list[Mark] = []
    for item in tagged:
        for match in _cover_candidates(cover, item.fact):
            if not any(m.start < match.end() and match.start() < m.end for m in taken + marks):
                attributes = {"name": item.fact.concept, "contextRef": fact_context_id(item.fact), "id": item.id}
                if printed_long_date().fullmatch(match.group(0)):
                    attributes["format"] = "ixt:date-monthname-day-year-en"
                item.mark = Mark(match.start(), match.end(), match.group(0), f"{{{IX}}}nonNumeric", attributes)
                marks.append(item.mark)
                break
    return marks


class _HtmlCover:
    """Cover facts in the text nodes of an HTML document's first HTML_COVER_CHARACTERS characters, each text node
    searched as the text cover is."""

    def __init__(self, tagged: list[_Tagged]):
        self.tagged = tagged
        self.seen = 0

    def __call__(self, text: str) -> list[Mark]:
        if self.seen > HTML_COVER_CHARACTERS:
            return []
        self.seen += len(text)
        return _cover_marks(text, [t for t in self.tagged if t.mark is None], [])


def _cover_end(text: str) -> int:
    """The first page break after the cover's text has begun (a '<PAGE>' may head the page), at most 150 lines."""
    limit = _line_start(text, COVER_LINES)
    for match in _PAGE_BREAK.finditer(text, 0, limit):
        if len("".join(text[:match.start()].split())) >= 200:
            return match.start()
    return limit


def _cover_candidates(cover: str, fact: Fact) -> list[re.Match]:
    value = str(fact.value)
    if _ISO_DATE.match(value):
        return [m for m in printed_long_date().finditer(cover) if _printed_date(m) == value]
    return list(re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", cover))


def _printed_date(match: re.Match) -> str | None:
    try:
        return datetime.strptime(" ".join(match.group(0).replace(",", " ").split()), "%B %d %Y").date().isoformat()
    except ValueError:
        return None


def _line_starts(text: str) -> list[int]:
    """Where each line starts: summed from the lines' lengths, without a match object per line."""
    return list(accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))


def _line_start(text: str, line: int) -> int:
    """Where the line `line` (0-based) starts, or the text's end if it has no such line; the lines before it are
    all that is read."""
    position = 0
    for _ in range(line):
        position = text.find("\n", position) + 1
        if not position:
            return len(text)
    return position


def _line_range(text: str, line_start: int, column: int) -> tuple[int, int]:
    """From `column` (tabs expanded) of the line starting at `line_start` to the line's end."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    return line_start + _raw_index(text[line_start:line_end], column), line_end


def _mark(item: _Tagged, text: str, start: int, end: int) -> list[Mark]:
    """The first figure printed in text[start:end], if it reads as the fact's value."""
    figure = _FIGURE.search(text, start, end)
    attributes = figure and _display(figure.group(0), item.fact)
    if not attributes:
        return []
    item.mark = _fact_mark(item, figure, attributes)
    return [item.mark]


def _label_mark(item: _Tagged, text: str, start: int, end: int, taken: list[Mark]) -> list[Mark]:
    """The first figure in text[start:end] that reads as the fact's value and no other fact has taken: a label
    prints several ('$.01 par value; 50,000,000 shares authorized'); one printed for two facts is tagged once."""
    # only the marks within the label's lines can overlap one of its figures (the document has many)
    nearby = [m for m in taken if m.start < end and start < m.end]
    for figure in _LABEL_FIGURE.finditer(text, start, end):
        if any(m.start < figure.end() and figure.start() < m.end for m in nearby):
            continue
        attributes = _display(figure.group(0), item.fact)
        if attributes:
            item.mark = _fact_mark(item, figure, attributes)
            return [item.mark]
    return []


def _raw_index(line: str, column: int) -> int:
    """Index in `line` of the character at `column` once tabs are expanded to eight."""
    if "\t" not in line:
        return min(column, len(line))
    expanded = 0
    for index, char in enumerate(line):
        if expanded >= column:
            return index
        expanded = (expanded // 8 + 1) * 8 if char == "\t" else expanded + 1
    return len(line)


def _display(figure: str, fact: Fact) -> dict[str, str] | None:
    """format and scale that read the printed figure as the fact's magnitude, or None where it does not."""
    if fact.unit is None or not isinstance(fact.value, Decimal):
        return None
    magnitude = abs(fact.value)
    if not any(ch.isdigit() for ch in figure) or figure == "-0-":
        return {"format": "ixt:fixed-zero"} if magnitude == 0 else None
    if not _NUM_DOT_DECIMAL.match(figure):
        return None
    shown = Decimal(figure.replace(",", ""))
    if shown == 0:
        return {"format": "ixt:num-dot-decimal", "scale": "0"} if magnitude == 0 else None
    # the scale the figure was read with, which the fact carries; a figure printed without its leading zero
    # ("$.23", found as "23") is related to the value by the one power of ten that can
    scale = fact.scale if fact.scale is not None and shown.scaleb(fact.scale) == magnitude else \
        magnitude.adjusted() - shown.adjusted()
    if scale not in _SCALES or shown.scaleb(scale) != magnitude:
        return None
    return {"format": "ixt:num-dot-decimal", "scale": str(scale)}


def _fact_mark(item: _Tagged, figure: re.Match, display: dict[str, str]) -> Mark:
    fact = item.fact
    attributes = {"name": fact.concept, "contextRef": fact_context_id(fact), "unitRef": fact.unit.value,
                  "decimals": str(fact.decimals), "id": item.id, **display}
    if fact.value < 0:
        attributes["sign"] = "-"
    return Mark(figure.start(), figure.end(), figure.group(0), _NON_FRACTION, attributes)


@dataclass(slots=True)
class _HiddenView(FactView):
    id: str = ""
    negative: bool = False      # a numeric fact is written as its magnitude with sign="-"


def _hidden_view(item: _Tagged) -> _HiddenView:
    fact = item.fact
    if fact.unit is None:
        return _HiddenView(fact.concept, fact_context_id(fact), lexical(fact.value), id=item.id)
    value = Decimal(fact.value)
    return _HiddenView(fact.concept, fact_context_id(fact), lexical(abs(value)), fact.unit.value, fact.decimals,
                       id=item.id, negative=value < 0)
