"""Statements to us-gaap facts: concept per row, value with sign by meaning, scale, period, unit, decimals."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from converter.mapping.labels import LabelMap
from converter.mapping.signs import SignResolver
from converter.mapping.structure import find_sums
from converter.model import (Amount, lexical, ColumnRole, Fact, Measure, Period, RowMapping, Statement, StatementRow, Unit)
from converter.taxonomy import Concept, Taxonomy

_UNITS = {Measure.MONETARY: Unit.USD, Measure.SHARES: Unit.SHARES, Measure.PER_SHARE: Unit.USD_PER_SHARE}


@dataclass
class StatementFacts:
    facts: list[Fact] = field(default_factory=list)
    rows: list[RowMapping] = field(default_factory=list)


def map_statement(index: int, statement: Statement, taxonomy: Taxonomy, labels: LabelMap) -> StatementFacts:
    result = StatementFacts()
    reported = [i for i, c in enumerate(statement.columns) if c.role is ColumnRole.REPORTED and c.period]
    concepts: dict[int, Concept | None] = {}
    rules: dict[int, str] = {}
    for row_index, row in enumerate(statement.rows):
        if row.is_heading:
            continue
        concept, rule = _concept_for(statement, row, taxonomy, labels)
        concepts[row_index], rules[row_index] = concept, rule
    signs = SignResolver(statement.kind, find_sums(statement, reported), concepts,
                         {i: r.label for i, r in enumerate(statement.rows)},
                         {i: _printed_negative(r, reported) for i, r in enumerate(statement.rows)})
    for row_index, concept in concepts.items():
        row = statement.rows[row_index]
        mapping = RowMapping(statement=index, label=row.label, concept=concept.qname if concept else None,
                             rule=rules[row_index])
        if concept is not None:
            orientation = signs.orientation(row_index) if row.measure is Measure.MONETARY else 1
            for column in reported:
                fact = _fact(statement, row, column, concept, orientation)
                if fact is not None:
                    result.facts.append(fact)
                    mapping.values[str(fact.period)] = lexical(fact.value)
        result.rows.append(mapping)
    return result


def _concept_for(statement: Statement, row: StatementRow, taxonomy: Taxonomy, labels: LabelMap
                 ) -> tuple[Concept | None, str]:
    if row.measure is Measure.PERCENT:
        return None, "percentage row: a ratio of other lines, not tagged"
    rule = labels.lookup(statement.kind, row.label)
    if rule is None:
        return None, "no label pattern matched"
    concept = taxonomy.get(rule.concept)
    if concept is None or concept.abstract:
        return None, f"{rule.origin}: {rule.concept} is not a concept of the loaded taxonomy"
    expected_unit = _UNITS[row.measure]
    if unit_of(concept) is not expected_unit:
        return None, f"{rule.origin}: {rule.concept} does not take {expected_unit.value} values"
    return concept, rule.origin


def unit_of(concept: Concept) -> Unit | None:
    if concept.is_monetary:
        return Unit.USD
    if concept.type.endswith("sharesItemType"):
        return Unit.SHARES
    if concept.type.endswith("perShareItemType"):
        return Unit.USD_PER_SHARE
    return None


def _fact(statement: Statement, row: StatementRow, column: int, concept: Concept, orientation: int) -> Fact | None:
    amount = row.amounts[column]
    period = _fact_period(statement.columns[column].period, concept, row.label)
    if amount is None or period is None:
        return None
    power = {Measure.MONETARY: statement.scale.money, Measure.SHARES: statement.scale.shares}.get(row.measure, 0)
    value = (amount.value * orientation).scaleb(power)
    return Fact(concept=concept.qname, value=_normalised(value), period=period, unit=_UNITS[row.measure],
                decimals=_decimals(amount, power),
                source=row.cell_sources[column] if column < len(row.cell_sources) else row.source)


def _fact_period(period: Period | None, concept: Concept, label: str) -> Period | None:
    """A balance in a flow statement ('Cash at beginning of period') is the instant at that end of the period."""
    if period is None:
        return None
    if concept.period_type == "duration":
        return period if not period.is_instant else None
    if period.is_instant:
        return period
    if "beginning" in label.lower():
        return Period(end=period.start - timedelta(days=1))
    return Period(end=period.end)


def _decimals(amount: Amount, power: int) -> int:
    return amount.places - power


def _normalised(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _printed_negative(row: StatementRow, columns: list[int]) -> bool:
    values = [row.amounts[c].value for c in columns if row.amounts[c] is not None and row.amounts[c].value != 0]
    return bool(values) and all(v < 0 for v in values)
