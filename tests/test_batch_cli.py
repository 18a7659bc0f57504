"""The batch as a user meets it on the command line: what is taken as a filing and what is reported as skipped."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from converter.cli import main
from tests.conftest import FIXTURES

SUFFIXES = ".txt, .htm, .html, .nc, .sgml"


def _statuses(outdir: Path) -> dict[str, str]:
    return {Path(json.loads(line)["input"]).name: json.loads(line)["status"]
            for line in (outdir / "summary.jsonl").read_text().splitlines()}


def test_only_filings_are_taken_the_rest_is_reported_as_skipped(tmp_path, capsys, taxonomy_packages):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "table_tags_10q.txt", folder / "q1.txt")
    shutil.copy(FIXTURES / "html_8k_legacy_markup.htm", folder / "att.htm")
    (folder / "INDEX.tsv").write_text("path\tform\nq1.txt\t10-Q\n")
    (folder / "README.md").write_text("# the corpus\n")
    (folder / "instance.xml").write_text("<xbrl/>\n")
    (folder / ".DS_Store").write_bytes(b"\0")            # hidden: not even mentioned
    listing = tmp_path / "list.txt"
    listing.write_text(f"{FIXTURES / 'text_10k_extension.txt'}\nin/gone/missing.txt\n")
    code = main(["batch", str(folder), str(listing), "-o", str(tmp_path / "out"), "--no-validate", "--jobs", "1"])
    out = capsys.readouterr().out
    assert code == 1                                  # a listed filing that is not there: not all was done
    lines = out.splitlines()
    for name, suffix in (("INDEX.tsv", ".tsv"), ("README.md", ".md"), ("instance.xml", ".xml")):
        assert f"skipped: {folder / name}: not a filing: {suffix} is not one of {SUFFIXES}" in lines
    assert f"not found: {tmp_path / 'in/gone/missing.txt'}: listed in {listing}:2" in lines
    assert ".DS_Store" not in out
    assert _statuses(tmp_path / "out") == {"q1.txt": "ok", "att.htm": "ok", "text_10k_extension.txt": "ok"}


def test_a_listing_of_stale_paths_is_no_filing(tmp_path, capsys):
    listing = tmp_path / "list.txt"
    listing.write_text("old/place/filing.txt\n")
    assert main(["batch", str(listing), "-o", str(tmp_path / "out"), "--no-validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"legacy-xbrl: error: {listing}: no filings found (1 passed over; first: not found: "
        f"{tmp_path / 'old/place/filing.txt'}: listed in {listing}:1)"]
