"""What the checking stage withheld over a corpus, by issue code, and the statements' verdicts: every filing of INDEX.tsv is converted without
validation and its report.json's `withheld` and `issue_counts` are added up. A measurement, not a test.

Usage: python scripts/checks_summary.py [--corpus DIR] [--jobs N]"""
from __future__ import annotations

import argparse
import csv
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def tally(path: Path) -> tuple[Counter, Counter, int, Counter]:
    """(withheld facts by code, us-gaap withheld facts by code, facts written, statements by verdict) for one
    filing."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            report = convert(path, Path(folder) / "out", ConvertOptions(validate=False)).report
        except ConversionError:
            return Counter(), Counter(), 0, Counter()
    withheld = Counter(w["code"] for w in report["withheld"])
    standard = Counter(w["code"] for w in report["withheld"] if w["concept"].startswith("us-gaap:"))
    return withheld, standard, report["facts"], Counter(report["verdicts"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus_raw")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with open(args.corpus / "INDEX.tsv", newline="") as handle:
        paths = [args.corpus / row["path"] for row in csv.DictReader(handle, delimiter="\t")]
    withheld, standard, verdicts, written, filings = Counter(), Counter(), Counter(), 0, 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for codes, standard_codes, facts, statement_verdicts in pool.map(tally, paths):
            withheld += codes
            standard += standard_codes
            verdicts += statement_verdicts
            written += facts
            filings += bool(codes)
    print(f"{len(paths)} files; {written} facts written; {sum(withheld.values())} withheld in {filings} filings "
          f"({sum(standard.values())} of them us-gaap)")
    for code, count in withheld.most_common():
        print(f"  {code}: {count} ({standard[code]} us-gaap)")
    print(f"{sum(verdicts.values())} statements: " + ", ".join(f"{n} {v}" for v, n in verdicts.most_common()))


if __name__ == "__main__":
    main()
