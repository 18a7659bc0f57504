"""Conversion without validation, steady state (a measurement, not a test): the first section of
benchmarks/batch.py alone, quick enough to compare before and after a change.

Each round runs the batch with one worker (its per-filing times after the first, which also reads the taxonomy)
and converts every filing once more in this process after a warm-up filing (CPU seconds); each figure is its
fastest round, so a burst of load on a shared machine counts less. --profile prints where one more in-process
round's time goes (cProfile, sorted by own time).

Usage: python benchmarks/convert_speed.py [--corpus DIR] [--count N] [--rounds N] [--profile N] [FILING...]
Default filings: the corpus's plain-text 10-Qs (12 of them)."""
from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path

from batch import DEFAULT_CORPUS, batch, conversion_cpu, steady_state, text_10qs
from converter.pipeline import ConvertOptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("filings", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--count", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="after the rounds, profile one more round and print its N costliest functions")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.filings] or text_10qs(args.corpus, args.count)
    with tempfile.TemporaryDirectory() as folder:
        worker_rate = cpu_rate = 0.0
        for number in range(args.rounds):
            result, _ = batch(paths, Path(folder) / f"batch-{number}", 1, ConvertOptions(validate=False))
            count, seconds, _ = steady_state(result)
            worker_rate = max(worker_rate, count / seconds)
            cpu_rate = max(cpu_rate, 1 / conversion_cpu(paths, Path(folder) / str(number)))
        print(f"convert, no validation, steady state, fastest of {args.rounds} round(s): "
              f"{worker_rate:.1f} filings/s per core in the batch's warm worker, "
              f"{cpu_rate:.1f} filings/s of CPU time in this process")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(conversion_cpu, paths, Path(folder) / "profiled")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
