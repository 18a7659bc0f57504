"""Readers: a filing on disk to the document model. Table readers are registered by document format."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from converter.model import ConversionError, Document, Filing, Table
from converter.readers import cover, decode, html_tables, sgml, text_tables

TableReader = Callable[[Document], list[Table]]

# One line per document format.
TABLE_READERS: dict[str, TableReader] = {
    "text": text_tables.find_tables,
    "html": html_tables.find_tables,
}

_NOT_STATEMENTS = ("GRAPHIC", "ZIP", "PDF", "XML", "EX-101", "JPG", "GIF", "EX-27")
MAX_INPUT_BYTES = 200 * 1024 * 1024


def read_filing(path: Path) -> Filing:
    data = _read_bytes(path)
    text = decode.decode_filing(data, str(path))
    header = sgml.read_header(text)
    documents = sgml.split_documents(text, path.name)
    tables: list[Table] = []
    for document in documents:
        if document.type.startswith(_NOT_STATEMENTS):
            continue
        reader = TABLE_READERS.get("html" if document.is_html else "text")
        if reader is not None:
            tables.extend(reader(document))
    return Filing(source=str(path), header=header, documents=documents, tables=tables,
                  cover=cover.read_cover(documents[0].text if documents else text))


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
