"""Which concept a row takes: the user's overrides, then the curated label patterns, then a us-gaap concept whose
name the label states outright; each candidate restricted by unit and checked against the statement networks."""
from __future__ import annotations

from dataclasses import dataclass

from converter.mapping.labels import LabelMap, normalise_label
from converter.mapping.networks import kind_settings
from converter.model import Confidence, Measure, StatementKind, StatementRow, Unit
from converter.taxonomy import Concept, Taxonomy

UNITS = {Measure.MONETARY: Unit.USD, Measure.SHARES: Unit.SHARES, Measure.PER_SHARE: Unit.USD_PER_SHARE}
_NAME_SUFFIXES = ("", " current", " noncurrent", " net", " at carrying value")


@dataclass(frozen=True)
class Choice:
    concept: Concept | None
    rule: str
    confidence: Confidence = Confidence.NONE
    extension: bool = False


def unit_of(concept: Concept) -> Unit | None:
    if concept.is_monetary:
        return Unit.USD
    if concept.type.endswith("sharesItemType"):
        return Unit.SHARES
    if concept.type.endswith("perShareItemType"):
        return Unit.USD_PER_SHARE
    return None


class ConceptChooser:
    def __init__(self, taxonomy: Taxonomy, labels: LabelMap):
        self.taxonomy = taxonomy
        self.labels = labels

    def choose(self, kind: StatementKind, row: StatementRow, section: str = "") -> Choice:
        """section: the heading or total printed last above the row ('Current liabilities:', 'Total assets')."""
        if row.measure is Measure.PERCENT:
            return Choice(None, "percentage row: a ratio of other lines, not tagged")
        rejected = None
        for rule in self.labels.candidates(kind, row.label, section):
            choice = self._curated(kind, row, rule.concept, rule.origin)
            if choice.concept is not None:
                return choice
            rejected = rejected or choice
        if rejected is not None:
            return rejected
        named = self._named(kind, row)
        if named is not None:
            return Choice(named, "taxonomy: the label states the concept's name", Confidence.MEDIUM)
        return Choice(None, "no label pattern matched")

    def _curated(self, kind: StatementKind, row: StatementRow, qname: str, origin: str) -> Choice:
        concept = self.taxonomy.get(qname)
        if concept is None or concept.abstract:
            return Choice(None, f"{origin}: {qname} is not a concept of the loaded taxonomy")
        if unit_of(concept) is not UNITS[row.measure]:
            return Choice(None, f"{origin}: {qname} does not take {UNITS[row.measure].value} values")
        presented = self._presented(kind, concept)
        confidence = Confidence.HIGH if presented or origin.startswith("override") else Confidence.MEDIUM
        note = "" if presented else f" (not in the us-gaap {kind.value} networks)"
        return Choice(concept, origin + note, confidence)

    def _named(self, kind: StatementKind, row: StatementRow) -> Concept | None:
        words = normalise_label(row.label)
        for suffix in _NAME_SUFFIXES:
            candidates = [c for c in self.taxonomy.by_words.get(words + suffix, [])
                          if unit_of(c) is UNITS[row.measure] and self._presented(kind, c)]
            if len(candidates) == 1:
                return candidates[0]
        return None

    def _presented(self, kind: StatementKind, concept: Concept) -> bool:
        return self.taxonomy.networks.presents(kind_settings(kind).networks, concept.qname)
