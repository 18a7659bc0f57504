"""Statements and cover page to facts: us-gaap concepts by label patterns, signs by meaning, dei cover facts."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from converter.mapping.choice import ConceptChooser
from converter.mapping.cover import cover_facts, document_date
from converter.mapping.ex27 import check_schedules
from converter.mapping.extensions import ExtensionBuilder
from converter.mapping.facts import MappingContext, map_statement
from converter.mapping.label_facts import LabelLine, facts_in_labels
from converter.mapping.labels import LabelMap, check_builtin_concepts
from converter.mapping.networks import merge_networks
from converter.model import Entity, Fact, FactSet, Filing, Issue, IssueCode, Period, Severity, Statement, Withheld
from converter.taxonomy import Taxonomy
from converter.text.numbers import agree_at_precision, facts_agree

CIK_SCHEME = "http://www.sec.gov/CIK"
UNIDENTIFIED_SCHEME = "urn:legacy-xbrl:registrant-name"


def map_filing(filing: Filing, statements: list[Statement], taxonomy: Taxonomy, cik: str | None = None,
               overrides: Path | None = None) -> FactSet:
    entity, issues = choose_entity(filing, cik)
    context = mapping_context(taxonomy, entity, document_date(filing.cover, filing.header), overrides)
    extensions = context.extensions
    facts: list[Fact] = []
    label_lines: list[LabelLine] = []
    result = FactSet(entity=entity, facts=[], rows=[], issues=issues, documents=filing.documents,
                     form_type=filing.form_type)
    for index, statement in enumerate(statements):
        mapped = map_statement(index, statement, context)
        facts.extend(mapped.facts)
        result.rows.extend(mapped.rows)
        issues.extend(mapped.issues)
        label_lines.extend(mapped.label_lines)
        if mapped.network is not None and mapped.network.concepts:
            result.networks.append(mapped.network)
    in_labels = facts_in_labels(label_lines, statements, facts, taxonomy)
    facts.extend(in_labels.facts)
    issues.extend(in_labels.issues)
    result.networks, merge_issues = merge_networks(result.networks)
    issues.extend(merge_issues)
    unique, conflicting = deduplicate(facts)
    # a schedule value is checked against the withheld printings too: it never stands in for them unchecked
    schedule_facts, checks = check_schedules(filing.schedules, unique + [w.fact for w in conflicting], taxonomy)
    unique, conflicting_schedule = deduplicate(unique + schedule_facts)
    result.withheld = conflicting + conflicting_schedule
    issues.extend(_withheld_issues(result.withheld))
    period = _document_period(filing, unique)
    if period is not None:
        unique = cover_facts(filing.cover, filing.header, period, entity.identifier
                             if entity.scheme == CIK_SCHEME else None) + unique
    result.extension = extensions.extension
    result.facts = unique
    result.namespaces = dict(taxonomy.namespaces, **{extensions.prefix: extensions.namespace})
    result.schema_urls = dict(taxonomy.schema_urls)
    result.schedule_checks = checks
    return result


def mapping_context(taxonomy: Taxonomy, entity: Entity, when: date | None = None,
                    overrides: Path | None = None) -> MappingContext:
    check_builtin_concepts(taxonomy)
    return MappingContext(taxonomy, ConceptChooser(taxonomy, LabelMap(overrides)),
                          ExtensionBuilder(taxonomy, entity.name, entity.identifier, when))


def choose_entity(filing: Filing, cik: str | None) -> tuple[Entity, list[Issue]]:
    """The CIK from the SEC header, else --cik; with neither, the registrant's name (never an invented CIK)."""
    name = filing.cover.registrant_name or filing.header.company_name
    chosen = filing.header.cik or (cik.strip().zfill(10) if cik else None)
    if chosen:
        return Entity(CIK_SCHEME, chosen, name), []
    identifier = re.sub(r"[^A-Za-z0-9]+", "-", name or "UNKNOWN").strip("-").upper() or "UNKNOWN"
    return Entity(UNIDENTIFIED_SCHEME, identifier, name), [Issue(
        IssueCode.NO_CIK, Severity.WARNING, f"no CIK in the filing and none given (--cik): entity identified as "
        f"{identifier!r} in scheme {UNIDENTIFIED_SCHEME}")]


