"""Reviews the curated label rules (taxonomy_maps/concepts.csv) against the filers' own choices: every face-statement
line of ../shared/fsds (2009-2010 XBRL filings: the label as printed and the us-gaap concept the filer chose) is
run through the rules, and a rule whose concept is not what most filers chose for the labels it matches is listed
with the counts, so that a person can correct it with evidence. Deprecated 2009 concepts count as their us-gaap 2024
successors (fsds/deprecations.tsv); filers' own extension concepts count as "(extension)".

Usage: python scripts/review_rules.py [--fsds DIR] [--min-lines N]. A review aid, not a test."""
from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from converter.mapping.labels import LabelMap
from converter.model import StatementKind
from converter.taxonomy import find_packages, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"BS": StatementKind.BALANCE_SHEET, "IS": StatementKind.INCOME, "CF": StatementKind.CASH_FLOW,
         "EQ": StatementKind.EQUITY, "CI": StatementKind.COMPREHENSIVE_INCOME}
EXTENSION = "(extension)"


# Deprecation arcs that name one concept taking the deprecated one's place (a dimensionally qualified one with the
# axis and member it is qualified by); not those that merge a part into a wider total or split a total into parts.
SUCCEEDING_ARCS = ("dep-concept-deprecatedConcept", "essence-alias",
                   "dep-dimensionallyQualifiedConcept-deprecatedConcept")


@dataclass(frozen=True)
class Successor:
    concept: str                            # local name in us-gaap, "CostOfGoodsAndServicesSold"
    member: tuple[str, str] | None = None   # (axis, member) qnames: the deprecated concept is today that member
    release: str = ""                       # the release whose deprecation linkbase names it


def successors(fsds: Path) -> dict[str, Successor]:
    """Deprecated us-gaap concept -> the concept replacing it (fsds/deprecations.tsv), the latest release's where
    two name one. A deprecated concept replaced by a dimensionally qualified one has three rows (concept, axis,
    member)."""
    parts: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    with open(fsds / "deprecations.tsv", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["arcrole"] not in SUCCEEDING_ARCS:
                continue
            replacement = row["replacement"]
            role = "axis" if replacement.endswith("Axis") else "member" if replacement.endswith("Member") \
                else "concept"
            parts[(row["deprecated"], row["release"])].setdefault(role, replacement)
    found: dict[str, Successor] = {}
    for (deprecated, release), named in sorted(parts.items(), key=lambda item: item[0][1]):
        if "concept" not in named or ("axis" in named) != ("member" in named):
            continue
        member = (named["axis"], named["member"]) if "axis" in named else None
        found[deprecated] = Successor(named["concept"].removeprefix("us-gaap:"), member, release)
    return found


def datatypes(fsds: Path) -> dict[str, str]:
    """us-gaap tag -> its FSDS datatype (monetary, perShare, shares, ...); abstract tags (axes, members) left out."""
    with open(fsds / "tag.tsv", newline="") as handle:
        return {row["tag"]: row["datatype"] for row in csv.DictReader(handle, delimiter="\t") if row["abstract"] == "0"}


def datatype_of(item_type: str) -> str:
    """A 2024 item type in FSDS's words: only lines of the rule concept's own kind of figure are compared."""
    for suffix, name in (("perShareItemType", "perShare"), ("sharesItemType", "shares"),
                         ("monetaryItemType", "monetary"), ("percentItemType", "percent")):
        if item_type.endswith(suffix):
            return name
    return item_type


def review(fsds: Path, taxonomy) -> dict[str, tuple[str, Counter]]:
    """rule origin -> (its concept, the concepts filers chose for the lines it matches that state the same kind of
    figure as the rule's concept: a money rule is not judged by the per-share lines printed under the same label)."""
    renamed = successors(fsds)
    types = datatypes(fsds)
    rules = LabelMap()
    chosen: dict[str, Counter] = defaultdict(Counter)
    concept_of: dict[str, str] = {}
    with open(fsds / "pre.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            kind = KINDS.get(row["stmt"])
            if kind is None or row["inpth"] == "1":
                continue
            rule = rules.lookup(kind, row["plabel"])
            concept = taxonomy.get(rule.concept) if rule else None
            if concept is None:
                continue
            standard = row["version"].startswith("us-gaap/")
            if standard and types.get(row["tag"]) != datatype_of(concept.type):
                continue
            tag = renamed[row["tag"]].concept if standard and row["tag"] in renamed else \
                row["tag"] if standard else EXTENSION
            chosen[rule.origin][tag] += 1
            concept_of[rule.origin] = rule.concept.removeprefix("us-gaap:")
    return {origin: (concept_of[origin], counts) for origin, counts in chosen.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fsds", type=Path, default=ROOT.parent / "shared" / "fsds")
    parser.add_argument("--min-lines", type=int, default=20)
    args = parser.parse_args()
    taxonomy = load_taxonomy(find_packages([]), 2024, False)
    reviewed = review(args.fsds, taxonomy)
    disputed = 0
    for origin, (concept, counts) in sorted(reviewed.items(), key=lambda item: -sum(item[1][1].values())):
        total = sum(counts.values())
        top, top_count = counts.most_common(1)[0]
        if total < args.min_lines or top == concept:
            continue
        disputed += 1
        others = ", ".join(f"{tag}{'' if tag == EXTENSION or taxonomy.get('us-gaap:' + tag) else ' (not in 2024)'} {n}"
                           for tag, n in counts.most_common(4))
        print(f"{origin}\t{concept}\t{counts[concept]}/{total} filers' lines agree; they chose: {others}")
    print(f"{disputed} of {len(reviewed)} rules that matched fsds lines disagree with the filers' majority "
          f"(rules matching fewer than {args.min_lines} lines not shown)")


if __name__ == "__main__":
    main()
