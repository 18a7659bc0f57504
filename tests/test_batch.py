"""Batch conversion: inputs from folders and listings, one folder and one summary line per filing, bad and slow
filings recorded without stopping the others, --resume after a kill, and the same work on a Dask cluster."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converter.batch import BatchOptions, collect_inputs, output_names, read_summary, run_batch
from converter.cli import main
from converter.pipeline import ConvertOptions
from tests.conftest import FIXTURES, ROOT, SEED
from tests.test_data_outputs import assert_table_is_every_folder_once

GOOD = [SEED, FIXTURES / "table_tags_10q.txt", FIXTURES / "html_10q_with_ex27.txt",
        FIXTURES / "text_10k_extension.txt"]


def _summary_lines(outdir: Path) -> list[dict]:
    return [json.loads(line) for line in (outdir / "summary.jsonl").read_text().splitlines()]


@pytest.fixture
def inputs(tmp_path) -> Path:
    """Good filings in nested folders (two share a file name), and one that is not a filing."""
    folder = tmp_path / "in"
    for index, source in enumerate(GOOD):
        target = folder / f"company{index}" / ("filing.txt" if index < 2 else source.name)
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
    (folder / "notes.txt").write_text("Minutes of the meeting; no figures at all.\n")
    return folder


def test_inputs_from_folders_and_listings(tmp_path, inputs):
    listing = tmp_path / "list.txt"
    listing.write_text("in/company0/filing.txt\n\nin/company2\n")
    assert collect_inputs([listing]) == [(inputs / "company0" / "filing.txt").resolve(),
                                         (inputs / "company2" / "html_10q_with_ex27.txt").resolve()]
    found = collect_inputs([inputs, inputs / "notes.txt"])
    assert len(found) == 5
    names = output_names(found)
    assert len(set(names.values())) == 5
    assert names[(inputs / "company0" / "filing.txt").resolve()] == "company0_filing"
    assert names[(inputs / "notes.txt").resolve()] == "notes"


def test_batch_writes_a_folder_and_a_summary_line_per_filing(tmp_path, inputs, taxonomy_packages, capsys):
    out = tmp_path / "out"
    code = main(["batch", str(inputs), "-o", str(out), "--no-validate", "--jobs", "2"])
    assert code == 1                                    # notes.txt is no filing
    lines = _summary_lines(out)
    assert len(lines) == 5 and len({line["input"] for line in lines}) == 5
    by_status = {line["output"]: line for line in lines}
    assert by_status["notes"]["status"] == "failed" and "no financial statement" in by_status["notes"]["error"]
    for name in ("company0_filing", "company1_filing", "html_10q_with_ex27", "text_10k_extension"):
        assert by_status[name]["status"] == "ok" and by_status[name]["facts"] > 0
        report = json.loads((out / name / "report.json").read_text())
        assert report["facts"] == by_status[name]["facts"]
    assert by_status["company0_filing"]["facts"] == 114                  # the seed
    assert "filings/s" in capsys.readouterr().out


def test_a_slow_filing_is_stopped_and_the_rest_go_on(tmp_path, inputs, taxonomy_packages):
    out = tmp_path / "out"
    result = run_batch(collect_inputs([inputs]), out, BatchOptions(
        convert=ConvertOptions(validate=False), jobs=2, timeout=0.05))
    assert len(result.outcomes) == 5
    assert {o.status for o in result.outcomes} <= {"timeout", "failed", "ok"}
    assert any(o.status == "timeout" for o in result.outcomes)
    assert not list(out.glob(".*.partial-*"))


def test_killed_batch_resumes_with_no_duplicate_or_missing_output(tmp_path, taxonomy_packages):
    # Enough copies that the batch is still running when the poll sees its second line: one takes ~12 ms.
    copies = 200
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(copies):
        shutil.copy(FIXTURES / "table_tags_10q.txt", folder / f"q{copy}.txt")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "batch", str(folder), "-o", str(out), "--no-validate",
               "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        summary = out / "summary.jsonl"
        if summary.exists() and len(summary.read_text().splitlines()) >= 2:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    first = read_summary(out)
    assert 2 <= len(first) < copies, "the batch was not caught midway"
    table_rows = len((out / "facts.csv").read_text().splitlines()) - 1
    assert table_rows >= sum(o.facts for o in first.values())      # a recorded filing's rows are in the table
    finished_at = {name: (out / o.output / "report.json").stat().st_mtime_ns for name, o in first.items()}
    resumed = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert f"{len(first)} filing(s) already done" in resumed.stdout
    lines = _summary_lines(out)
    assert sorted(line["input"] for line in lines) == sorted(str(p.resolve()) for p in folder.iterdir())
    assert all(line["status"] == "ok" for line in lines)
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == sorted(f"q{copy}" for copy in range(copies))
    assert all((out / name / "report.json").exists() for name in folders)
    for name, outcome in first.items():
        assert (out / outcome.output / "report.json").stat().st_mtime_ns == finished_at[name]
    rows = assert_table_is_every_folder_once(out)      # the combined facts table: every folder's rows, once each
    assert len(rows) == sum(line["facts"] for line in lines) == copies * lines[0]["facts"]


def test_batch_on_a_dask_cluster(tmp_path, inputs, taxonomy_packages):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster:
        result = run_batch(collect_inputs([inputs]), tmp_path / "out", BatchOptions(
            convert=ConvertOptions(validate=False), dask_scheduler=cluster.scheduler_address))
    statuses = sorted(o.status for o in result.outcomes)
    assert statuses == ["failed", "ok", "ok", "ok", "ok"]
    assert len(_summary_lines(tmp_path / "out")) == 5
    assert json.loads((tmp_path / "out" / "company0_filing" / "report.json").read_text())["facts"] == 114
    assert len(assert_table_is_every_folder_once(tmp_path / "out")) == result.fact_rows > 114
