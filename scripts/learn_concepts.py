"""Learns from the filers' own XBRL (../shared/fsds, 2009-2010 face statements) which us-gaap concept a printed label
takes: for a statement kind, the kind of figure (money, shares, per share), the label's words and where the line
stands (the stated total printed last above it, and whether a heading stands between), the concept most companies
chose, with how many companies printed the label there and how many of them chose it. Each company votes once (the
concept it chose on most of its lines for the key), however many filings it made. Deprecated 2009 concepts count as
their us-gaap 2024 successors (fsds/deprecations.tsv); a company whose concept us-gaap 2024 dropped without a
successor counts and agrees with none; lines with the filer's own extension concept do not vote (FSDS gives no
type for them) and are not measured.
Writes taxonomy_maps/learned/concepts.tsv, the mapping layer below the curated patterns (converter/mapping/learned.py).

--evaluate: companies split in two by a hash of the CIK; learned on one half, measured on the other, then swapped:
top-1 concept agreement with the filer, wrong and declined lines, for the learned table alone and for the chooser
as the converter applies it (curated patterns, then the learned table, then name matching), and without the table.
--tune: the same within each half (split again by another byte of the hash), over a grid of thresholds.

Usage: python scripts/learn_concepts.py [--fsds DIR] [--evaluate | --tune]"""
from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from review_rules import KINDS, Successor, datatypes, successors

from converter.mapping.choice import UNITS, ConceptChooser, evidence_confidence, unit_of
from converter.mapping.labels import LabelMap
from converter.mapping.learned import (ANY_PLACE, COLUMNS, LEARNED_CONCEPTS, LearnedConcepts, LearnedEntry, Key,
                                       Standing, label_words, standings)
from converter.model import Confidence, Measure, SourceRef, StatementKind, StatementRow
from converter.taxonomy import Taxonomy, find_packages, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
# An entry is kept where at least MIN_COMPANIES printed the label there and, allowing for how few they may be, the
# share agreeing is at least MIN_SHARE: the lower bound of its Wilson score interval (Z standard deviations, 90% one
# sided) must reach it, so that 2 of 2 or 4 of 5 companies pass, 3 of 4 or 7 of 10 do not, 20 of 30 do.
MIN_COMPANIES, MIN_SHARE, Z = 2, Decimal("0.5"), Decimal("1.2816")
EXTENSION = "(extension)"
UNREPLACED = "(not in us-gaap 2024)"
AMBIGUOUS = "(no concept on most of the company's lines)"
MEASURES = {unit: measure for measure, unit in UNITS.items()}
FSDS_MEASURES = {"monetary": Measure.MONETARY, "shares": Measure.SHARES, "perShare": Measure.PER_SHARE}


@dataclass(frozen=True)
class Line:
    cik: str
    kind: StatementKind
    label: str
    standing: Standing                      # below which stated total, and whether after a heading
    concept: str                            # the filer's concept as a 2024 qname, EXTENSION or UNREPLACED
    member: tuple[str, str] | None = None   # where the 2024 successor is a member of a concept
    measure: Measure | None = None          # from the concept's type; None for extensions

    @property
    def total_above(self) -> str:
        return self.standing.total

    @property
    def place(self) -> str:
        return self.standing.place

    @property
    def votes(self) -> bool:
        return self.measure is not None

    @property
    def scored(self) -> bool:
        """Measured lines: a concept us-gaap 2024 has; the filers' extensions and concepts us-gaap 2024 dropped
        without a successor are counted apart."""
        return self.measure is not None and self.concept != UNREPLACED


def fsds_commit(fsds: Path) -> str:
    """The source commit the fsds README names."""
    text = (fsds / "README.md").read_text(encoding="utf-8")
    marker = "at commit `"
    start = text.find(marker)
    return text[start + len(marker):text.find("`", start + len(marker))] if start >= 0 else "unknown"


def concept_today(tag: str, renamed: dict[str, Successor], taxonomy: Taxonomy
                  ) -> tuple[str, tuple[str, str] | None] | None:
    """A 2009 us-gaap tag as a 2024 concept: itself where us-gaap 2024 has it undeprecated, else its successor
    (followed while the successor is itself deprecated); None where 2024 has no concept for it, or an abstract one."""
    member = None
    for _ in range(4):
        replaced = renamed.get(tag)
        present = taxonomy.get(f"us-gaap:{tag}")
        if present is not None and (replaced is None or replaced.release != "2024"):
            return (None if present.abstract else (present.qname, member))
        if replaced is None:
            return None
        tag, member = replaced.concept, replaced.member or member
    return None


