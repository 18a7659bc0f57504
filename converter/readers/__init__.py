"""Readers: a filing on disk to the document model. Table readers are registered by document format."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from converter.model import ConversionError, Document, FinancialDataSchedule, Filing, Table
from converter.readers import cover, decode, ex27, html_tables, sgml, text_tables
from converter.text.vocabulary import vocabulary

TableReader = Callable[[Document], list[Table]]

# One line per document format.
TABLE_READERS: dict[str, TableReader] = {
    "text": text_tables.find_tables,
    "html": html_tables.find_tables,
}

ScheduleReader = Callable[[Document], list[FinancialDataSchedule]]

# Exhibits that are machine-readable schedules rather than statements, by document type prefix.
SCHEDULE_READERS: dict[str, ScheduleReader] = {
    "EX-27": ex27.read_schedules,
}

MAX_INPUT_BYTES = 200 * 1024 * 1024
_XBRL_ROOT = re.compile(r"<(?:\w+:)?xbrl[\s>]")


def read_filing(path: Path) -> Filing:
    data = _read_bytes(path)
    text = decode.decode_filing(data, str(path))
    if _XBRL_ROOT.search(text[:5000]) and not sgml.has_wrapper(text):
        raise ConversionError(f"{path}: already an XBRL instance, not a legacy filing; nothing to convert")
    header = sgml.read_header(text)
    documents = sgml.split_documents(text, path.name)
    tables: list[Table] = []
    schedules: list[FinancialDataSchedule] = []
    for document in documents:
        schedule_reader = next((r for prefix, r in SCHEDULE_READERS.items() if document.type.startswith(prefix)), None)
        if schedule_reader is not None:
            schedules.extend(schedule_reader(document))
        elif not document.type.startswith((*vocabulary().not_statements, *SCHEDULE_READERS)):
            tables.extend(TABLE_READERS["html" if document.is_html else "text"](document))
    return Filing(source=str(path), header=header, documents=documents, tables=tables,
                  cover=cover.read_cover(_cover_text(documents, text)), schedules=schedules)


def _cover_text(documents: list[Document], text: str) -> str:
    if not documents:
        return text
    return html_tables.plain_text(documents[0]) if documents[0].is_html else documents[0].text


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ConversionError(f"{path}: no such file")
    if path.is_dir():
        raise ConversionError(f"{path}: is a directory, not a filing")
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise ConversionError(f"{path}: larger than {MAX_INPUT_BYTES // 2**20} MB, not a single filing")
        return path.read_bytes()
    except PermissionError:
        raise ConversionError(f"{path}: permission denied") from None
    except OSError as error:
        raise ConversionError(f"{path}: cannot be read ({error.strerror})") from None
