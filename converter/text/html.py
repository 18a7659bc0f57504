"""The one HTML parse of the project: readers find tables in it and the inline writer rebuilds it, and both count
its cells the same way (SourceRef.element is an index into locatable_elements)."""
from __future__ import annotations

import re

from lxml import etree, html

from converter.model import Document

LOCATABLE_TAGS = ("td", "th", "pre")
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.S | re.I)
_C1 = re.compile(r"[\x80-\x9f]")


def parse_html(text: str) -> etree._Element | None:
    # The HTML parser never loads DTDs or external entities; no_network is belt and braces.
    parser = html.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True)
    # A DOCTYPE's internal subset (entity declarations) is dropped unread; its lines stay, so lines still count.
    text = _DOCTYPE.sub(lambda m: "\n" * m.group(0).count("\n"), text[:10000]) + text[10000:]
    try:
        return html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def document_tree(document: Document) -> etree._Element | None:
    """The document's HTML, parsed the first time it is asked for and kept on the document: the readers' cell
    positions and the inline writer's are those of one parse."""
    if document.parsed is None:
        document.parsed = (parse_html(document.text),)
    return document.parsed[0]


def locatable_elements(root: etree._Element) -> list[etree._Element]:
    """The cells and <pre>s that SourceRef.element counts, in document order."""
    return list(root.iter(*LOCATABLE_TAGS))


def windows_1252_controls(text: str) -> str:
    """&#146; and friends name Windows-1252 characters, which parsers read as C1 control codes (one character
    for one, so offsets into the text stay true)."""
    if text.isascii():
        return text       # no C1 code: a check of the string's kind, where the pattern reads every character
    return _C1.sub(lambda m: bytes([ord(m.group(0))]).decode("cp1252", "replace")[:1], text)


def fix_text(text: str) -> str:
    """A cell's or line's text on one line, with &#146;-style references read as Windows-1252."""
    text = windows_1252_controls(text)
    return " ".join(text.replace("\xa0", " ").replace("\u200b", "").split())
