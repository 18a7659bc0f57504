"""Conversion without validation in one warm process, steady state (a measurement, not a test): the figure of
benchmarks/batch.py's first section alone, quick enough to compare before and after a change.

Each round converts every filing once after a warm-up filing (which reads the taxonomy); the figure is the fastest
round's CPU seconds per filing, so a burst of load on a shared machine counts less. --profile prints where one
round's time goes (cProfile, sorted by own time).

Usage: python benchmarks/convert_speed.py [--corpus DIR] [--count N] [--rounds N] [--profile N] [FILING...]
Default filings: the corpus's plain-text 10-Qs (12 of them)."""
from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path

from batch import DEFAULT_CORPUS, conversion_cpu, text_10qs


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
        fastest = min(conversion_cpu(paths, Path(folder) / str(number)) for number in range(args.rounds))
        print(f"convert, no validation, steady state: {1 / fastest:.1f} filings/s per core "
              f"({fastest * 1000:.1f} ms CPU per filing, fastest of {args.rounds} round(s))")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(conversion_cpu, paths, Path(folder) / "profiled")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
