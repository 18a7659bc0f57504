"""The cover page of a filing: each item is the text printed just above its caption line, e.g. the line above
'(Exact name of registrant as specified in its charter)'."""
from __future__ import annotations

import re
from datetime import date

from converter.model import CoverPage
from converter.text.dates import long_date, month_number
from converter.text.vocabulary import vocabulary

_FILE_NUMBER = re.compile(r"\b(0\d{2}-\d{4,5}|[0-9]{1,3}-\d{4,6})\b")
_TAX_ID = re.compile(r"\b(\d{2}-\d{7})\b")
_PHONE = re.compile(r"\(?(\d{3})\)?[\s.-]*(\d{3}[\s.-]\d{4})")
COVER_LINES = 150


def read_cover(text: str) -> CoverPage:
    lines = text.split("\n", COVER_LINES)[:COVER_LINES]     # the rest of the document is never split
    cover = CoverPage()
    form = vocabulary().cover_form.search("\n".join(lines))
    cover.document_type = form.group(1).upper() if form else None
    for index, line in enumerate(lines):
        for field, caption in vocabulary().cover_captions.items():
            if caption.search(line):
                above = _text_above(lines, index)
                if above is not None:
                    _store(cover, field, above, line)
    return cover


def _text_above(lines: list[str], index: int) -> str | None:
    for candidate in reversed(lines[max(0, index - 4): index]):
        stripped = candidate.strip()
        if stripped and not re.fullmatch(r"[-=_\s]+", stripped):
            return stripped
    return None


def _store(cover: CoverPage, field: str, text: str, caption_line: str) -> None:
    if field == "registrant_name" and cover.registrant_name is None:
        cover.registrant_name = " ".join(text.split())
    elif field == "address" and cover.address is None:
        cover.address = " ".join(text.split())
    elif field == "phone" and cover.phone is None and _PHONE.search(text):
        cover.phone = text
    elif field == "report_date" and cover.report_date is None:
        cover.report_date = _long_date(text) or _long_date(caption_line)
    elif field == "identifiers":
        _store_identifiers(cover, text)


def _store_identifiers(cover: CoverPage, text: str) -> None:
    """'OHIO      0-12345      31-1234567': state, Commission file number, IRS employer number."""
    parts = [p.strip() for p in re.split(r"\s{2,}", text) if p.strip()]
    tax = _TAX_ID.search(text)
    if tax and cover.tax_id is None:
        cover.tax_id = tax.group(1)
    for part in parts:
        if cover.file_number is None and _FILE_NUMBER.fullmatch(part) and not _TAX_ID.fullmatch(part):
            cover.file_number = part
    if parts and cover.incorporation_state is None and not any(ch.isdigit() for ch in parts[0]):
        cover.incorporation_state = parts[0]


def _long_date(text: str) -> date | None:
    match = long_date().search(text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), month_number(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
