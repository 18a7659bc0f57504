"""Data out: xBRL-JSON and xBRL-CSV saved by Arelle and loaded back through Arelle with exactly the instance's
facts, on the seed and on corpus filings with dimensions; a changed OIM file is caught; facts.csv holds one row per
fact of the instance with its label, statement and verdict; the batch's combined table (and its parquet copy,
with exact decimals) holds every output folder's rows exactly once after a filing is cut off between its rows and
its summary line (the SIGKILL case is tests/test_batch.py); the Python API."""
from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from converter import api
from converter.batch import read_summary
from converter.batch_facts import PARQUET, TABLE, parquet_available
from converter.cli import main
from converter.pipeline import ConvertOptions
from converter.validate import ValidationResult, combine, load_oim_documents
from converter.writers.facts_table import COLUMNS, FactRow
from tests.conftest import FIXTURES, SEED, SHARED

CORPUS = SHARED / "corpus_raw"
# Corpus filings whose facts carry dimensions: Ford's 1994 10-K (text; automotive and financial services blocks)
# and Microsoft's 10-Q of March 2005 (HTML; revenue by product and service)
CORPUS_WITH_DIMENSIONS = ["Yyyyyolo-10K-Analyzer/F/0000950124-95-000729.txt",
                          "jimlindstrom-sec_edgar/microsoft/2005_03_31.html"]
# how Arelle names the measures of our units (converter.validate._fact_keys)
_ARELLE_UNITS = {"USD": "iso4217:USD / ", "shares": "xbrli:shares / ", "USDPerShare": "iso4217:USD / xbrli:shares",
                 "pure": "xbrli:pure / "}


def _arelle_key(row: FactRow) -> tuple[str, ...]:
    """A facts.csv row as Arelle's reading of the fact: XBRL ends a day at the midnight after it."""
    def after(day: str) -> str:
        return f"{date.fromisoformat(day) + timedelta(days=1)} 00:00:00"
    period = after(row.instant) if row.instant else f"{row.period_start} 00:00:00..{after(row.period_end)}"
    dimensions = "; ".join(sorted(row.dimensions.split("; "))) if row.dimensions else ""
    value = format(Decimal(row.value).normalize(), "f") if row.value else row.text
    return (row.concept, f"{row.entity_scheme} {row.entity}", period, dimensions, _ARELLE_UNITS.get(row.unit, ""),
            value, row.decimals)


@pytest.fixture(scope="module")
def seed_with_oim(tmp_path_factory, taxonomy_packages):
    return api.convert(SEED, tmp_path_factory.mktemp("oim") / "sonus", ConvertOptions(output_format="instance,json,csv"))


def _assert_round_trip(result, packages: list[Path]) -> list[FactRow]:
    """The conversion's verdict, and the OIM files read back again here: each with exactly the instance's facts,
    which are exactly facts.csv's rows."""
    outputs = result.report["outputs"]
    assert result.validation.valid, result.validation.errors[:3]
    loaded = load_oim_documents([result.outdir / outputs["json"], result.outdir / outputs["csv"]], packages)
    instance_facts = result.validation.facts
    rows = list(api.facts(result.outdir))
    for document in loaded:
        assert document.errors == [], document.errors[:3]
        assert document.facts == instance_facts
    assert sorted(_arelle_key(row) for row in rows) == instance_facts
    assert len(rows) == result.report["facts"] == len(instance_facts)
    return rows


