"""The batch as a user meets it on the command line: what is taken as a filing and what is reported as skipped,
and --resume / --retry-failed after failures (the exit code and the table speak for the whole batch)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from converter.cli import main
from tests.conftest import FIXTURES, SEED

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


def test_resume_speaks_for_the_whole_batch_and_retry_failed_converts_the_failed_again(tmp_path, capsys,
                                                                                        taxonomy_packages):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "table_tags_10q.txt", folder / "q1.txt")
    shutil.copy(FIXTURES / "text_10k_extension.txt", folder / "k.txt")
    (folder / "notes.txt").write_text("Minutes of the meeting; no figures at all.\n")
    out = tmp_path / "out"
    command = ["batch", str(folder), "-o", str(out), "--no-validate", "--jobs", "1"]
    retry = (f"1 filing(s) failed (reasons in {out}/summary.jsonl); to convert them again, run the same command "
             "with --retry-failed")
    assert main(command) == 1
    assert retry in capsys.readouterr().out.splitlines()

    assert main([*command, "--resume"]) == 1            # nothing left to do, but the batch still has a failure
    printed = capsys.readouterr().out
    assert "resuming: 3 filing(s) already done, 0 to go" in printed
    assert f"3 filing(s): 0 converted in 0.0 s, 3 done before (kept by --resume); see {out}/summary.jsonl" in printed
    assert retry in printed.splitlines()
    assert _statuses(out) == {"q1.txt": "ok", "k.txt": "ok", "notes.txt": "failed"}

    shutil.copy(SEED, folder / "notes.txt")              # the failed filing mended
    assert main([*command, "--retry-failed"]) == 0
    printed = capsys.readouterr().out
    assert "resuming: 2 filing(s) already done, 1 to go" in printed
    assert "failed" not in printed and "--retry-failed" not in printed
    assert _statuses(out) == {"q1.txt": "ok", "k.txt": "ok", "notes.txt": "ok"}
    assert json.loads((out / "notes" / "report.json").read_text())["facts"] == 114
