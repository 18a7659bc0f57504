"""A company's figure stated by two filings of a batch agrees or is listed in OUTDIR/restatements.csv: a
restatement, or one of the two read wrong (made-up filings and facts)."""
from __future__ import annotations

import csv
from dataclasses import asdict
from pathlib import Path

from converter.batch import BatchOptions, run_batch
from converter.batch_restatements import RESTATEMENTS, write_restatements
from converter.pipeline import ConvertOptions
from converter.writers.facts_table import COLUMNS, FactRow
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "text_10k_extension.txt"
CASH_LINES = ("  Cash and cash equivalents......................   $  8,000     $  6,500",
              "  Other..........................................      1,500        1,200")
BLANK = {column: "" for column in COLUMNS}


def _row(filing: str, value: str, decimals: str = "-3", period_end: str = "2001-12-31", **changes) -> FactRow:
    fields = dict(BLANK, filing=filing, entity_scheme="http://www.sec.gov/CIK", entity="0000000456",
                  entity_name="Example Corp", concept="us-gaap:Revenues", period_start="2000-01-01",
                  period_end="2000-12-31", unit="USD", value=value, decimals=decimals,
                  document_period_end=period_end)
    return FactRow(**dict(fields, **changes))


def _table(outdir: Path, rows: list[FactRow]) -> list[dict[str, str]]:
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / "facts.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)
    count = write_restatements(outdir)
    with open(outdir / RESTATEMENTS, newline="", encoding="utf-8") as handle:
        listed = list(csv.DictReader(handle))
    assert len(listed) == count
    return listed


def test_figures_that_agree_to_the_coarser_precision_are_no_restatement(tmp_path):
    rows = [_row("a", "150000000", "-6", "2001-12-31"), _row("b", "150123000", "-3", "2002-12-31")]
    assert _table(tmp_path, rows) == []


def test_each_difference_is_listed_once_per_pair_in_the_order_of_the_filings_periods(tmp_path):
    rows = [_row("later", "-52000000", period_end="2002-12-31"), _row("first", "52000000", period_end="2001-12-31"),
            _row("last", "52000", period_end="2003-12-31", decimals="0"),
            _row("other company", "1", entity="0000000789"),
            _row("first", "7", "0", concept="us-gaap:Assets", period_start="", period_end="", instant="2000-12-31"),
            _row("later", "8", "0", concept="us-gaap:Assets", period_start="", period_end="", instant="2000-12-31",
                 document_period_end="2002-12-31")]
    listed = _table(tmp_path, rows)
    assert [(r["concept"], r["earlier_filing"], r["later_filing"], r["difference"]) for r in listed] == [
        ("us-gaap:Assets", "first", "later", "value"),
        ("us-gaap:Revenues", "first", "later", "sign"),
        ("us-gaap:Revenues", "later", "last", "scale")]
    assert (listed[1]["earlier_value"], listed[1]["later_value"]) == ("52000000", "-52000000")


def test_filings_of_no_named_company_are_not_compared(tmp_path):
    rows = [_row("a", "1", entity="UNKNOWN"), _row("b", "2", entity="UNKNOWN", document_period_end="2002-12-31")]
    assert _table(tmp_path, rows) == []


def test_a_batch_lists_the_comparative_figure_a_second_filing_states_otherwise(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = FIXTURE.read_text()
    (folder / "original.txt").write_text(text)
    # the same company's amended report: cash and other current assets at the earlier date moved by 100, so
    # every printed total still adds up and nothing is withheld; of one period, the filings go by name
    (folder / "amended.txt").write_text(text.replace(CASH_LINES[0], CASH_LINES[0].replace("6,500", "6,600"))
                                        .replace(CASH_LINES[1], CASH_LINES[1].replace("1,200", "1,100")))
    options = BatchOptions(convert=ConvertOptions(cik="456", validate=False), jobs=1)
    result = run_batch([folder / "original.txt", folder / "amended.txt"], tmp_path / "out", options)
    assert result.restatements == 2
    with open(tmp_path / "out" / RESTATEMENTS, newline="", encoding="utf-8") as handle:
        listed = {(r["concept"], r["instant"], r["earlier_value"], r["later_value"]) for r in csv.DictReader(handle)}
    assert listed == {("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2000-12-31", "6600000", "6500000"),
                      ("us-gaap:OtherAssetsCurrent", "2000-12-31", "1100000", "1200000")}
    resumed = run_batch([folder / "original.txt", folder / "amended.txt"], tmp_path / "out",
                        BatchOptions(convert=options.convert, jobs=1, resume=True))
    assert resumed.restatements == 2 and (tmp_path / "out" / RESTATEMENTS).exists()    # nothing new: kept