def test_seed_oim_files_load_back_with_the_instance_facts(seed_with_oim, taxonomy_packages):
    outputs = seed_with_oim.report["outputs"]
    assert (outputs["json"], outputs["csv"], outputs["csv_facts"]) == ("sonus.json", "sonus-metadata.json",
                                                                        "sonus-facts.csv")
    assert "inline" not in outputs
    rows = _assert_round_trip(seed_with_oim, taxonomy_packages)
    document = json.loads((seed_with_oim.outdir / "sonus.json").read_text())
    assert document["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert document["documentInfo"]["taxonomy"] == ["sonus.xsd"]
    net_loss = [f for f in document["facts"].values() if f["dimensions"]["concept"] == "us-gaap:NetIncomeLoss"
                and f["dimensions"]["period"].startswith("2003-01-01")]
    assert [(Decimal(f["value"]), f["decimals"]) for f in net_loss] == [(Decimal("-4381000"), -3)]
    assert len(rows) == 114


@pytest.mark.skipif(not (CORPUS / "INDEX.tsv").exists(), reason="../shared/corpus_raw is absent")
@pytest.mark.parametrize("relative", CORPUS_WITH_DIMENSIONS)
def test_corpus_oim_files_load_back_with_the_instance_facts(tmp_path, taxonomy_packages, relative):
    result = api.convert(CORPUS / relative, tmp_path / "out", ConvertOptions(output_format="instance,json,csv"))
    rows = _assert_round_trip(result, taxonomy_packages)
    assert sum(1 for row in rows if row.dimensions) >= 10


def test_a_changed_oim_file_is_caught_by_the_round_trip(seed_with_oim, tmp_path, taxonomy_packages):
    for path in seed_with_oim.outdir.iterdir():
        shutil.copy(path, tmp_path / path.name)
    json_file, csv_facts = tmp_path / "sonus.json", tmp_path / "sonus-facts.csv"
    json_file.write_text(json_file.read_text().replace('"-4381000.0"', '"-4381001.0"', 1))
    csv_facts.write_text("".join(csv_facts.read_text().splitlines(keepends=True)[:-1]))     # one fact lost
    loaded = load_oim_documents([json_file, tmp_path / "sonus-metadata.json"], taxonomy_packages)
    verdict = combine({"sonus.xml": ValidationResult(facts=seed_with_oim.validation.facts),
                       "sonus.json": loaded[0], "sonus-metadata.json": loaded[1]})
    assert [error.split(":")[0] for error in verdict.errors] == ["sonus.json", "sonus-metadata.json"]
    assert "(1 missing, 1 not in it" in verdict.errors[0] and "(1 missing, 0 not in it" in verdict.errors[1]


def test_an_oim_file_arelle_did_not_write_is_an_error_not_a_missing_taxonomy_file(tmp_path):
    assert load_oim_documents([tmp_path / "sonus.json"], []) == [ValidationResult(errors=["sonus.json was not written"])]


def test_oim_formats_without_validation_are_a_usage_error(tmp_path, capsys):
    code = main(["convert", str(SEED), "-o", str(tmp_path / "out"), "--format", "json", "--no-validate"])
    error = capsys.readouterr().err
    assert code == 2 and len(error.strip().splitlines()) == 1 and not (tmp_path / "out").exists()
    assert "--format json: saved by Arelle from the validated instance" in error


def test_an_unknown_format_word_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(SEED), "-o", str(tmp_path / "out"), "--format", "both,xml"])
    assert exit_info.value.code == 2 and "'both,xml': not a format" in capsys.readouterr().err


def test_facts_table_has_one_row_per_instance_fact_with_its_line(seed_with_oim):
    rows = list(api.facts(seed_with_oim.outdir))
    fact_list = seed_with_oim.report["fact_list"]
    assert [(r.id, r.concept, r.value or r.text) for r in rows] == [(f["id"], f["concept"], f["value"])
                                                                     for f in fact_list]
    assert {r.filing for r in rows} == {"sonus"} and {r.document_period_end for r in rows} == {"2003-04-09"}
    net_loss = next(r for r in rows if r.concept == "us-gaap:NetIncomeLoss" and r.period_start == "2003-01-01")
    assert (net_loss.label, net_loss.statement, net_loss.period_end, net_loss.unit, net_loss.amount,
            net_loss.decimals, net_loss.verdict, net_loss.form) == (
        "Net loss", "income_statement", "2003-03-31", "USD", Decimal("-4381000"), "-3", "verified", "8-K")
    assert net_loss.confidence in ("high", "medium") and net_loss.rule and net_loss.source_line.isdigit()
    statement_rows = [r for r in rows if r.statement]
    assert len(statement_rows) == 102 and all(r.label and r.rule and r.confidence for r in statement_rows)
    cover = [r for r in rows if not r.statement]
    assert all(r.text and not r.value and not r.unit for r in cover)
    assert next(r.text for r in cover if r.concept == "dei:EntityRegistrantName") == "SONUS NETWORKS, INC."
    eps = next(r for r in rows if r.unit == "USDPerShare")
    assert eps.amount == Decimal(eps.value) and "." in eps.value            # exact text, never a float


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for source in (SEED, FIXTURES / "html_10q_with_ex27.txt", FIXTURES / "table_tags_10q.txt"):
        shutil.copy(source, folder / source.name)
    return folder


def _folder_rows(outdir: Path, names: list[str]) -> list[tuple[str, ...]]:
    return [tuple(getattr(row, c) for c in COLUMNS) for name in names for row in api.facts(outdir / name)]


def assert_table_is_every_folder_once(outdir: Path) -> list[FactRow]:
    """OUTDIR/facts.csv: each recorded folder's rows, in full, once; the parquet copy the same rows, exactly."""
    recorded = [o for o in read_summary(outdir).values() if o.status in ("ok", "invalid")]
    rows = list(api.facts(outdir))
    by_filing: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        by_filing.setdefault(row.filing, []).append(tuple(getattr(row, c) for c in COLUMNS))
    assert sorted(by_filing) == sorted(o.output for o in recorded)
    for outcome in recorded:
        assert by_filing[outcome.output] == _folder_rows(outdir, [outcome.output])
        assert len(by_filing[outcome.output]) == outcome.facts
    assert len({(row.filing, row.id) for row in rows}) == len(rows)
    if parquet_available():
        import pyarrow.parquet as pq
        table = pq.read_table(outdir / PARQUET)
        assert table.num_rows == len(rows) and str(table.schema.field("value").type).startswith("decimal")
        values = table.column("value").to_pylist()
        assert all((v is None and not r.value) or v == r.amount for v, r in zip(values, rows))
        assert table.column("id").to_pylist() == [r.id for r in rows]
    return rows


