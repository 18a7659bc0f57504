"""EX-27 recall against truth: every corpus filing with a schedule is stripped of its EX-27 documents
(../shared/tools/ex27_truth.py strip), converted, and scored against the schedule's key values (matched /
expected); a conflict is a us-gaap fact of an expected concept and period whose value differs.

Usage: python scripts/ex27_recall.py [--corpus DIR] [--held-out FOLDER ...] [--details]
FOLDERs are top-level corpus folders reported apart (data never tuned on). A measurement, not a test."""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import ex27_truth  # noqa: E402  (the shared truth tool)

THIRD_BATCH = ["najmabad-sec_edgar_company_filings", "kuldeepgaur02-GTECH-RESEARCH-",
               "williamshue-GATech-FinServInnovLab-SummerTask",
               "seanjyu-explaining_2008_financial_crisis_through_sec_filings", "advaitkumar3107-sec_10k_analysis",
               "Yyyyyolo-10K-Analyzer", "grantgaffney-Ticker-10k-Sentiment-Analysis", "196sigma-edgar_download"]
DETAILS = False


def _same_period(expected: dict, period: str) -> bool:
    if expected["kind"] == "instant":
        return ".." not in period and abs((date.fromisoformat(period) - date.fromisoformat(expected["end"])).days) <= 7
    if ".." not in period:
        return False
    start, end = period.split("..")
    return (abs((date.fromisoformat(end) - date.fromisoformat(expected["end"])).days) <= 7
            and abs(ex27_truth.months_between(start, end) - expected["months"]) <= 0.6)


def measure(path: Path) -> tuple[int, int, int]:
    """(expected, matched, conflicts) for one filing."""
    text = path.read_text(encoding="latin-1")
    expected = ex27_truth.expectations(text)
    if not expected:
        return 0, 0, 0
    with tempfile.TemporaryDirectory() as folder:
        stripped = Path(folder) / path.name
        kept = text
        for document in ex27_truth.documents(text):
            if ex27_truth.is_ex27(document):
                kept = kept.replace(document, "")
        stripped.write_text(kept, encoding="latin-1")
        try:
            result = convert(stripped, Path(folder) / "out", ConvertOptions(validate=False))
        except ConversionError:
            return len(expected), 0, 0
        instance = next(p for p in result.outdir.glob("*.xml") if not p.name.endswith(("_lab.xml", "_pre.xml",
                                                                                          "_cal.xml")))
        scored = ex27_truth.score(text, str(instance))
        facts = [f for f in ex27_truth.read_instance(str(instance))
                 if "fasb.org/us-gaap" in f[0] and isinstance(f[3], Decimal)]
    conflicts = 0
    for entry in expected:
        want = Decimal(entry["value"])
        tolerance = Decimal("0.011") if entry["tag"].startswith("EPS") else abs(want) * Decimal("0.0005")
        candidates = [value for _, local, period, value in facts if local in entry["concepts"]
                      and _same_period(entry, period)]
        if candidates and all(abs(value - want) > tolerance for value in candidates):
            conflicts += 1
            if DETAILS:
                print(f"  conflict {entry['tag']} {'/'.join(sorted(entry['concepts']))[:60]} {entry['end']}: "
                      f"schedule {want}, written {', '.join(map(str, candidates))}", file=sys.stderr)
    return scored["expected"], scored["matched"], conflicts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus_raw")
    parser.add_argument("--held-out", nargs="*", default=THIRD_BATCH,
                        help="folders reported apart (default: the corpus's third batch, never tuned on)")
    parser.add_argument("--details", action="store_true", help="print each conflict to stderr")
    args = parser.parse_args()
    global DETAILS
    DETAILS = args.details
    with open(args.corpus / "INDEX.tsv", newline="") as handle:
        entries = [row for row in csv.DictReader(handle, delimiter="\t") if row["has_ex27"] == "y"]
    totals: dict[str, list[int]] = {"tuned": [0, 0, 0, 0], "held out": [0, 0, 0, 0]}
    for entry in entries:
        part = "held out" if entry["path"].split("/")[0] in args.held_out else "tuned"
        expected, matched, conflicts = measure(args.corpus / entry["path"])
        print(f"{entry['path']}\t{part}\texpected {expected}\tmatched {matched}\tconflicts {conflicts}")
        for i, n in enumerate((1, expected, matched, conflicts)):
            totals[part][i] += n
    for part, (filings, expected, matched, conflicts) in totals.items():
        share = f"{100 * matched / expected:.1f}%" if expected else "-"
        print(f"{part}: filings {filings}; expected {expected}; matched {matched} ({share}); conflicts {conflicts}")
    filings, expected, matched, conflicts = (sum(v[i] for v in totals.values()) for i in range(4))
    print(f"all: filings {filings}; expected {expected}; matched {matched} ({100 * matched / max(expected, 1):.1f}%);"
          f" conflicts {conflicts}")


if __name__ == "__main__":
    main()
