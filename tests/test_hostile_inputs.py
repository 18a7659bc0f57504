"""Hostile, broken and odd inputs: each ends with a documented exit code and, on failure, one line naming the file
and the problem; never a traceback, never an output claiming success, never more than 60 s or 4 GB."""
from __future__ import annotations

import hashlib
import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from converter.cli import main
from tests.conftest import FIXTURES, ROOT

TEXT_10Q = FIXTURES / "table_tags_10q.txt"
HTML_10Q = FIXTURES / "html_10q_with_ex27.txt"
MEMORY_LIMIT = 4 * 2**30
TIME_LIMIT = 60


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _convert(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """The CLI in its own process, held to the time and memory bounds."""
    return subprocess.run([sys.executable, "-m", "converter", "convert", str(source), "-o", str(out), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=TIME_LIMIT, preexec_fn=_limits)


def _assert_clean_failure(result: subprocess.CompletedProcess, source: Path, out: Path, reason: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(source) in lines[0] and reason in lines[0], lines[0]
    assert not out.exists()


def _facts(out: Path) -> list[tuple]:
    report = json.loads((out / "report.json").read_text())
    return sorted((f["concept"], f["period"], f["value"]) for f in report["fact_list"])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])
def test_encodings_give_the_same_facts(tmp_path, taxonomy_packages, encoding):
    text = TEXT_10Q.read_text(encoding="utf-8").replace("\n", "\r\n")
    if encoding in ("latin-1", "cp1252"):
        text = text.replace("Net income", "Net income\u00a0") if encoding == "latin-1" else text.replace("'", "\u2019")
    source = tmp_path / f"{encoding}.txt"
    source.write_bytes(text.encode(encoding))
    reference = tmp_path / "reference"
    assert _convert(TEXT_10Q, reference, "--no-validate").returncode == 0
    result = _convert(source, tmp_path / "out", "--no-validate")
    assert result.returncode == 0, result.stderr
    assert _facts(tmp_path / "out") == _facts(reference)


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    source = tmp_path / "locked.txt"
    source.write_text("x")

    def refuse(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["convert", str(source), "-o", str(tmp_path / "out"), "--no-validate"]) == 1
    error = capsys.readouterr().err
    assert "permission denied" in error and str(source) in error and len(error.strip().splitlines()) == 1


def test_twenty_megabyte_line_alone(tmp_path):
    source = tmp_path / "long.txt"
    source.write_bytes(b"FORM 10-Q\n" + b"1,234 (5,678) x " * (20 * 2**20 // 16) + b"\n")
    _assert_clean_failure(_convert(source, tmp_path / "out", "--no-validate"), source, tmp_path / "out",
                          "no financial statement found")


def test_twenty_megabyte_line_beside_a_statement(tmp_path, taxonomy_packages):
    source = tmp_path / "padded.txt"
    source.write_bytes(TEXT_10Q.read_bytes() + b"\n" + b"A" * (20 * 2**20) + b"\n")
    result = _convert(source, tmp_path / "out", "--no-validate")
    assert result.returncode == 0, result.stderr
    reference = tmp_path / "reference"
    assert _convert(TEXT_10Q, reference, "--no-validate").returncode == 0
    assert _facts(tmp_path / "out") == _facts(reference)


@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.55, 0.8])
def test_truncated_submissions(tmp_path, taxonomy_packages, fraction):
    """Cut inside the SEC header, inside the statement table, inside the EX-27: a clean failure, or an output
    that is whole and says what it holds."""
    data = HTML_10Q.read_bytes()
    source = tmp_path / "cut.txt"
    source.write_bytes(data[: int(len(data) * fraction)])
    out = tmp_path / "out"
    result = _convert(source, out, "--no-validate")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    if result.returncode == 1:
        _assert_clean_failure(result, source, out, "")
    else:
        report = json.loads((out / "report.json").read_text())
        assert report["facts"] == len(report["fact_list"]) > 0
        for name in report["outputs"].values():
            etree.parse(str(out / name))


def test_external_entities_and_entity_bombs_are_never_expanded(tmp_path, taxonomy_packages):
    bomb = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    html = HTML_10Q.read_text().replace(
        "<HTML>", f'<!DOCTYPE html [<!ENTITY l0 "lol"> {bomb} <!ENTITY ext SYSTEM "file:///etc/passwd">]>\n'
                  "<HTML>", 1).replace("BOLT &amp; NUT", "BOLT &ext; &l9; &amp; NUT", 1)
    source = tmp_path / "entities.txt"
    source.write_text(html)
    out = tmp_path / "out"
    result = _convert(source, out)
    assert result.returncode == 0, result.stderr
    everything = "".join(p.read_text() for p in out.iterdir() if p.is_file())
    assert "root:" not in everything and "lollollol" not in everything


def test_xml_entity_bomb_as_input(tmp_path):
    source = tmp_path / "bomb.xml"
    entities = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    source.write_text(f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{entities}]><r>&l9;</r>')
    _assert_clean_failure(_convert(source, tmp_path / "out", "--no-validate"), source, tmp_path / "out",
                          "no financial statement found")


def test_uuencoded_payload_is_skipped(tmp_path, taxonomy_packages):
    payload = "begin 644 logo.gif\n" + "M1TE&.#EA`0`!`(```/___P```\"'Y!`$`````+``````0`!```\"`D0!`#L`\n" * 2000 + "`\nend\n"
    text = TEXT_10Q.read_text()
    graphic = f"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>9\n<FILENAME>logo.gif\n<TEXT>\n{payload}</TEXT>\n</DOCUMENT>\n"
    source = tmp_path / "with-graphic.txt"
    source.write_text(text.replace("</DOCUMENT>", "</DOCUMENT>\n" + graphic, 1) if "</DOCUMENT>" in text
                      else text + "\n" + payload)
    out = tmp_path / "out"
    result = _convert(source, out, "--no-validate")
    assert result.returncode == 0, result.stderr
    assert "M1TE" not in (out / "out.xhtml").read_text()


def _row_like(line: str, label: str, values: list[str]) -> str:
    """A statement line with `label` and `values` right-aligned where `line` prints its figures."""
    ends = [m.end() for m in re.finditer(r"\(?\d[\d,]*\)?", line)]
    row = label
    for end, value in zip(ends, values):
        row = row.ljust(max(end - len(value), len(row) + 2)) + value
    return row


def _convert_with_row(tmp_path: Path, label: str, values: list[str], company: str | None = None) -> tuple[Path, dict]:
    """The 10-Q fixture with one more row under 'Cost of sales' (and another company name), converted and
    validated; the run must end cleanly, with every output well-formed."""
    text = TEXT_10Q.read_text()
    if company:
        text = text.replace("ACME WIDGET & TOOL CORP. <HOLDINGS>", company)
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("Cost of sales"))
    lines.insert(row + 1, _row_like(lines[row], label, values))
    source = tmp_path / "input.txt"
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    result = _convert(source, out)
    assert result.returncode in (0, 3) and "Traceback" not in result.stderr, result.stderr
    report = json.loads((out / "report.json").read_text())
    for name in report["outputs"].values():
        etree.parse(str(out / name))
    return out, report