def test_batch_table_after_a_filing_cut_off_between_its_rows_and_its_summary_line(tmp_path, taxonomy_packages):
    inputs, out = _inputs(tmp_path / "in"), tmp_path / "out"
    first = api.batch([inputs], out, ConvertOptions(validate=False), jobs=1)
    assert [o.status for o in first.outcomes] == ["ok"] * 3
    rows = assert_table_is_every_folder_once(out)
    assert len(rows) == sum(o.facts for o in first.outcomes) == first.fact_rows == 216
    # A kill after the last filing's rows reached the table but before its summary line, and a row cut in half
    summary = (out / "summary.jsonl").read_text().splitlines(keepends=True)
    (out / "summary.jsonl").write_text("".join(summary[:-1]))
    with open(out / TABLE, "a", encoding="utf-8") as table:
        table.write('sonus-8k-2003-04-09,f999,http://www.sec.gov/CIK,"unfinished')
    # and a folder written before facts.csv existed: --resume converts its filing again
    (out / first.outcomes[0].output / TABLE).unlink()
    resumed = api.batch([inputs], out, ConvertOptions(validate=False), jobs=1, resume=True)
    assert len(resumed.earlier) == 1 and sorted(o.output for o in resumed.outcomes) == sorted(
        [first.outcomes[0].output, first.outcomes[-1].output])
    assert len(assert_table_is_every_folder_once(out)) == resumed.fact_rows == 216


@pytest.mark.skipif(not parquet_available(), reason="pyarrow is not installed (pip install 'legacy-xbrl[parquet]')")
def test_parquet_values_are_decimals_at_a_common_scale(tmp_path, taxonomy_packages):
    import pyarrow.parquet as pq

    inputs, out = _inputs(tmp_path / "in"), tmp_path / "out"
    assert main(["batch", str(inputs), "-o", str(out), "--no-validate", "--jobs", "1"]) == 0
    table = pq.read_table(out / PARQUET)
    assert table.schema.field("value").type.scale == 2                       # '$(0.02)' per share
    rows = {(r.filing, r.id): r for r in api.facts(out)}
    for record in table.to_pylist():
        row = rows[(record["filing"], record["id"])]
        assert record["value"] == row.amount and record["decimals"] == (int(row.decimals) if row.decimals else None)


def test_a_folder_whose_table_cannot_be_added_fails_alone(tmp_path, taxonomy_packages, monkeypatch):
    from converter.batch_facts import CombinedTable

    add = CombinedTable.append

    def append_failing_for_the_seed(self, folder: Path) -> int:
        if folder.name.startswith("sonus"):
            add(self, folder)                        # half-done: the rows went in before the disk gave out
            raise OSError(28, "No space left on device")
        return add(self, folder)
    monkeypatch.setattr(CombinedTable, "append", append_failing_for_the_seed)
    inputs, out = _inputs(tmp_path / "in"), tmp_path / "out"
    run = api.batch([inputs], out, ConvertOptions(validate=False), jobs=1)
    statuses = {o.output: (o.status, o.error or "") for o in run.outcomes}
    assert statuses["sonus-8k-2003-04-09"][0] == "failed" and "No space left" in statuses["sonus-8k-2003-04-09"][1]
    assert [status for status, _ in statuses.values()].count("ok") == 2
    assert len(assert_table_is_every_folder_once(out)) == run.fact_rows == 216 - 114


def test_an_outdir_whose_oim_file_would_be_the_report_is_refused_in_one_line(tmp_path, capsys, taxonomy_packages):
    code = main(["convert", str(SEED), "-o", str(tmp_path / "report"), "--format", "json"])
    error = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and error[-1].endswith("report.json, which is the conversion's own file: choose another OUTDIR "
                                            "name")
    assert not (tmp_path / "report").exists() and not list(tmp_path.iterdir())


def test_a_value_with_a_line_break_is_one_row_everywhere(tmp_path, taxonomy_packages):
    """A label or dei text may hold a line break: csv quotes it, and the table, its count and parquet keep one row."""
    inputs, out = _inputs(tmp_path / "in"), tmp_path / "out"
    api.batch([inputs], out, ConvertOptions(validate=False), jobs=1)
    folder = out / "sonus-8k-2003-04-09"
    table = (folder / TABLE).read_text()
    (folder / TABLE).write_text(table.replace("Net loss,", '"Net\r\nloss",'))
    resumed = api.batch([inputs], out, ConvertOptions(validate=False), jobs=1, resume=True)
    rows = assert_table_is_every_folder_once(out)
    assert resumed.fact_rows == len(rows) == 216
    assert sum(1 for row in rows if row.label == "Net\r\nloss") == 3
