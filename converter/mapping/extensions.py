"""Company extension concepts for the lines no us-gaap concept states faithfully.

Names come from the printed label ('Cumulative effect of accounting change' -> CumulativeEffectOfAccountingChange);
a name never repeats a standard concept's, one name never carries two types or period types, and the prefix comes
from the registrant's name."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from converter.mapping.labels import strip_footnote_marks
from converter.model import Extension, ExtensionConcept, Measure, StatementKind
from converter.taxonomy import Concept, Taxonomy

_ITEM_TYPES = {Measure.MONETARY: "xbrli:monetaryItemType", Measure.SHARES: "xbrli:sharesItemType",
               Measure.PER_SHARE: "dtr-types:perShareItemType"}
_RESERVED_PREFIXES = {"us-gaap", "dei", "srt", "xbrli", "link", "xlink", "xsd", "xs", "xml", "iso4217", "dtr-types",
                      "ix", "ixt", "xbrldt", "ref", "country", "stpr"}
_MEMBER_TYPE = "dtr-types:domainItemType"
MAX_NAME = 120


def extension_prefix(company: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (company or "").lower().replace("&", ""))
    prefix = (words[0] if words else "")[:12]
    if not prefix or not prefix[0].isalpha() or prefix in _RESERVED_PREFIXES:
        prefix = "x" + prefix
    return prefix


class ExtensionBuilder:
    def __init__(self, taxonomy: Taxonomy, company: str | None, identifier: str, when: date | None):
        self.taxonomy = taxonomy
        self.prefix = extension_prefix(company)
        stamp = when.isoformat() if when else "undated"
        self.namespace = f"urn:legacy-xbrl:ext:{_slug(identifier)}:{stamp}"
        self.by_name: dict[str, ExtensionConcept] = {}
        self.first_kind: dict[str, StatementKind] = {}       # the kind of statement that first named the concept

    @property
    def extension(self) -> Extension:
        return Extension(self.prefix, self.namespace, list(self.by_name.values()))

    def concept_for(self, label: str, measure: Measure, period_type: str, taken: set[str],
                    kind: StatementKind | None = None, balance: str | None = None) -> Concept:
        """taken: names already used by other lines of the same statement, which must not share a concept. kind: the
        statement's; a line first named in an income statement may be the same concept where a cash-flow or equity
        statement prints it again (as us-gaap's income concepts are), one of another kind only in its own kind
        ('Repurchases of warrants' a payment of cash in one, a decrease of equity in the other). balance: the one
        the line's sum implies, where known: a name settled with the other is not the line's (mapping.facts gives
        a line a concept of its own where its sum reads it the other way)."""
        item_type = _ITEM_TYPES[measure]
        base = _camel_case(strip_footnote_marks(label))
        name, counter = base, 1
        while (name in taken or not self._fits(name, label, item_type, period_type) or not self._shared(name, kind)
               or not self._takes_balance(name, balance)):
            counter += 1
            name = f"{base}{counter}"
        # a name an earlier statement settled keeps its balance: the same line read in a second statement (a loss
        # added back in the cash flows) then takes the sign the first gave it
        declared = self.by_name.setdefault(name, ExtensionConcept(name, strip_footnote_marks(label), item_type,
                                                                   period_type, None))
        if kind is not None:
            self.first_kind.setdefault(name, kind)
        return Concept(self.prefix, name, item_type, period_type, declared.balance, False)

    def _takes_balance(self, name: str, balance: str | None) -> bool:
        existing = self.by_name.get(name)
        return balance is None or existing is None or existing.balance in (None, balance)

    def _shared(self, name: str, kind: StatementKind | None) -> bool:
        first = self.first_kind.get(name)
        return first is None or kind is None or first in (kind, StatementKind.INCOME)

    def member_for(self, segment: str) -> Concept:
        """The domain member naming a segment ('Credit Company' -> CreditCompanyMember)."""
        label = strip_footnote_marks(segment)
        base = _camel_case(label).removesuffix("Member") + "Member"
        name, counter = base, 1
        while not self._fits(name, label, _MEMBER_TYPE, "duration"):
            counter += 1
            name = f"{base.removesuffix('Member')}{counter}Member"
        self.by_name.setdefault(name, ExtensionConcept(name, label, _MEMBER_TYPE, "duration", None, abstract=True))
        return Concept(self.prefix, name, _MEMBER_TYPE, "duration", None, True)

    def settle_balance(self, name: str, balance: str | None) -> None:
        """The first statement that sums the line decides its balance (the balance of the total it adds into)."""
        current = self.by_name.get(name)
        if (current is not None and current.balance is None and balance
                and current.item_type.endswith("monetaryItemType")):
            self.by_name[name] = replace(current, balance=balance)

    def _fits(self, name: str, label: str, item_type: str, period_type: str) -> bool:
        if f"us-gaap:{name}" in self.taxonomy.concepts or f"dei:{name}" in self.taxonomy.concepts:
            return False
        existing = self.by_name.get(name)
        return existing is None or (existing.item_type, existing.period_type, existing.label.lower()) == (
            item_type, period_type, strip_footnote_marks(label).lower())


def _camel_case(label: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", label.replace("&", " and "))
    name = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 4 else w for w in words)
    if not name or not name[0].isalpha():
        name = "Line" + name
    return name[:MAX_NAME]


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip("-") or "unknown"
