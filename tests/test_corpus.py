"""Integration over the real filings in ../shared/corpus_raw (never copied here): every file converts or fails
with one clear line, and the statements agree with the filers' EX-27 schedules."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert
from tests.conftest import ROOT, SHARED

CORPUS = SHARED / "corpus_raw"
pytestmark = pytest.mark.skipif(not (CORPUS / "INDEX.tsv").exists(),
                                reason="../shared/corpus_raw is absent: corpus integration tests need it")


def _index() -> list[dict]:
    with open(CORPUS / "INDEX.tsv", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_corpus_file_converts_or_fails_with_one_line(tmp_path, taxonomy_packages):
    converted, failed = 0, []
    for entry in _index():
        try:
            result = convert(CORPUS / entry["path"], tmp_path / "out", ConvertOptions(validate=False))
            converted += 1
            assert result.report["facts"] > 0
        except ConversionError as error:
            message = str(error)
            assert "\n" not in message and message.startswith(str(CORPUS / entry["path"]))
            failed.append(entry["format"])
    # Text and HTML filings of the window convert; the bare XBRL instances are refused by design.
    assert converted >= 100, f"only {converted} converted; failures by format: {failed}"
    assert failed.count("xbrl-instance") == 3


def test_statements_agree_with_ex27_schedules():
    output = subprocess.run([sys.executable, str(ROOT / "scripts" / "ex27_agreement.py"), str(CORPUS)],
                            capture_output=True, text=True, check=True).stdout
    summary = output.strip().splitlines()[-1]
    share = float(summary.split("(")[1].split("%")[0])
    compared = int(summary.split("compared: ")[1].split(";")[0])
    # Measured on the whole corpus (three batches): 136 compared, 89.0% agree. On the first two batches, where the
    # rules were tuned, 96.2% agreed; the third batch of 43 annual reports, never tuned on, brought 11 differences.
    # This holds today's figure so it cannot slide back; a "not found" value is not counted here (issue 15 measures
    # recall instead).
    assert compared >= 136 and share >= 89.0, summary


def test_mapping_coverage_and_validity_over_the_corpus(tmp_path):
    """The coverage script's measurement, held where it stands so that coverage never slides back: the line items
    given us-gaap concepts never fewer (10,361), their share of all line items 79.8% over the whole corpus (77.9% of
    12,681 at dd37a52, before more 1990s layouts were read; 78.4% before statements of more filings were found,
    whose 496 lines are 65% us-gaap; 76.3% before the learned mapping layer;
    73.4% when a third batch of 43 unseen annual reports came); Arelle's verdict on every output is measured by the
    script with --validate, and sampled here."""
    output = subprocess.run([sys.executable, str(ROOT / "scripts" / "mapping_coverage.py"), "--corpus", str(CORPUS),
                             "--jobs", "2"], capture_output=True, text=True, check=True).stdout
    summary = output.strip().splitlines()[-1]
    mapped = int(summary.split("us-gaap: ")[1].split(" ")[0])
    share = float(summary.split("us-gaap: ")[1].split("(")[1].split("%")[0])
    assert mapped >= 10361 and share >= 79.8, summary
    sample = [e for e in _index() if e["filed_date"] < "2009-07-01" and e["format"] == "sgml-text"][:2]
    for entry in sample:
        result = convert(CORPUS / entry["path"], tmp_path / entry["path"].replace("/", "_"), ConvertOptions())
        assert result.validation.valid, (entry["path"], result.validation.errors[:3])
