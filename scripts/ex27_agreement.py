"""Prints how often the statement extraction agrees with the filers' own EX-27 schedules.

For every corpus filing with an EX-27, the statements are read and mapped (the schedules take no part in that),
then each key schedule value is compared with the statement fact of the same concept and period.
Usage: python scripts/ex27_agreement.py [CORPUS_DIR]   (default ../shared/corpus_raw)
A measurement, not a test: it prints a table and the overall agreement."""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from converter.mapping import map_filing
from converter.model import ConversionError, ScheduleCheck
from converter.readers import read_filing
from converter.statements import build_statements
from converter.taxonomy import find_packages, load_taxonomy

# The totals issue 3 names: the values a reader of any schedule would check first.
KEY_TAGS = ("TOTAL-ASSETS", "CURRENT-ASSETS", "CURRENT-LIABILITIES", "TOTAL-LIABILITY-AND-EQUITY",
            "TOTAL-LIABILITIES-AND-EQUITY", "INVENTORY", "TOTAL-REVENUES", "INCOME-PRETAX", "INCOME-TAX",
            "NET-INCOME", "EPS-PRIMARY", "EPS-BASIC", "EPS-DILUTED")


def main() -> int:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared/corpus_raw")
    with open(corpus / "INDEX.tsv", newline="") as handle:
        paths = [row["path"] for row in csv.DictReader(handle, delimiter="\t") if row["has_ex27"] == "y"]
    taxonomy = load_taxonomy(find_packages([]), 2024, False)
    console = Console(width=220)
    table = Table("filing", "compared", "agree", "differ", "not in statements", "differences")
    totals: Counter[str] = Counter()
    for path in paths:
        checks = _checks(corpus / path, taxonomy)
        if checks is None:
            table.add_row(path, "-", "-", "-", "-", "conversion failed")
            continue
        key = [c for c in checks if c.tag in KEY_TAGS]
        counts = Counter(c.status for c in key)
        totals.update(counts)
        differing = "; ".join(f"{c.tag} {c.period}: {c.schedule_value} vs {c.statement_value}"
                              for c in key if c.status == ScheduleCheck.DIFFERS)
        table.add_row(path, str(counts["agrees"] + counts["differs"]), str(counts["agrees"]), str(counts["differs"]),
                      str(counts["not_in_statements"]), differing)
    console.print(table)
    compared = totals["agrees"] + totals["differs"]
    share = 100 * totals["agrees"] / compared if compared else 0.0
    console.print(f"key EX-27 values compared: {compared}; agree: {totals['agrees']} ({share:.1f}%); "
                  f"differ: {totals['differs']}; not found in the statements: {totals['not_in_statements']}")
    return 0


def _checks(path: Path, taxonomy) -> list[ScheduleCheck] | None:
    try:
        filing = read_filing(path)
        statements = build_statements(filing.tables, filing.form_type)
        return map_filing(filing, statements, taxonomy).schedule_checks
    except ConversionError:
        return None


if __name__ == "__main__":
    sys.exit(main())
