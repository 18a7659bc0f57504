"""Draws corpus filings for hand-made gold with a seeded random draw (never by looking at results): the 10-K, 10-Q
and 8-K filings of ../shared/corpus_raw/INDEX.tsv (amendments and 10-K405/10-KSB included, bare XBRL instances
left out) that no gold file of tests/gold/ labels yet, shuffled by the seed; the first N are the draw.

Usage: python scripts/draw_gold.py SEED [N] [--corpus DIR]. Written for the fourth draw (seed 20261205); the first
three (20261202-20261204) were drawn the same way by hand-run code, before any of these was labelled."""
from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = re.compile(r"^(10-K|10-Q|8-K|10KSB)")


def labelled() -> set[str]:
    sources = set()
    for gold in (ROOT / "tests" / "gold").glob("*.tsv"):
        first = gold.read_text(encoding="utf-8").splitlines()[0]
        sources.add(re.match(r"# gold for ([^;]+);", first).group(1))
    return sources


def candidates(corpus: Path) -> list[dict[str, str]]:
    with open(corpus / "INDEX.tsv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    taken = labelled()
    return sorted((r for r in rows if FORMS.match(r["form_type"]) and r["format"] != "xbrl-instance"
                   and r["path"] not in taken), key=lambda r: r["path"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seed", type=int)
    parser.add_argument("count", type=int, nargs="?", default=4)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus_raw")
    args = parser.parse_args()
    pool = candidates(args.corpus)
    random.Random(args.seed).shuffle(pool)
    for row in pool[: args.count]:
        print("\t".join((row["path"], row["form_type"], row["format"], row["period_of_report"], row["company_name"])))


if __name__ == "__main__":
    main()