def read_lines(fsds: Path, taxonomy: Taxonomy) -> list[Line]:
    """Face-statement lines (not parenthetical), each statement in printed order."""
    with open(fsds / "sub.tsv", newline="") as handle:
        company = {row["adsh"]: row["cik"] for row in csv.DictReader(handle, delimiter="\t")}
    renamed, types = successors(fsds), datatypes(fsds)
    statements: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with open(fsds / "pre.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["inpth"] == "0" and row["stmt"] in KINDS:
                statements[(row["adsh"], row["report"])].append(row)
    lines = []
    for (adsh, _), rows in statements.items():
        rows.sort(key=lambda row: int(row["line"]))
        for row, standing in zip(rows, _standings(rows)):
            lines.append(_line(company[adsh], row, standing, renamed, types, taxonomy))
    return lines


def _standings(rows: list[dict[str, str]]) -> list[Standing]:
    """Where each line stands: a gap in the line numbers is where a heading (an abstract line, which FSDS leaves
    out) stood."""
    labels: list[str | None] = []
    for previous, row in zip([None, *rows], rows):
        if previous is not None and int(row["line"]) > int(previous["line"]) + 1:
            labels.append(None)
        labels.append(row["plabel"])
    return [standing for label, standing in zip(labels, standings(labels)) if label is not None]


def _line(cik: str, row: dict[str, str], above: Standing, renamed: dict[str, Successor], types: dict[str, str],
          taxonomy: Taxonomy) -> Line:
    kind = KINDS[row["stmt"]]
    if not row["version"].startswith("us-gaap/"):
        return Line(cik, kind, row["plabel"], above, EXTENSION)
    today = concept_today(row["tag"], renamed, taxonomy)
    if today is None:      # still a vote: the company chose a concept no 2024 one stands for
        return Line(cik, kind, row["plabel"], above, UNREPLACED, measure=FSDS_MEASURES.get(types.get(row["tag"], "")))
    concept = taxonomy.get(today[0])
    unit = unit_of(concept) if concept else None
    return Line(cik, kind, row["plabel"], above, today[0], today[1], MEASURES.get(unit) if unit else None)


def half_of(cik: str, byte: int = 0) -> int:
    return hashlib.sha256(cik.encode()).digest()[byte] % 2


def keys_of(line: Line) -> tuple[Key, Key]:
    assert line.measure is not None
    words = label_words(line.label)
    return ((line.kind.value, line.measure.value, words, line.place),
            (line.kind.value, line.measure.value, words, ANY_PLACE))


def learn(lines: Iterable[Line], min_companies: int = MIN_COMPANIES, min_share: Decimal = MIN_SHARE
          ) -> LearnedConcepts:
    """Per key, each company's most used (concept, member), then the concept most companies chose; kept where
    enough companies printed the label and enough of them agree (a company that chose a concept us-gaap 2024 has no
    successor for counts, agreeing with none). An entry for where the line stands is kept only
    where it says something the entry for the label on its own does not."""
    votes: dict[Key, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for line in lines:
        if line.votes and label_words(line.label):
            for key in keys_of(line):
                votes[key][line.cik][(line.concept, line.member)] += 1
    entries = {key: entry for key, by_company in votes.items()
               if (entry := _agreed(by_company, min_companies, min_share)) is not None}
    return LearnedConcepts({key: entry for key, entry in entries.items() if key[3] == ANY_PLACE
                            or _differs(entry, entries.get((*key[:3], ANY_PLACE)))})


def _agreed(by_company: dict[str, Counter], min_companies: int, min_share: Decimal) -> LearnedEntry | None:
    chosen = [_company_choice(counts) for counts in by_company.values()]
    concepts = Counter(concept for concept, _ in chosen if concept not in (AMBIGUOUS, UNREPLACED))
    if not concepts:
        return None
    concept, agreeing = min(concepts.items(), key=lambda item: (-item[1], item[0]))
    if len(chosen) < min_companies or share_lower_bound(agreeing, len(chosen)) < min_share:
        return None
    members = Counter(member for name, member in chosen if name == concept)
    member = min(members, key=lambda found: (-members[found], str(found)))
    return LearnedEntry(concept, member, len(chosen), agreeing)


def _company_choice(counts: Counter) -> tuple[str, tuple[str, str] | None]:
    """A company's vote: the concept it chose on most of its lines for the key; where no concept has most of them
    (a 'Royalties' line among the revenues and another among the costs), the company votes for none, though it counts."""
    by_concept = Counter()
    for (concept, _), n in counts.items():
        by_concept[concept] += n
    concept, n = min(by_concept.items(), key=lambda item: (-item[1], item[0]))
    if 2 * n <= sum(by_concept.values()):
        return AMBIGUOUS, None
    members = Counter({member: m for (name, member), m in counts.items() if name == concept})
    return concept, min(members, key=lambda member: (-members[member], str(member)))


def share_lower_bound(agreeing: int, companies: int) -> Decimal:
    """Wilson score interval's lower end for `agreeing` of `companies`."""
    n, share, z2 = Decimal(companies), Decimal(agreeing) / Decimal(companies), Z * Z
    spread = Z * (share * (1 - share) / n + z2 / (4 * n * n)).sqrt()
    return (share + z2 / (2 * n) - spread) / (1 + z2 / n)


def _differs(entry: LearnedEntry, anywhere: LearnedEntry | None) -> bool:
    return anywhere is None or (entry.concept, entry.member) != (anywhere.concept, anywhere.member)


# --- measurement ---------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    measured: int = 0
    correct: int = 0
    wrong: int = 0
    declined: int = 0

    def add(self, answer: str | None, truth: str) -> None:
        self.measured += 1
        if answer is None:
            self.declined += 1
        elif answer == truth:
            self.correct += 1
        else:
            self.wrong += 1

    def __str__(self) -> str:
        share = lambda n: f"{Decimal(100 * n) / max(self.measured, 1):.1f}%"
        return (f"measured {self.measured}; correct {self.correct} ({share(self.correct)}); wrong {self.wrong} "
                f"({share(self.wrong)}); declined {self.declined} ({share(self.declined)})")


Answer = Callable[[Line], str | None]


def learned_answer(table: LearnedConcepts) -> Answer:
    def answer(line: Line) -> str | None:
        assert line.measure is not None
        entry = table.lookup(line.kind, line.measure, line.label, line.place)
        return entry.concept if entry else None
    return answer


def stack_answer(chooser: ConceptChooser, sources: dict[tuple, str] | None = None) -> Answer:
    """The chooser as the converter calls it; the fsds lines carry no headings, so the section curated rules read is
    the stated total above too. `sources` collects which layer answered each line."""
    cache: dict[tuple, str | None] = {}

    def answer(line: Line) -> str | None:
        assert line.measure is not None
        key = (line.kind, line.measure, line.label, line.standing)
        if key not in cache:
            row = StatementRow(line.label, [], line.measure, SourceRef("fsds", 0))
            choice = chooser.choose(line.kind, row, line.total_above, line.place)
            cache[key] = choice.concept.qname if choice.concept else None
            if sources is not None:
                sources[key] = _layer(choice.rule) if choice.concept else "none"
        return cache[key]
    return answer


def _layer(rule: str) -> str:
    for prefix, layer in (("taxonomy_maps/concepts.csv", "curated"), ("taxonomy_maps/learned", "learned"),
                          ("taxonomy:", "names")):
        if rule.startswith(prefix):
            return layer
    return "other"


def measure(lines: list[Line], answer: Answer, losses: Counter | None = None,
            sources: dict[tuple, str] | None = None) -> Tally:
    tally = Tally()
    for line in lines:
        if line.scored:
            given = answer(line)
            tally.add(given, line.concept)
            if losses is not None:
                layer = sources.get((line.kind, line.measure, line.label, line.standing), "") if sources else ""
                verdict = "declined" if given is None else "correct" if given == line.concept else "wrong"
                losses[(layer, verdict)] += 1
    return tally


def evaluate(lines: list[Line], taxonomy: Taxonomy, byte: int = 0) -> None:
    labels = LabelMap()
    for learned_half in (0, 1):
        learning = [line for line in lines if half_of(line.cik, byte) == learned_half]
        held_out = [line for line in lines if half_of(line.cik, byte) != learned_half]
        table = learn(learning)
        unscored = Counter(line.concept for line in held_out if not line.scored)
        print(f"learned on half {learned_half} ({len({l.cik for l in learning})} companies, {len(table.entries)} "
              f"entries), measured on the other ({len({l.cik for l in held_out})} companies; not counted: "
              f"{unscored[EXTENSION]} lines with the filer's extension, {unscored[UNREPLACED]} with a concept "
              "us-gaap 2024 lacks)")
        print(f"  learned table alone:        {measure(held_out, learned_answer(table))}")
        with_table = ConceptChooser(taxonomy, labels, table)
        sources: dict[tuple, str] = {}
        layers: Counter = Counter()
        print(f"  chooser with the table:     {measure(held_out, stack_answer(with_table, sources), layers, sources)}")
        without = ConceptChooser(taxonomy, labels, LearnedConcepts({}))
        print(f"  chooser without the table:  {measure(held_out, stack_answer(without))}")
        print("  chooser with the table, lines by the layer answering: " +
              ", ".join(f"{layer} {verdict} {n}" for (layer, verdict), n in sorted(layers.items())))
        print(f"  {_learned_against_names(held_out, table, with_table)}")


def _learned_against_names(lines: list[Line], table: LearnedConcepts, chooser: ConceptChooser) -> str:
    """Where no curated rule answers and both the table and the name matching do, and they differ: who is right,
    for entries of thin evidence (LOW: the chooser lets the name matching answer first) and the others."""
    right: dict[Confidence, Counter] = defaultdict(Counter)
    for line in lines:
        if not line.scored or chooser.labels.lookup(line.kind, line.label, line.total_above):
            continue
        assert line.measure is not None
        entry = table.lookup(line.kind, line.measure, line.label, line.place)
        named = chooser.named_choice(line.kind, StatementRow(line.label, [], line.measure, SourceRef("fsds", 0)))
        if entry and named and named.concept and entry.concept != named.concept.qname:
            tally = right[evidence_confidence(entry)]
            tally["table"] += entry.concept == line.concept
            tally["names"] += named.concept.qname == line.concept
            tally["lines"] += 1
    return "; ".join(f"{confidence.value} evidence: the table and the name matching differ on {tally['lines']} lines "
                     f"without a curated rule, the table is right on {tally['table']}, the names on {tally['names']}"
                     for confidence, tally in sorted(right.items()))


def tune(lines: list[Line]) -> None:
    for learned_half in (0, 1):
        inner = [line for line in lines if half_of(line.cik) == learned_half]
        for min_companies in (2, 3):
            for min_share in (Decimal("0.4"), Decimal("0.5"), Decimal("0.6")):
                tallies = []
                for part in (0, 1):
                    table = learn((l for l in inner if half_of(l.cik, 1) == part), min_companies, min_share)
                    tallies.append(measure([l for l in inner if half_of(l.cik, 1) != part], learned_answer(table)))
                print(f"half {learned_half}, >= {min_companies} companies, share's lower bound >= {min_share:.0%}: " +
                      " | ".join(str(tally) for tally in tallies))


# --- output --------------------------------------------------------------------------------------------------------

def write(table: LearnedConcepts, fsds: Path, out: Path) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(
            "# Generated by scripts/learn_concepts.py from ../shared/fsds (SEC Financial Statement Data Sets, face\n"
            f"# statements of 2009q3-2010q4; GitHub HansjoergW/sec-fincancial-statement-data-set @ {fsds_commit(fsds)}).\n"
            "# Key: statement kind, measure, the label's words (converter.mapping.learned.label_words) and its place:\n"
            "# the words of the stated total printed last above the line ('(top)' for none), '; after a heading' where a\n"
            "# heading stands between (empty: wherever it stands). Value: the us-gaap 2024\n"
            "# concept (deprecated 2009 concepts as their successors, fsds/deprecations.tsv) most companies chose,\n"
            f"# companies = companies that printed it there (one vote each), agreeing = of them, those choosing it.\n"
            f"# Kept: >= {MIN_COMPANIES} companies, the share agreeing >= {MIN_SHARE:.0%} at the lower end of its Wilson\n"
            f"# score interval (z = {Z}). Do not edit by hand: rerun python scripts/learn_concepts.py\n")
        handle.write("\t".join(COLUMNS) + "\n")
        for key, entry in sorted(table.entries.items()):
            member = "=".join(entry.member) if entry.member else ""
            handle.write("\t".join((*key, entry.concept, member, str(entry.companies), str(entry.agreeing))) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fsds", type=Path, default=ROOT.parent / "shared" / "fsds")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--evaluate", action="store_true", help="learn on half the companies, measure on the rest")
    mode.add_argument("--tune", action="store_true", help="thresholds measured within each half")
    args = parser.parse_args()
    taxonomy = load_taxonomy(find_packages([]), 2024, False)
    lines = read_lines(args.fsds, taxonomy)
    if args.evaluate:
        evaluate(lines, taxonomy)
    elif args.tune:
        tune(lines)
    else:
        out = ROOT / "taxonomy_maps" / LEARNED_CONCEPTS
        table = learn(lines)
        write(table, args.fsds, out)
        print(f"{len(table.entries)} entries written to {out}")


if __name__ == "__main__":
    main()