def deduplicate(facts: list[Fact]) -> tuple[list[Fact], list[Withheld]]:
    """A column printed in two statements gives one fact. A fact printed with two values is withheld, every
    printing: which is right the filing does not say, and a wrong number is worse than a missing one; except where
    the two are a power of 1000 apart and only one statement names its scale (_scale_stated_printing)."""
    seen: dict[tuple, list[Fact]] = {}
    for fact in facts:
        printings = seen.setdefault(fact.key, [])
        agreeing = next((i for i, other in enumerate(printings) if facts_agree(fact, other)), None)
        if agreeing is None:
            printings.append(fact)
        elif fact.places > printings[agreeing].places:
            printings[agreeing] = fact      # '150,123' in thousands says more than '150' in millions
    unique, withheld = [], []
    for printings in seen.values():
        kept = printings[0] if len(printings) == 1 else _scale_stated_printing(printings)
        if kept is not None:
            unique.append(kept)
        withheld.extend(_withheld_printing(fact, kept, printings) for fact in printings if fact is not kept)
    return unique, withheld


def _withheld_printing(fact: Fact, kept: Fact | None, printings: list[Fact]) -> Withheld:
    if kept is None:
        return Withheld(fact, IssueCode.CONFLICTING_VALUES, _printed_values(printings))
    return Withheld(fact, IssueCode.SCALE_UNSTATED,
                    f"{fact.value} (line {fact.source.line if fact.source else '?'}) in a statement that names no "
                    f"scale; {kept.value} (line {kept.source.line if kept.source else '?'}) where the scale is named")


def _scale_stated_printing(printings: list[Fact]) -> Fact | None:
    """Of printings a power of 1000 apart ('1,250' in a parent-only statement naming no scale, '1,250' in
    millions in the consolidated one), the one whose statement states its scale, where only one does."""
    stated = [fact for fact in printings if fact.scale_stated]
    if len(stated) != 1:
        return None
    kept = stated[0]
    others = [fact for fact in printings if fact is not kept]
    return kept if all(_powers_of_thousand_apart(kept, other) for other in others) else None


def _powers_of_thousand_apart(first: Fact, second: Fact) -> bool:
    if not isinstance(first.value, Decimal) or not isinstance(second.value, Decimal):
        return False
    return any(agree_at_precision(first.value, first.places, second.value.scaleb(power), second.places - power)
               for power in (3, 6, 9, -3, -6, -9))




def _printed_values(printings: list[Fact]) -> str:
    return "printed as " + ", ".join(f"{f.value} (line {f.source.line if f.source else '?'})" for f in printings)


def _withheld_issues(withheld: list[Withheld]) -> list[Issue]:
    """One issue per withheld fact, however many printings it had."""
    first: dict[tuple, Withheld] = {}
    for item in withheld:
        first.setdefault((item.code, item.fact.concept, item.fact.period, item.fact.dimensions), item)
    return [Issue(item.code, Severity.ERROR, f"{item.fact.concept} {item.fact.period} withheld: {item.reason}",
                  item.fact.source) for item in first.values()]


def _document_period(filing: Filing, facts: list[Fact]) -> Period | None:
    """dei facts take the document's period: the report date for an 8-K, else the latest duration reported."""
    when = document_date(filing.cover, filing.header)
    durations = sorted((f.period for f in facts if not f.period.is_instant), key=lambda p: (p.end, p.start))
    if durations and (when is None or durations[-1].end == when):
        return durations[-1]
    if when is not None:
        return Period(start=when, end=when)
    return durations[-1] if durations else None
