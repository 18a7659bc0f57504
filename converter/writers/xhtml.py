"""Legacy documents as XHTML 1.1 that Inline XBRL accepts, with printed figures wrapped where they stand.

Text documents become <pre> pages (a form feed starts a new printed page), laid out character for character.
Legacy HTML (font tags, presentational attributes, tables without tbody, text straight in <body>) is rebuilt
element by element into the XHTML 1.1 modules the iXBRL schema allows: deprecated elements become spans and divs,
presentational attributes become CSS, so the page looks the same while validating against the schema. Scripts,
frames, objects and forms are dropped, and nothing is fetched.

A `Mark` is one figure to wrap: a range of characters in the text of a located element (a whole text document,
or the `td`/`th`/`pre` that SourceRef.element counts). It is wrapped only where its text is exactly as expected.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from converter.text.html import locatable_elements, windows_1252_controls
from converter.writers.templating import xml_characters

XHTML = "http://www.w3.org/1999/xhtml"

_BLOCK = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol", "dl", "address", "hr"}
_INLINE_ONLY = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "abbr", "acronym", "address", "b", "big",
                "cite", "code", "dfn", "em", "i", "kbd", "q", "samp", "small", "strong", "sub", "sup", "tt", "var",
                "pre", "dt", "caption"}
_KEPT = (_BLOCK | _INLINE_ONLY | {"br", "img", "li", "dd"}) - {"caption"}
_DROPPED = {"script", "style", "head", "title", "meta", "link", "iframe", "frame", "frameset", "noframes",
            "object", "embed", "applet", "noscript", "input", "select", "option", "textarea", "button", "map",
            "area", "param", "base", "basefont", "bgsound", "xml"}
_RENAMED = {"font": "span", "center": "div", "u": "span", "s": "span", "strike": "span", "del": "span",
            "ins": "span", "nobr": "span", "blockquote": "div", "form": "div", "dir": "ul", "menu": "ul",
            "listing": "pre", "xmp": "pre", "plaintext": "pre", "label": "span", "section": "div",
            "article": "div", "header": "div", "footer": "div", "nav": "div", "main": "div", "aside": "div",
            "figure": "div", "figcaption": "div", "mark": "span", "time": "span", "wbr": "span", "caption": "div"}
# How an element looks once it is a span or div (renamed here, or demoted because its content breaks its model).
_LOOK = {"center": "text-align:center", "u": "text-decoration:underline", "ins": "text-decoration:underline",
         "s": "text-decoration:line-through", "strike": "text-decoration:line-through",
         "del": "text-decoration:line-through", "nobr": "white-space:nowrap", "blockquote": "margin:1em 40px",
         "p": "margin:1em 0", "b": "font-weight:bold", "strong": "font-weight:bold", "i": "font-style:italic",
         "em": "font-style:italic", "pre": "white-space:pre;font-family:monospace", "tt": "font-family:monospace",
         "code": "font-family:monospace", "h1": "font-weight:bold;font-size:2em;margin:0.67em 0",
         "h2": "font-weight:bold;font-size:1.5em;margin:0.83em 0", "h3": "font-weight:bold;font-size:1.17em;margin:1em 0",
         "h4": "font-weight:bold;margin:1.33em 0", "h5": "font-weight:bold;font-size:0.83em;margin:1.67em 0",
         "h6": "font-weight:bold;font-size:0.67em;margin:2.33em 0", "sub": "vertical-align:sub;font-size:smaller",
         "sup": "vertical-align:super;font-size:smaller", "small": "font-size:smaller", "big": "font-size:larger",
         "ul": "padding-left:40px", "ol": "padding-left:40px", "dd": "margin-left:40px",
         "li": "display:list-item;margin-left:40px", "listing": "white-space:pre;font-family:monospace",
         "xmp": "white-space:pre;font-family:monospace", "plaintext": "white-space:pre;font-family:monospace"}
_FONT_SIZES = {"1": "x-small", "2": "small", "3": "medium", "4": "large", "5": "x-large", "6": "xx-large",
               "7": "48px", "+1": "larger", "+2": "x-large", "+3": "xx-large", "-1": "smaller", "-2": "x-small"}
_LENGTH = re.compile(r"^(?:\d+|\d+%|\d*\.\d+%)$")
_NUMBER = re.compile(r"^\d{1,4}$")
_NMTOKENS = re.compile(r"^[\w.:-]+(?: [\w.:-]+)*$")
_CSS_UNSAFE = re.compile(r"[;{}<>\"\\]|expression|url\(", re.I)
_ALIGN = {"left", "center", "right", "justify"}
_VALIGN = {"top", "middle", "bottom", "baseline"}
_ATTRIBUTES = {   # attributes kept as they are, beyond id, class, style, title and dir
    "table": {"border": _NUMBER, "cellspacing": _LENGTH, "cellpadding": _LENGTH, "width": _LENGTH},
    "td": {"colspan": _NUMBER, "rowspan": _NUMBER}, "th": {"colspan": _NUMBER, "rowspan": _NUMBER},
    "img": {"width": _LENGTH, "height": _LENGTH},
}


@dataclass
class Mark:
    """A printed figure to wrap: characters [start, end) of the located element's text, expected to read `text`,
    in an inline XBRL element `tag` with `attributes`. The element is made only where the mark is placed, inside the
    document it belongs to: a free-standing lxml element would be a document of its own, made for nothing."""
    start: int
    end: int
    text: str
    tag: str
    attributes: dict[str, str] = field(default_factory=dict)
    placed: bool = False
    element: etree._Element | None = None     # once placed


def xml_safe(text: str) -> str:
    """Characters XML cannot hold become spaces, &#146;-style C1 codes the Windows-1252 characters they meant;
    the length never changes, so offsets into the text stay true."""
    return xml_characters(windows_1252_controls(text))


def x(tag: str) -> str:
    return f"{{{XHTML}}}{tag}"


def append_marked(parent: etree._Element, text: str, offset: int, marks: list[Mark]) -> None:
    """Append `text` (characters from `offset` of the located element's text) to `parent`, wrapping every mark
    that lies wholly inside it and reads as expected."""
    text = xml_safe(text)
    position = 0
    for mark in marks:
        start, end = mark.start - offset, mark.end - offset
        if mark.placed or start < position or end > len(text) or text[start:end] != mark.text:
            continue
        _append_text(parent, text[position:start])
        mark.element = etree.SubElement(parent, mark.tag, mark.attributes)
        mark.element.text = text[start:end]
        mark.placed = True
        position = end
    _append_text(parent, text[position:])


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def text_document(container: etree._Element, text: str, marks: list[Mark]) -> None:
    """A plain-text document as <pre> pages, character for character; a form feed starts a new page. Each page
    is handed only the marks starting on it (sorted once), not the whole document's to pass over."""
    ordered = sorted(marks, key=lambda m: m.start)
    starts = [mark.start for mark in ordered]
    offset = 0
    for number, page in enumerate(text.split("\f")):
        pre = etree.SubElement(container, x("pre"), {"class": "page"})
        if number:
            pre.set("style", "page-break-before:always")
        end = offset + len(page)
        append_marked(pre, page, offset, ordered[bisect_left(starts, offset): bisect_right(starts, end)])
        offset = end + 1


@dataclass
class _Located:
    marks: list[Mark]
    offset: int = 0


@dataclass
class HtmlConverter:
    """One legacy HTML document rebuilt as XHTML inside `container`; `marks` by SourceRef.element."""
    id_prefix: str
    marks: dict[int, list[Mark]]
    find_marks: Callable[[str], list[Mark]] | None = None   # marks for a text outside the located elements
    styles: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def convert(self, root: etree._Element, container: etree._Element) -> None:
        """`root` is the document's one parse (text.html.document_tree), so element positions are the readers'."""
        self.order = {element: i for i, element in enumerate(locatable_elements(root))}
        self._children(root, container, None)
        _fix_content_models(container)

    def _children(self, source: etree._Element, target: etree._Element, located: _Located | None) -> None:
        self._text(target, source.text, located)
        for child in source:
            self._element(child, target, located)
            self._text(target, child.tail, located)

    def _text(self, target: etree._Element, text: str | None, located: _Located | None) -> None:
        if not text:
            return
        if located is None:
            marks = self.find_marks(text) if self.find_marks else []
            append_marked(target, text, 0, marks)
        else:
            append_marked(target, text, located.offset, located.marks)
            located.offset += len(text)

    def _skip(self, source: etree._Element, located: _Located | None) -> None:
        for style in source.iter("style"):
            self.styles.append(safe_css(xml_safe("".join(style.itertext()))))
        if located is not None:
            located.offset += sum(len(t) for t in _inner_text(source))

    def _element(self, source: etree._Element, target: etree._Element, located: _Located | None) -> None:
        tag = _tag(source)
        if not tag or tag in _DROPPED:
            self._skip(source, located)
            return
        index = self.order.get(source)
        if index is not None and index in self.marks:
            located = _Located(sorted(self.marks[index], key=lambda m: m.start))
        if tag == "table":
            self._table(source, target, located)
            return
        name = _RENAMED.get(tag, tag if tag in _KEPT else None)
        if name is None or (tag == "img" and not _local_src(source.get("src"))):
            self._children(source, target, located)      # unknown wrappers (html, body, o:p) give way
            return
        element = etree.SubElement(target, x(name), self._attributes(source, tag, name))
        self._children(source, element, located)

    def _table(self, source: etree._Element, target: etree._Element, located: _Located | None) -> None:
        rows = _rows(source)
        if not rows:
            self._children(source, target, located)
            return
        for caption in source.iterchildren("caption"):
            self._element(caption, target, located)
        table = etree.SubElement(target, x("table"), self._attributes(source, "table", "table"))
        body = etree.SubElement(table, x("tbody"))
        for row, cells in rows:
            tr = etree.SubElement(body, x("tr"), self._attributes(row, "tr", "tr") if row is not None else {})
            for cell in cells or [None]:
                if cell is None:
                    etree.SubElement(tr, x("td"))
                    continue
                name = "th" if _tag(cell) == "th" else "td"
                index = self.order.get(cell)
                cell_located = _Located(sorted(self.marks[index], key=lambda m: m.start)) \
                    if index in self.marks else None
                self._children(cell, etree.SubElement(tr, x(name), self._attributes(cell, name, name)),
                               cell_located)

    def _attributes(self, source: etree._Element, tag: str, name: str) -> dict[str, str]:
        attributes: dict[str, str] = {}
        styles = [_LOOK[tag]] if tag in _LOOK and tag != name else []
        for key, value in source.attrib.items():
            key, value = key.lower(), " ".join(xml_safe(value).split())
            allowed = _ATTRIBUTES.get(name, {})
            if key in allowed and allowed[key].match(value):
                attributes[key] = value
            elif key == "id" or (key == "name" and tag == "a"):
                self._identify(attributes, value)
            elif key == "class" and _NMTOKENS.match(value):
                attributes["class"] = value
            elif key == "title" and value:
                attributes["title"] = value
            elif key == "dir" and value.lower() in ("ltr", "rtl"):
                attributes["dir"] = value.lower()
            elif key == "href" and name == "a":
                self._link(attributes, value)
            elif key == "alt" and name == "img":
                attributes["alt"] = value
            elif key == "src" and name == "img":
                attributes["src"] = value
            elif key == "style":
                styles.append(safe_css(value))
            else:
                styles.extend(_presentational_css(key, value, tag))
        if name == "img":
            attributes.setdefault("alt", "")
        styles = [s for s in styles if s]
        if styles:
            attributes["style"] = ";".join(styles)
        if name == "br":                     # XHTML's <br> takes the core attributes only
            attributes = {k: v for k, v in attributes.items() if k in ("id", "class", "title")}
        return attributes

    def _identify(self, attributes: dict[str, str], value: str) -> None:
        identifier = self.id_prefix + re.sub(r"[^A-Za-z0-9._-]", "_", value)
        if identifier not in self.ids and "id" not in attributes:
            self.ids.add(identifier)
            attributes["id"] = identifier

    def _link(self, attributes: dict[str, str], value: str) -> None:
        if value.startswith("#") and len(value) > 1:
            attributes["href"] = "#" + self.id_prefix + re.sub(r"[^A-Za-z0-9._-]", "_", value[1:])
        elif re.match(r"^(?:https?|mailto|ftp):", value, re.I):
            attributes["href"] = value


def safe_css(css: str) -> str:
    """Style text without what could fetch or run anything (url(), @import, expression()) or break out."""
    css = re.sub(r"@import[^;]*;?", "", css, flags=re.I)
    css = re.sub(r"url\s*\([^)]*\)", "none", css, flags=re.I)
    return re.sub(r"expression\s*\(|[<>\\]", "", css, flags=re.I).strip().rstrip(";")


def _presentational_css(key: str, value: str, tag: str) -> list[str]:
    """HTML 3.2 presentation as the CSS a browser applies for it."""
    value = _CSS_UNSAFE.sub("", value)
    if not value:
        return []
    if key == "align":
        if tag == "table":
            return {"center": ["margin-left:auto", "margin-right:auto"], "right": ["margin-left:auto"]}.get(
                value.lower(), [])
        return [f"text-align:{value.lower()}"] if value.lower() in _ALIGN else []
    if key == "valign":
        return [f"vertical-align:{value.lower()}"] if value.lower() in _VALIGN else []
    if key == "bgcolor":
        return [f"background-color:{value}"]
    if key in ("width", "height"):
        return [f"{key}:{value}px" if value.isdigit() else f"{key}:{value}"] if _LENGTH.match(value) else []
    if key == "nowrap":
        return ["white-space:nowrap"]
    if key == "face":
        return [f"font-family:{value}"]
    if key == "color":
        return [f"color:{value}"]
    if key == "size" and tag == "font":
        return [f"font-size:{_FONT_SIZES[value]}"] if value in _FONT_SIZES else []
    if key == "size" and tag == "hr":
        return [f"height:{value}px"] if value.isdigit() else []
    if key == "border" and tag == "img":
        return [f"border:{value}px solid"] if value.isdigit() else []
    if key == "type" and tag in ("ul", "ol"):
        return [f"list-style-type:{_LIST_STYLES.get(value, 'disc')}"]
    return []


_LIST_STYLES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman",
                "disc": "disc", "circle": "circle", "square": "square"}


