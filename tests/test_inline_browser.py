"""The inline document in a real browser: headless Chromium (Debian's `chromium`) renders the seed's inline
document; the screenshot shows text, and the page printed to PDF reads, line for line, as the filing does.
Skipped where Chromium (or, for the text check, poppler's pdftotext) is not installed; .ci/run installs both."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.conftest import SEED

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium')")
WIDTH, HEIGHT = 1100, 2400


def _chromium(tmp_path: Path, *args: str) -> None:
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}", *args],
                   capture_output=True, timeout=180, check=False)


def _inline_uri(seed_conversion) -> str:
    return (seed_conversion.outdir / seed_conversion.report["outputs"]["inline"]).resolve().as_uri()


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered rows of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6)
    step = 3 if colour == 2 else 4
    raw, rows, previous = zlib.decompress(b"".join(chunks)), [], bytearray(width * step)
    for y in range(height):
        start = y * (width * step + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + width * step])
        for i in range(len(row)):
            left = row[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                nearest = min((abs(estimate - left), 0, left), (abs(estimate - up), 1, up),
                              (abs(estimate - corner), 2, corner))[2]
                row[i] = (row[i] + nearest) & 0xFF
        rows.append(bytes(row[j] for j in range(0, len(row), step)))   # the red channel is enough
        previous = row
    return width, height, rows


def test_screenshot_shows_the_filing(seed_conversion, tmp_path):
    screenshot = tmp_path / "seed.png"
    _chromium(tmp_path, f"--screenshot={screenshot}", f"--window-size={WIDTH},{HEIGHT}", _inline_uri(seed_conversion))
    assert screenshot.exists(), "Chromium wrote no screenshot"
    width, height, rows = _png_pixels(screenshot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    dark = sum(1 for row in rows for value in row if value < 128)
    # Black monospaced text on white: a page of it darkens a few percent of the pixels, neither none nor most.
    assert 0.005 < dark / (width * height) < 0.3
    # The hidden ix:header takes no room: text starts near the top of the page.
    first_dark_row = next(y for y, row in enumerate(rows) if min(row) < 128)
    assert first_dark_row < 80


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_printed_page_reads_as_the_filing(seed_conversion, tmp_path):
    pdf = tmp_path / "seed.pdf"
    _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", _inline_uri(seed_conversion))
    assert pdf.exists(), "Chromium printed no PDF"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    printed = {" ".join(line.split()) for line in text.splitlines()}
    statement_lines = [" ".join(line.split()) for line in SEED.read_text().splitlines()
                       if re.search(r"\d{1,3},\d{3}", line) and "<" not in line]
    assert len(statement_lines) > 40
    missing = [line for line in statement_lines if line not in printed]
    assert not missing, missing[:5]
    assert "xbrli:context" not in text and "D20030101_20030331" not in text   # the header stays hidden
