"""The batch as a user meets it on the command line: what is taken as a filing and what is reported as skipped,
Ctrl-C (workers stopped, staging folders removed, how to resume, exit 130), and --resume / --retry-failed after
failures (the exit code and the table speak for the whole batch)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converter.batch import read_summary
from converter.cli import main
from tests.conftest import FIXTURES, ROOT, SEED, SHARED
from tests.test_data_outputs import assert_table_is_every_folder_once

CORPUS = SHARED / "corpus_raw"
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


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus_raw is absent")
def test_ctrl_c_stops_the_batch_cleanly_and_says_how_to_resume(tmp_path, taxonomy_packages):
    # enough filings that two workers cannot finish them all in the moment between the first record and the
    # signal (a release refused for holding no statement takes a few milliseconds)
    filings = sorted((CORPUS / "nlpaueb-edgar-crawler" / "8-K").glob("*.txt"))[:24]
    assert len(filings) == 24
    listing = tmp_path / "filings.txt"
    listing.write_text("".join(f"{path}\n" for path in filings))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "batch", str(listing), "-o", str(out), "--jobs", "2"]
    # A session of its own, so that SIGINT goes to the batch and its workers, as Ctrl-C in a terminal does.
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        summary = out / "summary.jsonl"
        if summary.exists() and summary.read_text().count("\n") >= 1:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    done = read_summary(out)
    assert 1 <= len(done) < len(filings), "the batch was not caught midway"
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr + stdout and "KeyboardInterrupt" not in stderr + stdout
    assert stderr.splitlines() == [
        f"legacy-xbrl: interrupted: {len(done)} of 24 filing(s) done, recorded in {out}/summary.jsonl; to convert "
        "the rest, run the same command with --resume"]
    assert not [p.name for p in out.iterdir() if ".partial-" in p.name]
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(o.output for o in done.values())
    assert_table_is_every_folder_once(out)           # the facts table holds the recorded filings' rows, once

    resumed = subprocess.run([*command, "--resume", "--no-validate"], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
    assert f"resuming: {len(done)} filing(s) already done, {24 - len(done)} to go" in resumed.stdout
    assert sorted(read_summary(out)) == sorted(str(path.resolve()) for path in filings)   # batch records real paths
    assert_table_is_every_folder_once(out)


def test_ctrl_c_during_convert_leaves_nothing_half_written(tmp_path, taxonomy_packages):
    """Caught while Arelle validates the staged outputs: the staging folder goes, and so does the traceback."""
    command = [sys.executable, "-m", "converter", "convert", str(SEED), "-o", str(tmp_path / "out")]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    # the staged instance: its outputs are written, and validated next
    while time.monotonic() < deadline and process.poll() is None and not list(tmp_path.glob(".out.partial-*/out.xml")):
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert [line for line in stderr.splitlines() if "warning:" not in line] == ["legacy-xbrl: interrupted"]
    assert list(tmp_path.iterdir()) == []
