"""Value recall, concept agreement and conflicts against the filers' own XBRL instances of the same filings
(../shared/tools/score_vs_filer.py): the corpus's INDEX.tsv notes name, for an HTML filing, the filer's instance
('XBRL ground truth for the same filing: PATH'); each such filing is converted and scored, restricted to the
us-gaap statement networks (--stm-taxonomy), since these pairs come without the filer's presentation linkbase.

Usage: python scripts/filer_score.py [--corpus DIR]. A measurement, not a test."""
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
SUMMARY = ("filer_facts", "value_matched", "value_recall", "concept_agreed", "concept_agreement", "conflicts",
           "recall_period_tolerant", "error")
TRUTH_NOTE = re.compile(r"XBRL ground truth for the same filing[^:]*: (\S+\.xml)")


def pairs(corpus: Path) -> list[tuple[str, str]]:
    """(filing, filer instance) for every filing whose INDEX.tsv notes name the filer's instance."""
    with (corpus / "INDEX.tsv").open(encoding="utf-8") as index:
        rows = list(csv.DictReader(index, delimiter="\t"))
    found = ((row["path"], TRUTH_NOTE.search(row.get("notes") or "")) for row in rows)
    return [(path, match.group(1)) for path, match in found if match and not path.endswith(".xml")]


def score(filing: str, instance: str, corpus: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        try:
            result = convert(corpus / filing, Path(folder) / "out", ConvertOptions(validate=False))
        except ConversionError as error:
            return {"error": str(error)}
        ours = result.outdir / result.report["outputs"]["instance"]
        completed = subprocess.run([sys.executable, str(SHARED / "tools" / "score_vs_filer.py"), str(corpus / instance),
                                    str(ours), "--stm-taxonomy", str(SHARED / "taxonomies" / "us-gaap-2024.zip")],
                                   capture_output=True, text=True, check=True)
        return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus_raw")
    parser.add_argument("--details", action="store_true", help="print each filing's examples")
    args = parser.parse_args()
    totals = {"filer_facts": 0, "value_matched": 0, "concept_agreed": 0, "conflicts": 0}
    for filing, instance in pairs(args.corpus):
        scored = score(filing, instance, args.corpus)
        print(filing, json.dumps({key: value for key, value in scored.items()
                                  if args.details or key in SUMMARY}))
        for key in totals:
            totals[key] += scored.get(key, 0)
    print("all:", json.dumps(totals), f"value recall {totals['value_matched'] / max(totals['filer_facts'], 1):.1%}")


if __name__ == "__main__":
    main()
