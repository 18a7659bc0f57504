"""What a new user gets wrong ends in one line naming what was wrong and why, with the documented exit code: an
output folder that cannot be written, a mapping overrides file the tool cannot use, a CIK that is none. Each is
judged before any work (exit 2) where it can be; never an "internal error". Also: inspect's tables at full width
in a file."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile

import pytest

from converter import pipeline
from converter.cli import main
from tests.conftest import FIXTURES, ROOT, SEED

QUICK = FIXTURES / "table_tags_10q.txt"


def _one_line(capsys) -> str:
    """The only line on stderr (the seed's no-CIK warning aside, which is no error)."""
    lines = [line for line in capsys.readouterr().err.splitlines() if "warning:" not in line]
    assert len(lines) == 1, lines
    return lines[0]


# --- -o OUTDIR ------------------------------------------------------------------------------------------------

def test_output_in_a_read_only_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:      # root writes in any folder: refuse the write as the kernel would for anyone else
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    try:
        assert main(["convert", str(QUICK), "-o", str(folder / "out"), "--no-validate"]) == 2
    finally:
        folder.chmod(0o755)
    assert _one_line(capsys) == f"legacy-xbrl: error: {folder}/out: cannot write here: permission denied"
    assert list(folder.iterdir()) == []


def test_output_below_a_file(tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    for output in (afile / "sub", afile / "sub" / "deeper"):
        assert main(["convert", str(QUICK), "-o", str(output), "--no-validate"]) == 2
        assert _one_line(capsys) == f"legacy-xbrl: error: {output}: cannot write here: {afile} is a file, not a folder"
    assert main(["convert", str(QUICK), "-o", str(afile), "--no-validate"]) == 2
    assert _one_line(capsys) == f"legacy-xbrl: error: {afile}: cannot write here: it exists and is not a folder"
    assert afile.read_text() == "not a folder"


def test_output_in_proc_is_judged_before_any_work():
    result = subprocess.run([sys.executable, "-m", "converter", "convert", str(QUICK), "-o", "/proc/x",
                             "--no-validate"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    reason = "/proc does not take new folders" if os.geteuid() == 0 else "permission denied"
    assert result.stderr.splitlines() == [f"legacy-xbrl: error: /proc/x: cannot write here: {reason}"]


def test_batch_output_that_is_a_file(tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("")
    assert main(["batch", str(QUICK), "-o", str(afile), "--no-validate"]) == 2
    assert _one_line(capsys) == f"legacy-xbrl: error: {afile}: cannot write here: it exists and is not a folder"


def test_a_write_failing_midway_names_the_output_not_the_input(tmp_path, capsys, monkeypatch, taxonomy_packages):
    """The folder passed the check but the disk filled up: exit 1 (work was done), the output named."""
    def full(staging, outdir):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(pipeline, "_publish", full)
    assert main(["convert", str(QUICK), "-o", str(tmp_path / "out"), "--no-validate"]) == 1
    assert _one_line(capsys) == \
        f"legacy-xbrl: error: {tmp_path / 'out'}: cannot write here: no space left on the device"
    assert list(tmp_path.iterdir()) == []


# --- --mapping-overrides FILE ---------------------------------------------------------------------------------

@pytest.mark.parametrize("content, problem", [
    (None, "mapping overrides: no such file"),
    ("statement,pattern,concept\n,revenues[,us-gaap:Revenues\n",
     "2: the regular expression does not compile (unterminated character set at position 8)"),
    ("statement,name,tag\n,Revenues,us-gaap:Revenues\n",
     "1: the header must name the columns concept and pattern or label (and optionally statement, section, member); "
     "it has statement, name, tag"),
    ("statement,label,concept\n# a comment\nbalance_sheet,Total assets\n",
     "3: a rule needs a concept and a pattern or label"),
    ("statement,label,concept\nbalance_sheet,Total assets,us-gaap:Assets\ncash_sheet,Cash,us-gaap:Cash\n",
     "3: unknown statement kind 'cash_sheet' (known: any, balance_sheet, income_statement, comprehensive_income, "
     "cash_flow, stockholders_equity)"),
    # line 100: ':100:' is printed as it is, never as the console's emoji of that name
    ("statement,pattern,concept\n" + "# a comment\n" * 98 + ",revenues[,us-gaap:Revenues\n",
     "100: the regular expression does not compile (unterminated character set at position 8)"),
])
def test_unusable_overrides_file(tmp_path, capsys, content, problem):
    overrides = tmp_path / "overrides.csv"
    if content is not None:
        overrides.write_text(content)
    assert main(["convert", str(QUICK), "-o", str(tmp_path / "out"), "--no-validate",
                 "--mapping-overrides", str(overrides)]) == 2
    separator = ": " if content is None else ":"
    assert _one_line(capsys) == f"legacy-xbrl: error: {overrides}{separator}{problem}"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("concept, problem", [
    ("us-gaap:AssetsTotally", "us-gaap:AssetsTotally is not a concept of the loaded taxonomy"),
    ("us-gaap:AssetsAbstract", "us-gaap:AssetsAbstract is an abstract concept, which takes no values"),
])
def test_overrides_concept_not_in_the_taxonomy(tmp_path, capsys, taxonomy_packages, concept, problem):
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(f"statement,label,concept\nbalance_sheet,Total assets,{concept}\n")
    for command in ("convert", "batch"):
        assert main([command, str(QUICK), "-o", str(tmp_path / "out"), "--no-validate",
                     "--mapping-overrides", str(overrides)]) == 2
        assert _one_line(capsys) == f"legacy-xbrl: error: {overrides}:2: {problem}"
        assert not (tmp_path / "out").exists()


# --- --cik ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cik", ["hello", "12345678901", "12 34", ""])
def test_a_cik_is_1_to_10_digits(tmp_path, capsys, cik):
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out"), "--no-validate", "--cik", cik]) == 2
    assert _one_line(capsys) == f"legacy-xbrl: error: --cik {cik}: not a CIK: a CIK is 1 to 10 digits"
    assert not (tmp_path / "out").exists()


def test_a_real_cik_is_taken(tmp_path, capsys, taxonomy_packages):
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out"), "--no-validate", "--cik", "1105472"]) == 0
    assert "0001105472" in (tmp_path / "out" / "out.xml").read_text()


# --- inspect into a file --------------------------------------------------------------------------------------

def test_inspect_into_a_pipe_uses_the_full_width():
    """80 columns (what rich assumes off a terminal) cut the seed's column headers and periods to '…'."""
    result = subprocess.run([sys.executable, "-m", "converter", "inspect", str(SEED)], capture_output=True,
                            text=True, cwd=ROOT, timeout=120, env={k: v for k, v in os.environ.items()
                                                                   if k != "COLUMNS"})
    assert result.returncode == 0
    assert "…" not in result.stdout
    assert "Three months ended March 31, 2003 Non GAAP Results (A)" in result.stdout
    assert result.stdout.count("2002-01-01..2002-03-31") >= 1
    assert max(len(line) for line in result.stdout.splitlines()) > 80
