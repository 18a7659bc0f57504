"""The inline document in a real browser: headless Chromium (Debian's `chromium`) renders the seed's inline
document; the screenshot shows text, and the page printed to PDF reads, line for line, as the filing does. The
pixels behind a tagged figure are tinted and underlined, those beside it and those of --plain-inline are not;
the viewer opens with the tagged facts highlighted (and unhighlights them when the reader turns it off), its
sections named by the printed titles. Skipped where Chromium (or, for the text check, poppler's pdftotext) is not
installed; .ci/run installs both."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from converter.cli import main
from tests.chromium import CHROMIUM, Page
from tests.conftest import SEED

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
    """Width, height and the red channel's rows of an 8-bit RGB or RGBA PNG."""
    width, height, rows = _png_rgb(data)
    return width, height, [bytes(pixel[0] for pixel in row) for row in rows]


def _png_rgb(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Width, height and unfiltered rows of (red, green, blue) pixels of an 8-bit RGB or RGBA PNG."""
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
        rows.append([(row[j], row[j + 1], row[j + 2]) for j in range(0, len(row), step)])
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


# --- what a reader sees tagged: the inline document's marking, the viewer's highlighting (driven over DevTools) ---

IX_NAMESPACE = "http://www.xbrl.org/2013/inlineXBRL"
# The box of the n-th tagged figure the page draws, scrolled into view, and the box of the same size just left of
# it, in the page's coordinates, which screenshots clip by (a figure inside the viewer's frame is offset by the
# frame's place).
_BOXES = """(() => {
  const frame = %(frame)s, doc = frame ? frame.contentDocument : document;
  // the viewer draws the document as HTML, where ix:nonFraction is a name, not a namespace and a local name
  const all = doc.contentType === "text/html" ? doc.getElementsByTagName("ix:nonFraction")
                                              : doc.getElementsByTagNameNS("%(ix)s", "nonFraction");
  const shown = [...all].filter(e => e.getClientRects().length);
  const figure = shown[%(index)d];
  figure.scrollIntoView({block: "center", inline: "center"});
  const frameAt = frame ? frame.getBoundingClientRect() : {x: 0, y: 0};
  const r = figure.getBoundingClientRect();
  const box = {x: scrollX + frameAt.x + r.x, y: scrollY + frameAt.y + r.y, width: r.width, height: r.height,
               text: figure.textContent};
  return {tagged: box, beside: {...box, x: box.x - box.width - 4}};
})()"""


def _boxes(page: Page, index: int, frame: str = "null") -> dict[str, dict]:
    return page.evaluate(_BOXES % {"frame": frame, "ix": IX_NAMESPACE, "index": index})


def _background(page: Page, box: dict) -> list[tuple[int, int, int]]:
    """The pixels of the box that are not glyphs (light ones): what a tint or highlight colours."""
    _, _, rows = _png_rgb(page.screenshot(box))
    return [pixel for row in rows for pixel in row if sum(pixel) > 520]


def _tinted_share(pixels: list[tuple[int, int, int]], spread: int) -> float:
    """How much of the background is coloured: its channels apart by at least `spread` (white and grey are 0)."""
    return sum(1 for pixel in pixels if max(pixel) - min(pixel) >= spread) / max(len(pixels), 1)


def _underline(page: Page, box: dict) -> int:
    """Gold-brown pixels (the dotted underline, #b8962e) along the box's bottom two rows."""
    _, _, rows = _png_rgb(page.screenshot(box))
    return sum(1 for row in rows[-2:] for r, g, b in row if r - b > 80 and r < 230)


@pytest.fixture(scope="module")
def seed_inline_documents(tmp_path_factory, taxonomy_packages) -> dict[str, Path]:
    """The seed's inline document as written by default (marked), with --plain-inline, and with --viewer."""
    folder = tmp_path_factory.mktemp("browser")
    runs = {"marked": ["--format", "inline"], "plain": ["--format", "inline", "--plain-inline"],
            "viewer": ["--format", "inline", "--viewer"]}
    for name, options in runs.items():
        assert main(["convert", str(SEED), "-o", str(folder / name), "--no-validate", *options]) == 0
    return {"marked": folder / "marked" / "marked.xhtml", "plain": folder / "plain" / "plain.xhtml",
            "viewer": folder / "viewer" / "viewer_viewer.html"}


@pytest.mark.parametrize("index", [0, 40])      # the first figure tagged (cash), one further down
def test_tagged_figures_are_marked_in_the_browser_and_plain_inline_leaves_them_as_printed(
        seed_inline_documents, tmp_path, index):
    seen = {}
    for name in ("marked", "plain"):
        with Page(tmp_path / name) as page:
            page.open(seed_inline_documents[name])
            boxes = _boxes(page, index)
            seen[name] = {where: _background(page, boxes[where]) for where in ("tagged", "beside")}
            seen[name]["underline"] = _underline(page, boxes["tagged"])
            seen[name]["text"] = boxes["tagged"]["text"]
    assert seen["marked"]["text"] == seen["plain"]["text"] and re.search(r"\d", seen["marked"]["text"])
    # marked: a light tint behind the tagged figure (the yellow over white: red 255, blue about 218), a dotted
    # underline, and nothing behind the untagged text beside it
    assert _tinted_share(seen["marked"]["tagged"], 25) > 0.9
    assert seen["marked"]["underline"] >= 2
    assert _tinted_share(seen["marked"]["beside"], 25) < 0.05
    # plain: the figure looks as the filing printed it
    assert _tinted_share(seen["plain"]["tagged"], 10) < 0.05 and seen["plain"]["underline"] == 0


def test_the_viewer_opens_with_tagged_facts_highlighted_and_its_sections_named_as_printed(
        seed_inline_documents, tmp_path):
    with Page(tmp_path / "viewer") as page:
        page.open(seed_inline_documents["viewer"], ready="!!document.querySelector('#ixv iframe') && "
                  "document.querySelector('#ixv .loader') === null")
        assert "checked" in page.evaluate("document.querySelector('#highlight-tags').className")
        boxes = _boxes(page, 40, frame="document.querySelector('#ixv iframe')")
        highlighted = _background(page, boxes["tagged"])
        beside = _background(page, boxes["beside"])
        page.evaluate("document.querySelector('#highlight-tags').click()")       # the reader turns it off
        time.sleep(0.5)
        unhighlighted = _background(page, boxes["tagged"])
        sections = page.evaluate("[...document.querySelectorAll('#inspector .section-label')]"
                                 ".map(e => e.textContent.trim())")
    # the viewer's highlight is far more coloured than the document's own quiet tint (channels 37 apart)
    assert _tinted_share(highlighted, 60) > 0.9
    assert _tinted_share(beside, 25) < 0.05
    # turned off, the figure is as printed: the viewer draws the document as HTML, where the document's own
    # marking (a rule for the ix namespace) does not apply, so the viewer's highlight is the one marking there
    assert _tinted_share(unhighlighted, 10) < 0.05
    assert sections == ["01 - Statement - Condensed Consolidated Balance Sheets",
                        "02 - Statement - Condensed Consolidated Statements of Operations"]
