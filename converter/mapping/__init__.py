"""Statements and cover page to facts: us-gaap concepts by label patterns, signs by meaning, dei cover facts."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from converter.mapping.calculations import inconsistent_sums
from converter.mapping.choice import ConceptChooser
from converter.mapping.cover import cover_facts, document_date
from converter.mapping.ex27 import check_schedules
from converter.mapping.extensions import ExtensionBuilder
from converter.mapping.facts import MappingContext, map_statement
from converter.mapping.labels import LabelMap
from converter.mapping.networks import merge_networks
from converter.model import Entity, Fact, FactSet, Filing, Period, Statement
from converter.taxonomy import Taxonomy

CIK_SCHEME = "http://www.sec.gov/CIK"
UNIDENTIFIED_SCHEME = "urn:legacy-xbrl:registrant-name"


def map_filing(filing: Filing, statements: list[Statement], taxonomy: Taxonomy, cik: str | None = None,
               overrides: Path | None = None) -> FactSet:
    entity, warnings = choose_entity(filing, cik)
    context = mapping_context(taxonomy, entity, document_date(filing.cover, filing.header), overrides)
    extensions = context.extensions
    facts: list[Fact] = []
    result = FactSet(entity=entity, facts=[], rows=[], warnings=warnings, documents=filing.documents)
    for index, statement in enumerate(statements):
        mapped = map_statement(index, statement, context)
        facts.extend(mapped.facts)
        result.rows.extend(mapped.rows)
        result.structure_issues.extend(mapped.issues)
        if mapped.network is not None and mapped.network.concepts:
            result.networks.append(mapped.network)
    result.networks, issues = merge_networks(result.networks)
    result.structure_issues.extend(issues)
    unique, conflicts = deduplicate(facts)
    warnings.extend(conflicts)
    schedule_facts, checks = check_schedules(filing.schedules, unique, taxonomy)
    unique, conflicts = deduplicate(unique + schedule_facts)
    warnings.extend(conflicts)
    period = _document_period(filing, unique)
    if period is not None:
        unique = cover_facts(filing.cover, filing.header, period, entity.identifier
                             if entity.scheme == CIK_SCHEME else None) + unique
    result.extension = extensions.extension
    result.facts = unique
    result.namespaces = dict(taxonomy.namespaces, **{extensions.prefix: extensions.namespace})
    result.schema_urls = dict(taxonomy.schema_urls)
    result.schedule_checks = checks
    result.inconsistent_sums = inconsistent_sums(result)
    return result


def mapping_context(taxonomy: Taxonomy, entity: Entity, when: date | None = None,
                    overrides: Path | None = None) -> MappingContext:
    return MappingContext(taxonomy, ConceptChooser(taxonomy, LabelMap(overrides)),
                          ExtensionBuilder(taxonomy, entity.name, entity.identifier, when))


def choose_entity(filing: Filing, cik: str | None) -> tuple[Entity, list[str]]:
    """The CIK from the SEC header, else --cik; with neither, the registrant's name (never an invented CIK)."""
    name = filing.cover.registrant_name or filing.header.company_name
    chosen = filing.header.cik or (cik.strip().zfill(10) if cik else None)
    if chosen:
        return Entity(CIK_SCHEME, chosen, name), []
    identifier = re.sub(r"[^A-Za-z0-9]+", "-", name or "UNKNOWN").strip("-").upper() or "UNKNOWN"
    return Entity(UNIDENTIFIED_SCHEME, identifier, name), [
        f"no CIK in the filing and none given (--cik): entity identified as {identifier!r} "
        f"in scheme {UNIDENTIFIED_SCHEME}"]


def deduplicate(facts: list[Fact]) -> tuple[list[Fact], list[str]]:
    """A column printed in two statements gives one fact; two different values for one fact are reported."""
    seen: dict[tuple, Fact] = {}
    conflicts = []
    for fact in facts:
        key = (fact.concept, fact.period, fact.unit, fact.dimensions)
        first = seen.get(key)
        if first is None:
            seen[key] = fact
        elif first.value != fact.value:
            conflicts.append(f"{fact.concept} {fact.period}: {first.value} kept, {fact.value} also printed "
                             f"(line {fact.source.line if fact.source else '?'})")
    return list(seen.values()), conflicts


def _document_period(filing: Filing, facts: list[Fact]) -> Period | None:
    """dei facts take the document's period: the report date for an 8-K, else the latest duration reported."""
    when = document_date(filing.cover, filing.header)
    durations = sorted((f.period for f in facts if not f.period.is_instant), key=lambda p: (p.end, p.start))
    if durations and (when is None or durations[-1].end == when):
        return durations[-1]
    if when is not None:
        return Period(start=when, end=when)
    return durations[-1] if durations else None