def _rows(table: etree._Element) -> list[tuple[etree._Element | None, list[etree._Element]]]:
    """The table's rows and their cells, however they are wrapped (thead, tbody, stray font tags); cells outside
    any row make a row of their own; nested tables stay inside their cells."""
    rows: list[tuple[etree._Element | None, list[etree._Element]]] = []

    def walk(element: etree._Element, inside_row: bool) -> None:
        for child in element:
            tag = _tag(child)
            if tag == "tr":
                rows.append((child, []))
                walk(child, True)
            elif tag in ("td", "th"):
                if not inside_row or not rows:
                    rows.append((None, []))
                rows[-1][1].append(child)
            elif tag and tag != "table":
                walk(child, inside_row)

    walk(table, False)
    return rows


def _fix_content_models(element: etree._Element) -> None:
    """Bottom up: an inline-only element holding a block becomes a div; lists keep only list items, or become
    divs; a link never holds a link; <pre> never holds images or size changes."""
    for child in element:
        if isinstance(child.tag, str):
            _fix_content_models(child)
    name = etree.QName(element).localname
    if name in _INLINE_ONLY and any(etree.QName(c).localname in _BLOCK for c in element if isinstance(c.tag, str)):
        _demote(element, name, "div")
        name = "div"
    if name in ("ul", "ol") and not _only_children(element, {"li"}):
        _demote(element, name, "div")
    elif name == "dl" and not _only_children(element, {"dt", "dd"}):
        _demote(element, name, "div")
    if name not in ("ul", "ol", "dl") or etree.QName(element).localname == "div":
        for child in element:
            child_name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if child_name in ("li", "dt", "dd"):
                _demote(child, child_name, "div")
    if name == "pre":
        for inner in element.iter(x("img"), x("big"), x("small"), x("sub"), x("sup")):
            if inner.tag == x("img"):
                inner.text = inner.get("alt")
            _demote(inner, etree.QName(inner).localname, "span")
    if name == "a":
        for inner in element.iterdescendants(x("a")):
            _demote(inner, "a", "span")


def _only_children(element: etree._Element, names: set[str]) -> bool:
    children = [c for c in element if isinstance(c.tag, str)]
    return (bool(children) and all(etree.QName(c).localname in names for c in children)
            and not (element.text or "").strip() and not any((c.tail or "").strip() for c in children))


def _demote(element: etree._Element, name: str, new_name: str) -> None:
    kept = {k: v for k, v in element.attrib.items() if k in ("id", "class", "title", "dir")}
    style = ";".join(s for s in (_LOOK.get(name, ""), element.get("style", "")) if s)
    element.attrib.clear()
    element.attrib.update(kept)
    if style:
        element.set("style", style)
    element.tag = x(new_name)


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _inner_text(element: etree._Element) -> list[str]:
    """The text itertext gives for an element, without its tail."""
    texts = [element.text or ""]
    for child in element:
        texts.extend(_inner_text(child))
        texts.append(child.tail or "")
    return texts


def _local_src(src: str | None) -> bool:
    """Images are kept where they name a file beside the document; nothing is fetched from elsewhere."""
    return bool(src) and not re.match(r"^[a-z][a-z0-9+.-]*:|^//", src.strip(), re.I)
