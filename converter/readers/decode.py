"""Bytes to text: EDGAR filings are ASCII in principle, Windows-1252 or Latin-1 in practice."""
from __future__ import annotations

from converter.model import ConversionError

_CONTROL_BYTES = bytes(range(0, 32)).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"").replace(b"\f", b"")


def decode_filing(data: bytes, name: str) -> str:
    if not data.strip():
        raise ConversionError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _normalise_newlines(_decode_utf16(data, "utf-16", name))
    unmarked = _utf16_without_mark(data)
    if unmarked:
        return _normalise_newlines(_decode_utf16(data, unmarked, name))
    if _looks_binary(data):
        raise ConversionError(f"{name}: binary data, not a text or HTML filing")
    for encoding in ("utf-8", "cp1252"):
        try:
            return _normalise_newlines(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _normalise_newlines(data.decode("latin-1"))


def _utf16_without_mark(data: bytes) -> str | None:
    """ASCII text saved as UTF-16 with no byte-order mark: every other byte is a zero."""
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data[: len(data) // 2 * 2].decode(encoding, "replace")   # a truncated file loses its last character
    if "\x00" in text:
        raise ConversionError(f"{name}: binary data, not a text or HTML filing")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))    # one pass, not one per control byte
    return controls > len(sample) // 100


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
