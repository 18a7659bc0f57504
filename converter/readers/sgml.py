"""EDGAR submission wrapper: the SEC header and the <DOCUMENT>s inside it. A file without a wrapper is one
document."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from converter.model import Document, FilingHeader

# Found by plain searches: a lazy '.*?' over a whole submission is slow.
_DOCUMENT_START, _DOCUMENT_END = re.compile(r"<DOCUMENT>", re.I), re.compile(r"</DOCUMENT>", re.I)
_TEXT_START, _TEXT_END = re.compile(r"<TEXT>", re.I), re.compile(r"</TEXT>", re.I)
_TAG_LINE = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(.*)$", re.M | re.I)
_HEADER_BLOCK = re.compile(r"<(SEC-HEADER|IMS-HEADER)>(.*?)(?:</\1>|<DOCUMENT>)", re.S | re.I)
_KEY_VALUE = re.compile(r"^\s*([A-Z][A-Z0-9 ,()/.-]+?):[ \t]+(\S.*?)\s*$", re.M)
# <TABLE> alone is the SGML table markup of text filings, so it does not make a document HTML.
_HTML = re.compile(r"<(?:html|body|div|font|td|tr|br|p)[\s>/]", re.I)


def has_wrapper(text: str) -> bool:
    return bool(re.search(r"<DOCUMENT>|<SEC-HEADER>|<IMS-HEADER>", text[:200_000], re.I))


def read_header(text: str) -> FilingHeader:
    """The header in either generation: '<SEC-HEADER>' / '<IMS-HEADER>' with 'KEY: value' lines, or the tagged
    dissemination form ('.nc': '<SUBMISSION>' then '<CIK>0000012345' lines)."""
    block = _HEADER_BLOCK.search(text)
    if block:
        fields: dict[str, str] = {}
        for key, value in _KEY_VALUE.findall(block.group(2)):
            fields.setdefault(" ".join(key.split()).upper(), value)
    elif text.lstrip()[:12].upper() == "<SUBMISSION>":
        fields = _tagged_fields(text.split("<DOCUMENT>", 1)[0])
    else:
        return FilingHeader()
    return FilingHeader(
        cik=_digits(fields.get("CENTRAL INDEX KEY")),
        company_name=fields.get("COMPANY CONFORMED NAME"),
        form_type=fields.get("CONFORMED SUBMISSION TYPE") or fields.get("FORM TYPE"),
        period_of_report=_date(fields.get("CONFORMED PERIOD OF REPORT")),
        filed_date=_date(fields.get("FILED AS OF DATE")),
        accession=fields.get("ACCESSION NUMBER"),
        state_of_incorporation=fields.get("STATE OF INCORPORATION"),
        fields=fields,
    )


# Tag of the dissemination (.nc) header -> the KEY of the 'KEY: value' header it corresponds to.
_TAGGED_KEYS = {"ACCESSION-NUMBER": "ACCESSION NUMBER", "TYPE": "CONFORMED SUBMISSION TYPE",
                "PERIOD": "CONFORMED PERIOD OF REPORT", "FILING-DATE": "FILED AS OF DATE",
                "CONFORMED-NAME": "COMPANY CONFORMED NAME", "CIK": "CENTRAL INDEX KEY",
                "STATE-OF-INCORPORATION": "STATE OF INCORPORATION", "ASSIGNED-SIC": "STANDARD INDUSTRIAL CLASSIFICATION",
                "IRS-NUMBER": "IRS NUMBER", "FISCAL-YEAR-END": "FISCAL YEAR END"}
_TAGGED_LINE = re.compile(r"^<([A-Z0-9-]+)>[ \t]*(\S.*?)\s*$", re.M)


def _tagged_fields(header: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for tag, value in _TAGGED_LINE.findall(header):
        fields.setdefault(_TAGGED_KEYS.get(tag, tag.replace("-", " ")), value)
    return fields


def split_documents(text: str, source_name: str) -> list[Document]:
    if not re.search(r"<DOCUMENT>", text, re.I):
        return [Document(name=source_name, type="", text=text, is_html=bool(_HTML.search(text[:20000])))]
    documents = []
    for index, body in enumerate(_bodies(text, _DOCUMENT_START, _DOCUMENT_END), start=1):
        tags = {key.upper(): value.strip() for key, value in _TAG_LINE.findall(body[:4000])}
        inner = next(_bodies(body, _TEXT_START, _TEXT_END), body)
        name = tags.get("FILENAME") or f"document-{tags.get('SEQUENCE', index)}"
        documents.append(Document(name=name, type=tags.get("TYPE", "").upper(), text=inner,
                                  description=tags.get("DESCRIPTION", ""),
                                  is_html=bool(_HTML.search(inner[:20000]))))
    return documents


def _bodies(text: str, start_tag: re.Pattern[str], end_tag: re.Pattern[str]) -> Iterator[str]:
    """The text after each start tag, up to its end tag, the next start tag (an end tag lost) or the end of a
    truncated file."""
    starts = list(start_tag.finditer(text))
    for start, following in zip(starts, starts[1:] + [None]):
        limit = following.start() if following else len(text)
        end = end_tag.search(text, start.end(), limit)
        yield text[start.end(): end.start() if end else limit]


def _digits(value: str | None) -> str | None:
    return value.lstrip("0").zfill(10) if value and value.strip().isdigit() else None


def _date(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{8}", value.strip()):
        v = value.strip()
        try:
            return date(int(v[:4]), int(v[4:6]), int(v[6:]))
        except ValueError:
            return None
    return None
