"""Bad input ends with one line on stderr and the documented exit code; never a traceback or a half output."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


@pytest.mark.parametrize("content, message", [
    (b"", "file is empty"),
    (b"\x00\x01\x02\x03binary\x00" * 100, "binary data"),
    (b"Just a letter to shareholders with no financial tables at all.\n", "no financial statement found"),
    # a 10-K whose only statements are the parent company's schedule: none of it is the company's own figures
    (b"""SCHEDULE I - CONDENSED FINANCIAL INFORMATION OF REGISTRANT
                       CONDENSED STATEMENTS OF EARNINGS (PARENT COMPANY ONLY)
                                   (in millions)

                                          Year Ended December 31,
                                        2001        2000        1999
Dividends from subsidiaries              500         400         300
Other income                              50          40          30
Net earnings                             550         440         330
""", "none of them the company's own figures"),
])
def test_bad_inputs(tmp_path, content, message):
    source = tmp_path / "input.txt"
    source.write_bytes(content)
    result = _run("convert", str(source), "-o", str(tmp_path / "out"), "--no-validate")
    assert result.returncode == 1
    assert message in result.stderr and str(source) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_missing_file_and_directory(tmp_path):
    for path, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory")):
        result = _run("convert", str(path), "-o", str(tmp_path / "out"), "--no-validate")
        assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2():
    assert _run("convert").returncode == 2


def test_failed_conversion_leaves_the_previous_output_whole(tmp_path, taxonomy_packages):
    out = tmp_path / "out"
    assert _run("convert", str(FIXTURES / "table_tags_10q.txt"), "-o", str(out), "--no-validate").returncode == 0
    before = sorted(p.name for p in out.iterdir())
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert _run("convert", str(empty), "-o", str(out), "--no-validate").returncode == 1
    assert sorted(p.name for p in out.iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_missing_taxonomy_package_is_a_clear_error(tmp_path):
    result = _run("convert", str(FIXTURES / "table_tags_10q.txt"), "-o", str(tmp_path / "o"), "--no-validate",
                  "--taxonomy-package", str(tmp_path / "absent.zip"))
    assert result.returncode == 1 and "taxonomy package not found" in result.stderr
