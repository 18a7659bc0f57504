"""Batch throughput, side by side in one run (a measurement, not a test):

1. conversion without validation: the batch's warm worker, filings/s and MB/s, per core in steady state
   (per-filing times after the first, which also reads the taxonomy) and for the whole run (start-up included);
2. the batch converting and validating, with `--format instance` (the instance validated) and with the default
   `--format both` (instance and inline document validated, their facts compared), wall time on N workers;
3. the baseline: the instances of 2 validated by one Arelle command-line process each, in the same base mode
   (`python -m arelle.CntlrCmdLine --validate --calc c11r --baseTaxonomyValidation none`), N at a time;
and the ratios of 2 to 3 with the peak memory of a worker; 2 and 3 run in interleaved rounds (--rounds), each
taking its fastest. Issue 19's targets are printed beside them.

Usage: python benchmarks/batch.py [--corpus DIR] [--jobs N] [--count N] [--rounds N] [FILING...]
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
from converter.pipeline import ConvertOptions, convert
from converter.taxonomy import find_packages
from converter.validate import BASE_TAXONOMY_MODE

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
    """Wall time of one fresh Arelle process per instance, `jobs` at a time, in the base mode the batch uses."""
    packages = "|".join(str(p) for p in find_packages())

    def validate(instance: Path) -> None:
        subprocess.run([sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate",
                        "--calc", "c11r", "--baseTaxonomyValidation", BASE_TAXONOMY_MODE,
                        "--internetConnectivity", "offline", "--disablePersistentConfig",
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
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of (batch --format instance, batch --format both, one process each), "
                             "interleaved; each takes its fastest round, so a burst of load on a shared machine "
                             "weighs less on the ratios")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.filings] or text_10qs(args.corpus, args.count)
    megabytes = sum(p.stat().st_size for p in paths) / 2**20
    with tempfile.TemporaryDirectory() as folder:
        plain, plain_wall = batch(paths, Path(folder) / "plain", 1, ConvertOptions(validate=False))
        cpu_per_filing = conversion_cpu(paths, Path(folder) / "cpu")
        validated: dict[str, tuple] = {}
        each_wall = float("inf")
        for round_number in range(args.rounds):
            runs = {fmt: batch(paths, Path(folder) / f"{fmt}-{round_number}", args.jobs,
                               ConvertOptions(output_format=fmt)) for fmt in ("instance", "both")}
            for fmt, run in runs.items():
                validated[fmt] = _fastest(validated.get(fmt), run)
            instances = [Path(folder) / f"instance-{round_number}" / o.output / f"{o.output}.xml"
                         for o in runs["instance"][0].outcomes if o.status in ("ok", "invalid")]
            each_wall = min(each_wall, arelle_each(instances, args.jobs))
    table = _table(paths, megabytes, args.jobs, plain, plain_wall, validated, instances, each_wall, cpu_per_filing)
    table.caption = f"validation rows: the fastest of {args.rounds} interleaved round(s); memory: the highest"
    Console(width=160).print(table)


def _fastest(kept: tuple | None, run: tuple) -> tuple:
    """(result, wall seconds, peak memory): the faster run's result and time, the higher peak memory."""
    result, wall = run
    peak = max((o.peak_memory_mb or 0) for o in result.outcomes)
    if kept is not None and kept[1] <= wall:
        return kept[0], kept[1], max(kept[2], peak)
    return result, wall, max(kept[2] if kept else 0, peak)


def conversion_cpu(paths: list[Path], folder: Path) -> float:
    """CPU seconds per filing of conversion without validation, in this process once warm (the first filing
    reads the taxonomy): what one core does when it is not shared, so less noisy than wall time."""
    convert(paths[0], folder / "warm-up", ConvertOptions(validate=False))
    started = time.process_time()
    for number, path in enumerate(paths):
        convert(path, folder / str(number), ConvertOptions(validate=False))
    return (time.process_time() - started) / len(paths)


def steady_state(result) -> tuple[int, float, float]:
    """(filings, seconds, megabytes) of a batch's warm worker: the per-filing times after its first filing, which
    also reads the taxonomy knowledge."""
    steady_outcomes = result.outcomes[1:]
    return (len(steady_outcomes), sum(o.seconds for o in steady_outcomes),
            sum(Path(o.input).stat().st_size for o in steady_outcomes) / 2**20)


def _table(paths, megabytes, jobs, plain, plain_wall, validated, instances, each_wall, cpu_per_filing) -> Table:
    steady_count, steady, steady_megabytes = steady_state(plain)
    table = Table(title=f"{len(paths)} filings, {megabytes:.1f} MB, {jobs} worker(s) where parallel")
    for column in ("measure", "seconds", "filings/s", "MB/s", "note"):
        table.add_column(column, justify="left" if column in ("measure", "note") else "right")
    table.add_row("convert, no validation (1 core, steady)", f"{steady:.2f}", f"{steady_count / steady:.1f}",
                  f"{steady_megabytes / steady:.2f}", "per-filing times in a warm worker, first filing aside; "
                                                      "target >= 20 filings/s")
    table.add_row("convert, no validation (1 core, steady, CPU time)", f"{cpu_per_filing * len(paths):.2f}",
                  f"{1 / cpu_per_filing:.1f}", f"{megabytes / (cpu_per_filing * len(paths)):.2f}",
                  "CPU seconds in one warm process: a core of its own; target >= 20 filings/s")
    table.add_row("convert, no validation (1 core, whole run)", f"{plain_wall:.2f}",
                  f"{len(paths) / plain_wall:.1f}", f"{megabytes / plain_wall:.2f}", "worker start-up included")
    for fmt, (result, wall, _) in validated.items():
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(_count(result.outcomes).items()))
        table.add_row(f"batch with validation, --format {fmt}", f"{wall:.2f}", f"{len(paths) / wall:.2f}",
                      f"{megabytes / wall:.2f}", statuses)
    table.add_row("one Arelle process per instance (--baseTaxonomyValidation none)", f"{each_wall:.2f}",
                  f"{len(instances) / each_wall:.2f}", "", "validation only, the same instances, as many at a time")
    for fmt, target in (("instance", 0.35), ("both", 0.6)):
        table.add_row(f"batch --format {fmt} / one process each", f"{validated[fmt][1] / each_wall:.2f}", "", "",
                      f"target <= {target}; the batch also converts")
    for fmt, (_, _, peak) in validated.items():
        table.add_row(f"peak memory of a worker, --format {fmt}", f"{peak:.0f} MB", "", "",
                      "ru_maxrss; target < 400 MB")
    return table


def _count(outcomes) -> dict[str, int]:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return counts


if __name__ == "__main__":
    main()
