"""The vocabulary is data: a phrase added to a copy of taxonomy_maps/ takes effect end to end, and a file the tool
cannot use stops a conversion with one line naming the file and line."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# A made-up balance sheet whose caption states its scale in words no built-in phrase knows.
STATEMENT = """\
                            EXAMPLE WIDGET CORPORATION
                           CONSOLIDATED BALANCE SHEETS
                                 (in kilodollars)

                                              December 31,    December 31,
                                                  2001            2000
Cash and cash equivalents                      $  1,250        $  1,010
Accounts receivable                                 830             705
                                               --------        --------
Total current assets                              2,080           1,715
Property and equipment, net                         940             880
                                               --------        --------
Total assets                                   $  3,020        $  2,595
                                               ========        ========
Accounts payable                               $    610        $    540
Common stock                                        100             100
Retained earnings                                 2,310           1,955
                                               --------        --------
Total liabilities and stockholders' equity     $  3,020        $  2,595
                                               ========        ========
"""


def _convert(tmp_path: Path, maps: Path, packages: list[Path]) -> subprocess.CompletedProcess:
    tmp_path.mkdir(exist_ok=True)
    filing = tmp_path / "filing.txt"
    filing.write_text(STATEMENT)
    env = {**os.environ, "LEGACY_XBRL_MAPS": str(maps),
           "LEGACY_XBRL_TAXONOMY_PACKAGES": os.pathsep.join(map(str, packages))}
    return subprocess.run([sys.executable, "-m", "converter", "convert", str(filing), "-o", str(tmp_path / "out"),
                           "--no-validate"], capture_output=True, text=True, env=env, timeout=300)


def _cash(tmp_path: Path) -> dict[str, str]:
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    return {f["period"]: f["value"] for f in report["fact_list"] if f["concept"] == "us-gaap:CashAndCashEquivalentsAtCarryingValue"}


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    copy = tmp_path / "maps"
    shutil.copytree(ROOT / "taxonomy_maps", copy)
    return copy


def test_a_scale_phrase_added_to_the_data_takes_effect_end_to_end(tmp_path, maps, taxonomy_packages):
    before = _convert(tmp_path / "before", maps, taxonomy_packages)
    assert before.returncode == 0, before.stderr
    assert _cash(tmp_path / "before") == {"2001-12-31": "1250", "2000-12-31": "1010"}
    statements = maps / "statements.toml"
    text = statements.read_text()
    assert "pattern = 'in thousands|" in text
    statements.write_text(text.replace("pattern = 'in thousands|", "pattern = 'in kilodollars|in thousands|"))
    after = _convert(tmp_path / "after", maps, taxonomy_packages)
    assert after.returncode == 0, after.stderr
    assert _cash(tmp_path / "after") == {"2001-12-31": "1250000", "2000-12-31": "1010000"}


def test_a_pattern_that_does_not_compile_is_one_line_naming_file_and_line(tmp_path, maps, taxonomy_packages):
    text = (maps / "statements.toml").read_text()
    (maps / "statements.toml").write_text(text.replace("pattern = 'in billions'", "pattern = 'in (billions'"))
    result = _convert(tmp_path, maps, taxonomy_packages)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if "in billions" in t)
    assert f"statements.toml:{line}" in lines[0] and "does not compile" in lines[0], lines[0]


def test_an_unknown_statement_kind_is_named(tmp_path, maps, taxonomy_packages):
    text = (maps / "statements.toml").read_text()
    (maps / "statements.toml").write_text(text.replace('kind = "cash_flow"', 'kind = "cash_flows"'))
    result = _convert(tmp_path, maps, taxonomy_packages)
    assert result.returncode == 1
    assert "unknown statement kind 'cash_flows'" in result.stderr and "statements.toml:" in result.stderr


@pytest.mark.parametrize("old, new, message", [
    ('period_type = "instant"', 'period_type = "instantly"', 'period_type must be "instant" or "duration"'),
    ('natural_balance = "debit"', 'natural_balance = "debt"', 'natural_balance must be'),
    ("signed_printing = true", "signed_prints = true", "unknown setting(s) signed_prints"),
    ("[stockholders_equity]", "[stockholder_equity]", "unknown statement kind 'stockholder_equity'"),
])
def test_a_statement_kind_profile_the_tool_cannot_use_is_named(tmp_path, maps, taxonomy_packages, old, new, message):
    text = (maps / "kinds.toml").read_text()
    assert old in text
    (maps / "kinds.toml").write_text(text.replace(old, new, 1))
    result = _convert(tmp_path, maps, taxonomy_packages)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "kinds.toml:" in lines[0] and message in lines[0], lines


def test_a_label_rule_naming_no_concept_of_the_taxonomy_is_named(tmp_path, maps, taxonomy_packages):
    lines = (maps / "concepts.csv").read_text().splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.endswith(",us-gaap:AccountsPayableCurrent"))
    lines[number - 1] = lines[number - 1].replace("us-gaap:AccountsPayableCurrent", "us-gaap:AccountsPayableCurrentt")
    (maps / "concepts.csv").write_text("\n".join(lines) + "\n")
    result = _convert(tmp_path, maps, taxonomy_packages)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"concepts.csv:{number}: us-gaap:AccountsPayableCurrentt is not a concept" in lines[0]
