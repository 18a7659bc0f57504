"""Seconds per instance of each way to validate many instances with Arelle, sequentially, one core (a
measurement, not a test): issue 19's table, measured again.

1. one `python -m arelle.CntlrCmdLine` process per instance, default options;
2. a new `arelle.api.Session` per instance, default options (what converter/validate.py did before issue 19);
3. one process per instance with `--baseTaxonomyValidation none` (the baseline benchmarks/batch.py compares with);
4. one warm controller (converter.validate.WarmValidator), base mode none, the standard taxonomy's concepts
   checked again for each instance (the plugin left out);
5. the same with the plugin converter/arelle_trusted_taxonomy.py: what `convert` and `batch` do.

The instances are converted first (without validation). Rounds interleave the ways, and each way's figure is
its minimum over the rounds, so that a burst of load on a shared machine counts less.

Usage: python benchmarks/validation_speed.py [--corpus DIR] [--count N] [--rounds N] [FILING...]
Default filings: the corpus's plain-text 10-Qs (the first 10)."""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from rich.console import Console
from rich.table import Table

from converter.pipeline import ConvertOptions, convert
from converter.taxonomy import find_packages
from converter.validate import (BASE_TAXONOMY_MODE, ArelleLog, WarmValidator, arelle_options, arelle_session,
                                discard_warm_validator)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import DEFAULT_CORPUS, text_10qs  # noqa: E402  (the same default filings as the batch benchmark)

Way = Callable[[list[Path]], float]     # instances -> seconds per instance


def cli_each(packages: list[Path], *extra: str) -> Way:
    def run(instances: list[Path]) -> float:
        started = time.perf_counter()
        for instance in instances:
            subprocess.run([sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate",
                            "--calc", "c11r", "--internetConnectivity", "offline", "--disablePersistentConfig",
                            "--packages", "|".join(map(str, packages)), *extra], capture_output=True, check=False)
        return (time.perf_counter() - started) / len(instances)
    return run


def session_each(packages: list[Path]) -> Way:
    def run(instances: list[Path]) -> float:
        started = time.perf_counter()
        for instance in instances:
            with arelle_session() as session:
                session.run(arelle_options(instance, packages, False, validate=True, calcs="c11r"),
                            logHandler=ArelleLog())
        return (time.perf_counter() - started) / len(instances)
    return run


def warm(packages: list[Path], trusted: bool) -> Way:
    def run(instances: list[Path]) -> float:
        """Per instance after a first one that registers the packages and the plugin (once per worker)."""
        discard_warm_validator()        # one controller per process at a time
        validator = WarmValidator(tuple(map(str, packages)), trust_standard_taxonomy=trusted)
        validator.validate(instances[0], online=False)
        started = time.perf_counter()
        for instance in instances:
            validator.validate(instance, online=False)
        seconds = (time.perf_counter() - started) / len(instances)
        validator.close()
        return seconds
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("filings", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    packages = find_packages()
    sources = [p.resolve() for p in args.filings] or text_10qs(args.corpus, args.count)
    ways: dict[str, Way] = {
        "one CLI process each, default options": cli_each(packages),
        "a new Session per instance, default options (before issue 19)": session_each(packages),
        "one CLI process each, --baseTaxonomyValidation none (baseline)": cli_each(
            packages, "--baseTaxonomyValidation", BASE_TAXONOMY_MODE),
        "one warm controller, base mode none": warm(packages, trusted=False),
        "the same, standard taxonomy's concepts trusted (plugin; convert and batch)": warm(packages, trusted=True),
    }
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        instances = [_instance(source, Path(folder)) for source in sources]
        instances = [i for i in instances if i is not None]
        for _ in range(args.rounds):
            for name, way in ways.items():
                seconds = way(instances)
                best[name] = min(best.get(name, seconds), seconds)
    baseline = best["one CLI process each, --baseTaxonomyValidation none (baseline)"]
    table = Table(title=f"{len(instances)} converted instances, sequential, minimum of {args.rounds} round(s)")
    for column in ("way", "s per instance", "vs. the baseline"):
        table.add_column(column, justify="left" if column == "way" else "right")
    for name, seconds in best.items():
        table.add_row(name, f"{seconds:.2f}", f"{seconds / baseline:.2f}")
    Console().print(table)
    print("warm controllers: per-instance time after the first instance (the controller's start-up and packages "
          "are paid once per worker)")


def _instance(source: Path, folder: Path) -> Path | None:
    outdir = folder / source.stem.replace(".", "_")
    try:
        convert(source, outdir, ConvertOptions(validate=False, output_format="instance"))
    except Exception as error:  # a filing that does not convert is left out of the measurement, said so
        print(f"left out: {source}: {error}", file=sys.stderr)
        return None
    return outdir / f"{outdir.name}.xml"


if __name__ == "__main__":
    main()
