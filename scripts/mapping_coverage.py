"""Prints, per corpus filing dated before mid-2009, how many face-statement line items map to us-gaap concepts,
how many take company extension concepts, how many printed totals do not add up, and (with validation) Arelle's
verdict and calculation inconsistencies.

Usage: python scripts/mapping_coverage.py [--corpus DIR] [--validate] [--jobs N] [--unmapped N]
A measurement, not a test: it prints a table and, last, the overall coverage line."""
from __future__ import annotations

import argparse
import csv
import os
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert

CUTOFF = "2009-07-01"
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus_raw"


@dataclass
class Coverage:
    path: str
    line_items: int = 0
    standard: int = 0
    extensions: int = 0
    unbalanced: int = 0
    inconsistencies: int | None = None
    valid: bool | None = None
    error: str | None = None
    unmapped: list[str] = field(default_factory=list)


def measure(path: Path, validate: bool) -> Coverage:
    result = Coverage(path.name)
    with tempfile.TemporaryDirectory() as folder:
        try:
            report = convert(path, Path(folder) / "out", ConvertOptions(validate=validate)).report
        except ConversionError as error:
            result.error = str(error).split(": ", 1)[-1]
            return result
    items = [row for statement in report["statements"] for row in statement["rows"] if row["line_item"]]
    result.line_items = len(items)
    result.standard = sum(1 for row in items if row["concept"] and not row["extension"])
    result.extensions = sum(1 for row in items if row["extension"])
    result.unmapped = [row["label"] for row in items if row["extension"] or not row["concept"]]
    result.unbalanced = report["issue_counts"].get("total-not-sum", 0)
    if validate:
        result.valid = report["validation"]["valid"]
        result.inconsistencies = len(report["validation"]["calculation_inconsistencies"])
    return result


def corpus_files(corpus: Path) -> list[Path]:
    with open(corpus / "INDEX.tsv", newline="") as handle:
        return [corpus / row["path"] for row in csv.DictReader(handle, delimiter="\t")
                if row["filed_date"] < CUTOFF and row["has_xbrl"] != "y"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--validate", action="store_true", help="run Arelle on every output (slower)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--unmapped", type=int, default=0, metavar="N", help="also list the N commonest unmapped labels")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the README)")
    args = parser.parse_args()
    paths = corpus_files(args.corpus)
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measure, paths, [args.validate] * len(paths)))
    console = Console(width=200)
    if args.markdown:
        _print_markdown(results, args.validate)
    else:
        console.print(_table(results, args.validate))
    if args.unmapped:
        for label, count in Counter(label for r in results for label in r.unmapped).most_common(args.unmapped):
            console.print(f"{count:4d}  {label}", markup=False, highlight=False)
    _print_totals(console, results, args.validate)
    return 0


def _table(results: list[Coverage], validate: bool) -> Table:
    table = Table("filing", "line items", "us-gaap", "coverage", "extensions", "totals not adding up",
                  *(["calc inconsistencies", "valid"] if validate else []))
    for r in results:
        if r.error:
            table.add_row(r.path, "-", "-", "-", "-", "-", *(["-", "-"] if validate else []), end_section=False)
            continue
        share = f"{100 * r.standard / r.line_items:.0f}%" if r.line_items else "-"
        table.add_row(r.path, str(r.line_items), str(r.standard), share, str(r.extensions), str(r.unbalanced),
                      *([str(r.inconsistencies), "yes" if r.valid else "NO"] if validate else []))
    return table


def _print_markdown(results: list[Coverage], validate: bool) -> None:
    header = ["filing", "line items", "us-gaap", "coverage", "extensions", "totals not adding up"]
    header += ["calc inconsistencies", "valid"] if validate else []
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for r in results:
        cells = [r.path, str(r.line_items), str(r.standard),
                 f"{100 * r.standard / r.line_items:.0f}%" if r.line_items else "-", str(r.extensions),
                 str(r.unbalanced)] if not r.error else [r.path, "failed: " + (r.error or "")[:60], "", "", "", ""]
        if validate:
            cells += [str(r.inconsistencies), "yes" if r.valid else "NO"] if not r.error else ["", ""]
        print("| " + " | ".join(cells) + " |")


def _print_totals(console: Console, results: list[Coverage], validate: bool) -> None:
    converted = [r for r in results if not r.error]
    items = sum(r.line_items for r in converted)
    standard = sum(r.standard for r in converted)
    line = (f"filings: {len(results)}; converted: {len(converted)}; face-statement line items: {items}; "
            f"us-gaap: {standard} ({100 * standard / max(items, 1):.1f}%); "
            f"extensions: {sum(r.extensions for r in converted)}; "
            f"totals not adding up: {sum(r.unbalanced for r in converted)}")
    if validate:
        line += (f"; valid: {sum(1 for r in converted if r.valid)}/{len(converted)}; "
                 f"calculation inconsistencies: {sum(r.inconsistencies or 0 for r in converted)}")
    console.print(line, markup=False, highlight=False)


if __name__ == "__main__":
    raise SystemExit(main())
