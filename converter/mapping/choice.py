"""Which concept a row takes: the user's overrides, then the curated label patterns, then the concept most filers
chose for the label in their own XBRL (taxonomy_maps/learned/concepts.tsv), then a us-gaap concept whose name the
label states outright; each candidate restricted by unit and checked against the statement networks."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from converter.mapping.labels import LabelMap, normalise_label
from converter.mapping.learned import LearnedConcepts, LearnedEntry, learned_concepts
from converter.mapping.names import concept_by_name
from converter.text.profiles import profile
from converter.model import Confidence, Dimensions, Measure, StatementKind, StatementRow, Unit
from converter.taxonomy import Concept, Taxonomy

# learned entries: HIGH needs this many companies agreeing this strongly (and the concept in the statement's
# us-gaap networks); thinner evidence than MEDIUM's is LOW
HIGH_EVIDENCE = (5, Decimal("0.8"))
MEDIUM_EVIDENCE = (3, Decimal("0.6"))
CONFIDENCE_ORDER = [Confidence.NONE, Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH]

UNITS = {Measure.MONETARY: Unit.USD, Measure.SHARES: Unit.SHARES, Measure.PER_SHARE: Unit.USD_PER_SHARE}


@dataclass(frozen=True)
class Choice:
    concept: Concept | None
    rule: str
    confidence: Confidence = Confidence.NONE
    extension: bool = False
    dimensions: Dimensions = ()    # (axis, member): the line is that part of the concept
    learned: bool = False          # from the learned table: a reviewed rule outranks it


def evidence_confidence(entry: LearnedEntry) -> Confidence:
    for confidence, (companies, share) in ((Confidence.HIGH, HIGH_EVIDENCE), (Confidence.MEDIUM, MEDIUM_EVIDENCE)):
        if entry.agreeing >= companies and entry.share >= share:
            return confidence
    return Confidence.LOW


def unit_of(concept: Concept) -> Unit | None:
    if concept.is_monetary:
        return Unit.USD
    if concept.type.endswith("sharesItemType"):
        return Unit.SHARES
    if concept.type.endswith("perShareItemType"):
        return Unit.USD_PER_SHARE
    return None


class ConceptChooser:
    # concept_by_name's answers, kept for the life of the process (a batch worker chooses for many filings with one
    # taxonomy): (taxonomy, kind, unit, normalised label) -> its answer
    _named: dict[tuple[int, StatementKind, Unit, str], tuple[Concept, int] | None] = {}

    def __init__(self, taxonomy: Taxonomy, labels: LabelMap, learned: LearnedConcepts | None = None):
        self.taxonomy = taxonomy
        self.labels = labels
        self.learned = learned_concepts() if learned is None else learned
        self._presented_cache: dict[tuple[StatementKind, Unit], list[Concept]] = {}

    def choose(self, kind: StatementKind, row: StatementRow, section: str = "", place: str = "") -> Choice:
        """section: the heading or total printed last above the row ('Current liabilities:', 'Total assets');
        place: where it stands as the learned table keys it (converter.mapping.learned.Standing.place)."""
        if row.measure is Measure.PERCENT:
            return Choice(None, "percentage row: a ratio of other lines, not tagged")
        rejected = None
        for rule in self.labels.candidates(kind, row.label, section):
            choice = self._curated(kind, row, rule.concept, rule.origin, rule.member)
            if choice.concept is not None:
                return choice
            rejected = rejected or choice
        entry = self.learned.lookup(kind, row.measure, row.label, place)
        learned = self._learned(kind, row, entry) if entry is not None else None
        if learned is not None and learned.concept is None:
            learned = None      # an entry the loaded taxonomy cannot take leaves the row to the name matching
        # before the name matching where several companies agree (on held-out fsds companies, where the two differ,
        # the table is right far more often); thin evidence (two companies) after it: it gains a few dozen fsds
        # lines and can read an expense as the revenue two filers printed under the same word
        if learned is not None and evidence_confidence(entry) is not Confidence.LOW:
            return learned
        if rejected is not None:
            return rejected
        return self.named_choice(kind, row) or learned or Choice(None, "no label pattern matched")

    def named_choice(self, kind: StatementKind, row: StatementRow) -> Choice | None:
        """The us-gaap concept whose name the label states, if one does."""
        named = self._by_name(kind, UNITS[row.measure], normalise_label(row.label))
        if named is None:
            return None
        concept, extra_words = named
        if extra_words == 0:
            return Choice(concept, "taxonomy: the label states the concept's name", Confidence.MEDIUM)
        return Choice(concept, f"taxonomy: the label states the concept's name less {extra_words} "
                      "qualifier(s) (taxonomy_maps/names.toml)", Confidence.LOW)

    def _curated(self, kind: StatementKind, row: StatementRow, qname: str, origin: str,
                 member: tuple[str, str] | None = None) -> Choice:
        concept = self.taxonomy.get(qname)
        if concept is None or concept.abstract:
            return Choice(None, f"{origin}: {qname} is not a concept of the loaded taxonomy")
        missing = [name for name in member or () if self.taxonomy.get(name) is None]
        if missing:
            return Choice(None, f"{origin}: {missing[0]} is not in the loaded taxonomy")
        if unit_of(concept) is not UNITS[row.measure]:
            return Choice(None, f"{origin}: {qname} does not take {UNITS[row.measure].value} values")
        presented = self._presented(kind, concept)
        confidence = Confidence.HIGH if presented or origin.startswith("override") else Confidence.MEDIUM
        note = "" if presented else f" (not in the us-gaap {kind.value} networks)"
        return Choice(concept, origin + note, confidence, dimensions=(member,) if member else ())

    def _learned(self, kind: StatementKind, row: StatementRow, entry: LearnedEntry) -> Choice:
        """A learned entry is checked like a curated rule; its confidence is no more than its evidence gives."""
        choice = self._curated(kind, row, entry.concept, f"{self.learned.origin}: {entry.agreeing} of "
                               f"{entry.companies} companies (fsds 2009-2010)", entry.member)
        if choice.concept is None:
            return choice
        return replace(choice, confidence=min(choice.confidence, evidence_confidence(entry),
                                              key=CONFIDENCE_ORDER.index), learned=True)

    def _by_name(self, kind: StatementKind, unit: Unit, label: str) -> tuple[Concept, int] | None:
        key = (id(self.taxonomy), kind, unit, label)
        if key not in self._named:
            if len(self._named) > 100_000:
                self._named.clear()
            self._named[key] = concept_by_name(label, self._presented_concepts(kind, unit))
        return self._named[key]

    def _presented_concepts(self, kind: StatementKind, unit: Unit) -> list[Concept]:
        key = (kind, unit)
        if key not in self._presented_cache:
            self._presented_cache[key] = [c for c in self.taxonomy.presented(profile(kind).networks)
                                          if unit_of(c) is unit]
        return self._presented_cache[key]

    def _presented(self, kind: StatementKind, concept: Concept) -> bool:
        return self.taxonomy.networks.presents(profile(kind).networks, concept.qname)
