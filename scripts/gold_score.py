"""Recall and conflicts against the hand-made gold facts in tests/gold/ (../shared/tools/score_instance.py): each
gold file names its corpus filing in its first line ('# gold for PATH; ...'); the filing is converted and scored.
The gold was labelled from the filings by people (helpers) who never saw the converter's output.

The draws, each seeded (scripts/draw_gold.py): the first (seed 20261202), 4 of the third batch never tuned on
(their conflicts read once) and 4 of the first two; the second (20261203), scored once before being read; the third
(20261204), held out until its second session; the fourth (20261205), held out when labelled, read since the fifth
was; the fifth (20261206, labelled 2026-12-04), held out: its first scoring's conflicts (all in one filing, a scale
caption printed in the label column of a header line) were read once and mended as a general mechanism, and 9 more
(label share counts) once in the next session; the sixth (20261207): the Boeing 10-K held out, the Apple 10-Q read
(its gold mended: one concept given to two lines), and the Pericom and Stockwalk 8-Ks once their first scoring's
conflicts (a sign, a concept two lines shared) were mended by general rules.

Usage: python scripts/gold_score.py [--corpus DIR] [--label-facts] [GOLD.tsv ...]. A measurement, not a test."""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# The seeded draws (scripts/draw_gold.py) and which part of the measurement each gold file belongs to are data:
# tests/gold/draws.csv (tests/test_gold.py holds each file's matched facts at least at its last measured figure).
# A part whose name ends in 'held out' is never read: its misses and conflicts are not printed.
DRAWS = ROOT / "tests" / "gold" / "draws.csv"


def parts() -> dict[str, str]:
    with open(DRAWS, newline="", encoding="utf-8") as handle:
        return {row["gold"]: row["part"] for row in csv.DictReader(handle)}


# The concepts of facts printed inside labels (issue 18): par values, share counts, allowances, accumulated
# depreciation, liquidation preferences.
LABEL_FACT = re.compile(r"ParOrStatedValuePerShare|NoParValue|Shares(Authorized|Issued|Outstanding)$|TreasuryStock"
                        r"(Common)?Shares$|^Allowance|^AccumulatedDepreciation|AccumulatedAmortization|Liquidation")


def label_fact_gold(gold: Path, folder: Path) -> Path:
    """The gold file with only its facts printed inside labels: a gold row any of whose concepts is one."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines[1:] if line.strip() and not line.startswith("#")
            and any(LABEL_FACT.search(name.lstrip("-")) for name in line.split("\t")[0].split("|"))]
    path = folder / gold.name
    path.write_text("\n".join([lines[0], *kept]) + "\n", encoding="utf-8")
    return path


def score(gold: Path, corpus: Path, label_facts: bool = False) -> dict:
    source = re.match(r"# gold for ([^;]+);", gold.read_text(encoding="utf-8").splitlines()[0]).group(1)
    with tempfile.TemporaryDirectory() as folder:
        if label_facts:
            gold = label_fact_gold(gold, Path(folder))
            if _rows(gold) == 0:
                return {"found": 0, "conflicts": 0, "gold": 0}
        try:
            result = convert(corpus / source, Path(folder) / "out", ConvertOptions(validate=False))
        except ConversionError as error:
            return {"found": 0, "conflicts": 0, "gold": _rows(gold), "error": str(error)}
        instance = result.outdir / result.report["outputs"]["instance"]
        scored = json.loads(subprocess.run([sys.executable, str(SHARED / "tools" / "score_instance.py"),
                                            str(instance), str(gold)], capture_output=True, text=True,
                                           check=True).stdout)
    return scored


def _rows(gold: Path) -> int:
    return sum(1 for line in gold.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus_raw")
    parser.add_argument("--details", action="store_true", help="print each conflict")
    parser.add_argument("--missing", action="store_true", help="print each gold fact not found (not for the held-out part)")
    parser.add_argument("--label-facts", action="store_true", help="score only the facts printed inside labels")
    parser.add_argument("gold", nargs="*", type=Path)
    args = parser.parse_args()
    part_of = parts()
    totals = {part: [0, 0, 0] for part in dict.fromkeys(part_of.values())}
    for gold in args.gold or sorted((ROOT / "tests" / "gold").glob("*.tsv")):
        scored = score(gold, args.corpus, args.label_facts)
        matched = scored["found"]
        part = part_of.get(gold.stem, "not in draws.csv")      # a new draw's file, not yet scored by the tests
        totals.setdefault(part, [0, 0, 0])
        held_out = part.endswith("held out")
        print(f"{gold.stem}\t{part}\tgold {scored['gold']}\tmatched {matched}\tconflicts {scored['conflicts']}"
              + (f"\t{scored['error']}" if "error" in scored else ""))
        if args.details and not held_out:
            for example in scored.get("conflict_examples", []):
                print(f"  conflict {example}")
        if args.missing and not held_out:
            for missing in scored.get("missing", []):
                print(f"  missing {missing}")
        for i, n in enumerate((scored["gold"], matched, scored["conflicts"])):
            totals[part][i] += n
    for part, (rows, matched, conflicts) in totals.items():
        print(f"{part}: gold {rows}; matched {matched} ({100 * matched / max(rows, 1):.1f}%); conflicts {conflicts}")


if __name__ == "__main__":
    main()
