"""Bytes to text: EDGAR filings are ASCII in principle, Windows-1252 or Latin-1 in practice."""
from __future__ import annotations

from converter.model import ConversionError

_CONTROL_BYTES = bytes(range(0, 32)).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"").replace(b"\f", b"")


def decode_filing(data: bytes, name: str) -> str:
    if not data.strip():
        raise ConversionError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _normalise_newlines(data.decode("utf-16"))
    if _looks_binary(data):
        raise ConversionError(f"{name}: binary data, not a text or HTML filing")
    for encoding in ("utf-8", "cp1252"):
        try:
            return _normalise_newlines(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _normalise_newlines(data.decode("latin-1"))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls > len(sample) // 100


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
