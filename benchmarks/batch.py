"""Batch throughput, side by side in one run (a measurement, not a test):

1. conversion without validation: the batch's warm worker, filings/s and MB/s, per core in steady state
   (per-filing times after the first, which also reads the taxonomy) and for the whole run (start-up included);
2. conversion with validation (instances only, so that 3 validates the same documents): the batch, wall time;
3. the same instances validated one Arelle process each (`python -m arelle.CntlrCmdLine --validate`), as many
   at a time as the batch has workers;
and the peak memory of a worker.

Usage: python benchmarks/batch.py [--corpus DIR] [--jobs N] [--count N] [FILING...]
Default filings: the corpus's plain-text 10-Qs (12 of them)."""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

from converter.batch import BatchOptions, run_batch
from converter.pipeline import ConvertOptions
from converter.taxonomy import find_packages

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus_raw"


def text_10qs(corpus: Path, count: int) -> list[Path]:
    with open(corpus / "INDEX.tsv", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t")
                if r["form_type"].startswith("10-Q") and r["format"] == "sgml-text"]
    return [corpus / r["path"] for r in rows[:count]]


def batch(paths: list[Path], outdir: Path, jobs: int, options: ConvertOptions):
    started = time.perf_counter()
    result = run_batch(paths, outdir, BatchOptions(convert=options, jobs=jobs))
    return result, time.perf_counter() - started


def arelle_each(instances: list[Path], jobs: int) -> float:
    packages = "|".join(str(p) for p in find_packages())

    def validate(instance: Path) -> None:
        subprocess.run([sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate",
                        "--calc", "c11r", "--internetConnectivity", "offline", "--disablePersistentConfig",
                        "--packages", packages], capture_output=True, check=False)
    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(validate, instances))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("filings", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--count", type=int, default=12)
    args = parser.parse_args()
    paths = [p.resolve() for p in args.filings] or text_10qs(args.corpus, args.count)
    megabytes = sum(p.stat().st_size for p in paths) / 2**20
    console = Console()
    with tempfile.TemporaryDirectory() as folder:
        plain, plain_wall = batch(paths, Path(folder) / "plain", 1, ConvertOptions(validate=False))
        # The worker's first filing also reads the taxonomy knowledge; steady state is the rest.
        steady_outcomes = plain.outcomes[1:]
        steady = sum(o.seconds for o in steady_outcomes)
        steady_megabytes = sum(Path(o.input).stat().st_size for o in steady_outcomes) / 2**20
        checked, checked_wall = batch(paths, Path(folder) / "validated", args.jobs,
                                      ConvertOptions(output_format="instance"))
        instances = [Path(folder) / "validated" / o.output / f"{o.output}.xml" for o in checked.outcomes
                     if o.status in ("ok", "invalid")]
        each_wall = arelle_each(instances, args.jobs)
    table = Table(title=f"{len(paths)} filings, {megabytes:.1f} MB, {args.jobs} worker(s) where parallel")
    for column in ("measure", "seconds", "filings/s", "MB/s", "note"):
        table.add_column(column, justify="left" if column in ("measure", "note") else "right")
    table.add_row("convert, no validation (1 core, steady)", f"{steady:.2f}", f"{len(steady_outcomes) / steady:.1f}",
                  f"{steady_megabytes / steady:.2f}", "per-filing times in a warm worker, first filing aside")
    table.add_row("convert, no validation (1 core, whole run)", f"{plain_wall:.2f}",
                  f"{len(paths) / plain_wall:.1f}", f"{megabytes / plain_wall:.2f}", "worker start-up included")
    table.add_row("batch with validation", f"{checked_wall:.2f}", f"{len(paths) / checked_wall:.2f}",
                  f"{megabytes / checked_wall:.2f}", f"{len(instances)} instances valid or not")
    table.add_row("one Arelle process per instance", f"{each_wall:.2f}", f"{len(instances) / each_wall:.2f}", "",
                  "validation only, same instances")
    table.add_row("batch / one process each", f"{checked_wall / each_wall:.2f}", "", "",
                  "the batch also converts")
    peak = max((o.peak_memory_mb or 0) for o in checked.outcomes)
    table.add_row("peak memory of a validating worker", f"{peak:.0f} MB", "", "", "ru_maxrss")
    console.print(table)


if __name__ == "__main__":
    main()
