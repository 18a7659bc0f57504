"""Prints, per corpus filing that converts, whether Arelle finds its Inline XBRL document valid, whether the facts
Arelle reads from it are exactly the instance's, and how many facts stand in the text (the rest are in
ix:hidden).

Usage: python scripts/inline_check.py [--corpus DIR] [--jobs N] [--limit N]
A measurement, not a test: it prints a table and, last, the totals line."""
from __future__ import annotations

import argparse
import csv
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert
from converter.writers.inline import placed_count

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus_raw"


@dataclass
class InlineCheck:
    path: str
    facts: int = 0
    in_text: int = 0
    valid: bool = False
    errors: str = ""
    error: str | None = None


def check(path: Path) -> InlineCheck:
    result = InlineCheck(path.name)
    with tempfile.TemporaryDirectory() as folder:
        try:
            converted = convert(path, Path(folder) / "out", ConvertOptions(output_format="both"))
        except ConversionError as error:
            result.error = str(error).split(": ", 1)[-1]
            return result
        report = converted.report
        result.facts = report["facts"]
        result.in_text = placed_count((converted.outdir / report["outputs"]["inline"]).read_text(encoding="utf-8"))
        result.valid = report["validation"]["valid"]
        result.errors = "; ".join(report["validation"]["errors"][:2])[:300]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    with open(args.corpus / "INDEX.tsv", newline="") as handle:
        paths = [args.corpus / row["path"] for row in csv.DictReader(handle, delimiter="\t")
                 if row["format"] != "xbrl-instance"]
    paths = paths[: args.limit] if args.limit else paths
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check, paths))
    table = Table("filing", "facts", "in the text", "valid, facts as the instance's", "errors")
    for r in results:
        table.add_row(r.path, str(r.facts), str(r.in_text), "-" if r.error else ("yes" if r.valid else "no"),
                      r.error or r.errors)
    console = Console(width=200)
    console.print(table)
    converted = [r for r in results if r.error is None]
    facts = sum(r.facts for r in converted)
    in_text = sum(r.in_text for r in converted)
    console.print(f"filings: {len(results)}; converted: {len(converted)}; valid with the instance's facts: "
                  f"{sum(r.valid for r in converted)}; facts: {facts}; in the text: {in_text} "
                  f"({100 * in_text / max(facts, 1):.1f}%)")


if __name__ == "__main__":
    main()