def test_absurd_numbers(tmp_path, taxonomy_packages):
    _, report = _convert_with_row(tmp_path, "Other charges", ["999,999,999,999,999,999,999,999,999,999",
                                                               "0.000000001", "1", "(2)"])
    assert report["facts"] == len(report["fact_list"]) > 0


def test_markup_characters_in_names_and_labels_stay_escaped(tmp_path, taxonomy_packages):
    hostile = 'AT&T <Holdings> "Inc" \'s'
    out, report = _convert_with_row(tmp_path, 'Fees & <other> "items"', ["10", "20", "30", "40"], hostile)
    trees = {name: etree.parse(str(out / name)) for name in report["outputs"].values()}
    assert hostile in " ".join(trees["out.xhtml"].getroot().itertext())
    assert [e.text for e in trees["out.xml"].iter("{*}EntityRegistrantName")] == [hostile]
    assert hostile in trees["out.xhtml"].getroot().find("{*}head/{*}title").text
    labels = [e.text for e in trees["out_lab.xml"].iter("{*}label")]
    assert 'Fees & <other> "items"' in labels


def test_inputs_are_never_modified(tmp_path, taxonomy_packages):
    source = tmp_path / "input.txt"
    source.write_bytes(HTML_10Q.read_bytes())
    before = (hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime_ns)
    assert _convert(source, tmp_path / "out", "--no-validate").returncode == 0
    assert (hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime_ns) == before


AUDIT = """
import socket, sys
opened, connected = [], []
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(args[0])
    elif event in ("socket.connect", "socket.getaddrinfo"):
        connected.append(args)
sys.addaudithook(hook)
from converter.cli import main
code = main(sys.argv[1:])
import json
print(json.dumps({"code": code, "opened": opened, "connected": [repr(c) for c in connected]}))
"""


def test_conversion_reads_only_its_input_packages_and_project(tmp_path, taxonomy_packages):
    source = tmp_path / "input" / "filing.txt"
    source.parent.mkdir()
    source.write_bytes(HTML_10Q.read_bytes())
    out = tmp_path / "out" / "bolt"
    result = subprocess.run([sys.executable, "-c", AUDIT, "convert", str(source), "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    record = json.loads(result.stdout.strip().splitlines()[-1])
    assert record["code"] == 0 and record["connected"] == []
    roots = [source, out.parent, ROOT, Path(sys.prefix), Path(sys.base_prefix), Path("/tmp"), Path("/dev"),
             Path("/proc"), Path("/etc"), Path("/usr"), *(p.parent for p in taxonomy_packages)]
    allowed = tuple({str(root) for root in roots} | {str(root.resolve()) for root in roots})
    strangers = {path for path in record["opened"]
                 if not str(Path(path).resolve()).startswith(allowed) and not path.startswith(allowed)}
    assert not strangers, sorted(strangers)[:5]
