"""Statements to facts: concept per row (standard or extension), value with sign by meaning, scale, period, unit,
decimals; and the statement's presentation and calculation network."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal

from converter.mapping.choice import UNITS, Choice, ConceptChooser
from converter.mapping.extensions import ExtensionBuilder
from converter.mapping.label_facts import LabelLine, prints_label_facts
from converter.mapping.labels import normalise_label
from converter.mapping.learned import standings
from converter.mapping.dimensions import axes, component_total, equity_components
from converter.mapping.networks import build_network
from converter.mapping.signs import MIXED, NEGATIVE, POSITIVE, SignResolver
from converter.statements import find_sums, printed_power, section_above, unbalanced_totals
from converter.model import (CONFIRMED, NOT_ADDING_UP, Amount, ColumnRole, Confidence, Dimensions, Fact, Issue,
                             IssueCode, Measure, Network, Period, RowMapping, Severity, Statement, StatementKind,
                             StatementRow, lexical)
from converter.text.dates import month_word
from converter.text.numbers import agree_at_precision, normalised_value
from converter.text.profiles import carried_income, profile
from converter.text.quantities import read_label_quantities
from converter.text.vocabulary import vocabulary
from converter.taxonomy import Concept, Taxonomy


@dataclass
class MappingContext:
    taxonomy: Taxonomy
    chooser: ConceptChooser
    extensions: ExtensionBuilder
    # what the filing's earlier statements gave: (concept, period, dimensions) -> (amount unsigned, decimals, the
    # statement's kind, the line's label)
    earlier_amounts: dict[tuple[str, Period, Dimensions], tuple[Decimal, int, StatementKind, str]] = field(
        default_factory=dict)


@dataclass
class StatementFacts:
    facts: list[Fact] = field(default_factory=list)
    rows: list[RowMapping] = field(default_factory=list)
    network: Network | None = None
    issues: list[Issue] = field(default_factory=list)
    label_lines: list[LabelLine] = field(default_factory=list)   # lines whose labels print facts of their own


def map_statement(index: int, statement: Statement, context: MappingContext) -> StatementFacts:
    reported = [i for i, c in enumerate(statement.columns) if c.role is ColumnRole.REPORTED and c.period]
    line_items = {i for i, row in enumerate(statement.rows) if _is_line_item(row, reported)}
    choices = _choices(statement, reported, line_items, context)
    concepts = {i: c.concept for i, c in choices.items() if c.concept is not None}
    sums = find_sums(statement, reported)
    links, disputed = sums.links, sums.disputed_cells()
    signs = SignResolver(statement.kind, links, dict(concepts), {i: r.label for i, r in enumerate(statement.rows)},
                         {i: _printing(r, reported) for i, r in enumerate(statement.rows)})
    _settle_extension_balances(statement, choices, concepts, signs, context.extensions)
    parts = {i for i, row in enumerate(statement.rows) if row.segment or (i in choices and choices[i].dimensions)}
    structure = build_network(statement, concepts, links, signs, context.taxonomy, parts)
    not_adding_up = unbalanced_totals(statement, reported, links)
    result = StatementFacts(network=structure.network, issues=structure.issues + [
        Issue(IssueCode.TOTAL_NOT_SUM, Severity.WARNING,
              f"{statement.kind.value} line {statement.rows[r].source.line}: printed total {statement.rows[r].label!r} "
              "is not the sum of the lines above it", statement.rows[r].source)
        for r in not_adding_up])
    totals = {link.parent for link in links.values()}
    made: list[tuple[Fact, str]] = []
    for row_index, choice in choices.items():
        row = statement.rows[row_index]
        confidence = Confidence.HIGH if row_index in structure.confirmed and choice.concept else choice.confidence
        dimensions = _fact_dimensions(row, choice, context.extensions)
        mapping = RowMapping(statement=index, label=row.label, concept=choice.concept.qname if choice.concept else None,
                             rule=choice.rule, confidence=confidence, extension=choice.extension,
                             line_item=row_index in line_items,
                             member=", ".join(member for _, member in dimensions) or None,
                             total=CONFIRMED if row_index in totals else NOT_ADDING_UP if row_index in not_adding_up
                             else None)
        if choice.concept is not None:
            orientation = signs.orientation(row_index) if row.measure is Measure.MONETARY else 1
            for column in reported:
                fact = _fact(statement, row, column, choice.concept, orientation, dimensions, index,
                             row_index in totals, disputed.get((row_index, column)))
                if fact is not None:
                    result.facts.append(fact)
                    made.append((fact, row.label))
                    mapping.values[str(fact.period)] = lexical(fact.value)
            if (statement.kind is StatementKind.BALANCE_SHEET and not choice.extension and not dimensions
                    and prints_label_facts(choice.concept.qname, row.label)):
                result.label_lines.append(LabelLine(index, row, choice.concept.qname, mapping))
        result.rows.append(mapping)
    if statement.kind is StatementKind.BALANCE_SHEET:
        _lines_printing_only_label_facts(index, statement, context, result)
    for fact, label in made:
        context.earlier_amounts.setdefault((fact.concept, fact.period, fact.dimensions),
                                           (abs(fact.value), fact.decimals, statement.kind, label))
    return result


def _lines_printing_only_label_facts(index: int, statement: Statement, context: MappingContext,
                                     result: StatementFacts) -> None:
    """'Preferred stock, no par value; authorized--165.0 million shares; issued--none', printed without figures of
    its own, still states its par value and shares: the line takes its concept for them, and no fact of its own."""
    sections, places = section_above(statement), _places(statement)
    for row_index, row in enumerate(statement.rows):
        if not row.is_heading or row.segment or not read_label_quantities(row.label).quantities:
            continue
        choice = context.chooser.choose(statement.kind, row, sections[row_index], places[row_index])
        if choice.concept is None or choice.dimensions or not prints_label_facts(choice.concept.qname, row.label):
            continue
        mapping = RowMapping(statement=index, label=row.label, concept=choice.concept.qname, rule=choice.rule,
                             confidence=choice.confidence)
        result.rows.append(mapping)
        result.label_lines.append(LabelLine(index, row, choice.concept.qname, mapping))


def _choices(statement: Statement, reported: list[int], line_items: set[int], context: MappingContext
             ) -> dict[int, Choice]:
    """Standard concepts first; a concept already taken by another line with other amounts, and every line item
    left without one, get an extension concept."""
    choices: dict[int, Choice] = {}
    taken: dict[_Key, int] = {}         # (concept, dimensions) -> the row that took it
    sections, places = section_above(statement), _places(statement)
    components = equity_components(statement)
    for row_index, row in enumerate(statement.rows):
        if row.is_heading:
            continue
        choice = _in_component(context.chooser.choose(statement.kind, _without_segment(row), sections[row_index],
                                                      places[row_index]), components.get(row_index))
        first = taken.get(_key(choice, row, context.extensions)) if choice.concept else None
        if first is None and choice.concept is not None and _reported_otherwise(statement, row, choice, reported,
                                                                                 context):
            choice = Choice(None, f"{choice.rule}: an earlier statement reports another amount for the concept")
        if first is not None and _clash(statement, statement.rows[first], row, choice.concept, reported) \
                and not _opening_and_closing(statement.rows[first], row, choice.concept):
            if _surer_total(row, statement.rows[first]) or _reviewed_over_learned(choice, choices[first]):
                # "Total stockholders' equity" is surer of the concept than a "Balance at end of year" above it, and
                # a reviewed rule than the learned table's choice for another line
                lost = Choice(None, f"{choices[first].rule}: concept taken by the stated total {row.label!r}")
                choices[first] = _extension(statement, statement.rows[first], lost, taken, context.extensions) \
                    if first in line_items else lost
                taken[_key(choice, row, context.extensions)] = row_index
            elif _parallel(statement.rows[first], row):
                # 'Sale of Series A preferred stock' and 'Sale of Series B ...': two parts, neither the whole
                lost = Choice(None, f"{choices[first].rule}: also matched by the parallel line {row.label!r}")
                choices[first] = _extension(statement, statement.rows[first], lost, taken, context.extensions) \
                    if first in line_items else lost
                choice = Choice(None, f"{choice.rule}: a part like {statement.rows[first].label!r}")
            else:
                choice = Choice(None, f"{choice.rule}: concept already taken by {statement.rows[first].label!r}")
        if choice.concept is None and row_index in line_items:
            choice = _extension(statement, row, choice, taken, context.extensions)
        if choice.concept is not None:
            taken.setdefault(_key(choice, row, context.extensions), row_index)
        choices[row_index] = choice
    _count_shares_as_per_share_lines(statement, choices, context.taxonomy)
    return choices


def _places(statement: Statement) -> list[str]:
    return [standing.place for standing in standings([None if row.is_heading else row.label
                                                      for row in statement.rows])]


def _count_shares_as_per_share_lines(statement: Statement, choices: dict[int, Choice], taxonomy: Taxonomy) -> None:
    """'Shares used in computation' under 'Basic and diluted net loss per share' counts basic and diluted shares
    at once (the kind's profile names the concepts; see kinds.toml, share_counts)."""
    names = profile(statement.kind).share_counts
    chosen = {choice.concept.qname for choice in choices.values() if choice.concept}
    if (not names or names["combined_per_share"] not in chosen or names["basic_per_share"] in chosen
            or names["combined"] in chosen):      # a line already states the combined count
        return
    combined = taxonomy.concepts.get(names["combined"])
    qualified = vocabulary().rows["basic_or_diluted"]
    for index, choice in choices.items():
        if (combined and choice.concept and choice.concept.qname == names["basic"]
                and not qualified.search(statement.rows[index].label)):
            choices[index] = replace(choice, concept=combined,
                                     rule=f"{choice.rule}, basic and diluted as the statement's per-share lines")


def _reported_otherwise(statement: Statement, row: StatementRow, choice: Choice, reported: list[int],
                        context: MappingContext) -> bool:
    """Whether an earlier statement of the filing gave the concept another amount for one of the row's periods
    (the cash flow's 'Amortization of intangibles and other costs' is not the income statement's 'Amortization of
    intangibles'; a parent-only balance sheet's 'Total assets' is not the consolidated one): the row then takes an
    extension rather than a fact that would contradict one already made. Not so for the income a flow statement
    starts from ('Net income' in the income and the cash-flow statement; the kinds' profiles name it,
    adds_as_printed): the same line with two amounts in statements of two kinds means one was read wrong, so both
    facts are made and the checks withhold them."""
    assert choice.concept is not None
    dimensions = _fact_dimensions(row, choice, context.extensions)
    power = printed_power(statement, row)
    for period, amount in _amounts(statement, row, choice.concept, reported).items():
        earlier = context.earlier_amounts.get((choice.concept.qname, period, dimensions))
        if (earlier is not None and earlier[2] is not statement.kind and choice.concept.qname in carried_income()
                and normalise_label(earlier[3]) == normalise_label(row.label)):
            return False
        if earlier is not None and not agree_at_precision(earlier[0], earlier[1], abs(amount.value.scaleb(power)),
                                                          _decimals(amount, power)):
            return True
    return False


def _surer_total(row: StatementRow, first: StatementRow) -> bool:
    """A total beats a generic line above it; a printed total beats a subtotal printed without a label (named
    here from its section) above it."""
    stated_total = vocabulary().structure["stated_total"]
    return bool(stated_total.search(row.label)) and (not stated_total.search(first.label) or (
        first.synthesized_label and not row.synthesized_label))


def _reviewed_over_learned(choice: Choice, first: Choice) -> bool:
    return first.learned and not choice.learned and not choice.extension


def _opening_and_closing(first: StatementRow, row: StatementRow, concept: Concept) -> bool:
    """'Cash at beginning of year' and 'Cash at end of year' are one balance at two dates: where the filing prints
    it twice with two values (this year's opening, last year's closing), both printings are withheld as conflicting,
    and neither line loses its concept."""
    opening = vocabulary().structure["period_start"]
    return concept.period_type == "instant" and bool(opening.search(first.label)) != bool(opening.search(row.label))


def _parallel(first: StatementRow, row: StatementRow) -> bool:
    """Two lines worded alike but for a designation ('Series A' and 'Series B', 'Class I' and 'Class II'), or
    alike in full (one per section), name parts of a thing: the concept both match is the whole's, which neither
    line is."""
    earlier, later = normalise_label(first.label).split(), normalise_label(row.label).split()
    differing = [(a, b) for a, b in zip(earlier, later) if a != b]
    return len(earlier) == len(later) and len(differing) <= 1 and all(
        _DESIGNATION.match(a) and _DESIGNATION.match(b) for a, b in differing)


_PRINTED_FIGURE = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?|\$\.\d+|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DESIGNATION = re.compile(r"^(?:[a-z]|[ivx]+|\d{1,2})$")


def _without_segment(row: StatementRow) -> StatementRow:
    """A segment's line read without the segment's name: 'Total Machinery assets' is that segment's total assets,
    'Income before income taxes - Machinery' its income before income taxes."""
    if not row.segment:
        return row
    name = re.escape(row.segment).replace(r"\ ", r"\s+")
    label = re.sub(rf"\s*[-\u2013\u2014:,]?\s*\b{name}\b\s*", " ", row.label, flags=re.I)
    return replace(row, label=" ".join(label.split()))


def _in_component(choice: Choice, member: str | None) -> Choice:
    """A change printed in a component's section is that component's change, and a balance there is the
    component's equity; a balance with a concept of the component's own (retained earnings) needs no member."""
    if member is None or choice.concept is None or (
            choice.concept.period_type != "duration" and choice.concept.qname != component_total()):
        return choice
    return replace(choice, dimensions=choice.dimensions + ((axes()["equity_component"], member),))


_Key = tuple[str, Dimensions]


def _key(choice: Choice, row: StatementRow, extensions: ExtensionBuilder) -> _Key:
    """Lines of one statement share a concept only as different parts of it (segments, product lines)."""
    assert choice.concept is not None
    return choice.concept.qname, _fact_dimensions(row, choice, extensions)


def _extension(statement: Statement, row: StatementRow, unmatched: Choice,
               taken: dict[_Key, int], extensions: ExtensionBuilder) -> Choice:
    period_type = profile(statement.kind).period_type
    own = _fact_dimensions(row, unmatched, extensions)    # an extension line is no part but of its segment
    names = {q.partition(":")[2] for q, dimensions in taken
             if q.startswith(extensions.prefix + ":") and dimensions == own}
    # named without the facts its label prints: 'Class B common stock, $.0001 par value, ...' is ClassBCommonStock,
    # and without amounts and counts ('Series C: 500,000 shares designated') where the grammar reads none
    name = _PRINTED_FIGURE.sub(" ", read_label_quantities(row.label).name)
    concept = extensions.concept_for(" ".join(name.split()) or row.label, row.measure, period_type, names,
                                     statement.kind)
    return Choice(concept, f"extension: no us-gaap concept ({unmatched.rule})", Confidence.LOW, extension=True)


def _settle_extension_balances(statement: Statement, choices: dict[int, Choice], concepts: dict[int, Concept],
                               signs: SignResolver, extensions: ExtensionBuilder) -> None:
    """Each extension concept takes the balance the first statement summing its line implies; the line's sign is
    then read by that balance, here and in every later statement that prints the line again (one that sums it the
    other way gives it a concept of its own)."""
    implied = {row: signs.implied_balance(row) for row, choice in choices.items()
               if choice.extension and choice.concept}
    for row_index, balance in implied.items():
        concept = choices[row_index].concept
        declared = extensions.by_name[concept.name].balance
        if declared and balance and declared != balance:
            taken = {c.concept.name for c in choices.values() if c.extension and c.concept}
            # the label printed again where its sum reads it the other way is another concept, each read as its own
            # statement sums it: 'Separate accounts' an asset and a liability; a loss in the income statement (a
            # credit, negative) and added back in the cash flows (a debit, positive); never one fact of two signs
            concept = extensions.concept_for(extensions.by_name[concept.name].label, statement.rows[row_index].measure,
                                             concept.period_type, taken, statement.kind, balance)
            choices[row_index] = replace(choices[row_index], concept=concept)
        name = concept.name
        extensions.settle_balance(name, balance)
        settled = replace(choices[row_index].concept, balance=extensions.by_name[name].balance)
        concepts[row_index] = settled
        signs.settle(row_index, settled)


def _is_line_item(row: StatementRow, reported: list[int]) -> bool:
    return (not row.is_heading and row.measure is not Measure.PERCENT
            and any(row.amounts[c] is not None for c in reported))


def _clash(statement: Statement, first: StatementRow, row: StatementRow, concept: Concept, reported: list[int]
           ) -> bool:
    """Two lines on one concept clash where they give one period two amounts ('Cash at beginning of year' and
    'Cash at end of year' do not: their periods differ)."""
    earlier, later = _amounts(statement, first, concept, reported), _amounts(statement, row, concept, reported)
    return any(earlier[p].value != later[p].value for p in earlier.keys() & later.keys())


def _amounts(statement: Statement, row: StatementRow, concept: Concept, reported: list[int]) -> dict[Period, Amount]:
    """The row's printed amounts by the period each would be a fact of."""
    return {period: row.amounts[c] for c in reported if row.amounts[c] is not None
            and (period := _period(statement, row, c, concept)) is not None}


def _fact_dimensions(row: StatementRow, choice: Choice, extensions: ExtensionBuilder) -> Dimensions:
    """The row's segment, then the part of the concept its choice names (a product line, an equity component)."""
    segment = ((axes()["segment"], extensions.member_for(row.segment).qname),) if row.segment else ()
    return segment + choice.dimensions


def _fact(statement: Statement, row: StatementRow, column: int, concept: Concept, orientation: int,
          dimensions: Dimensions = (), index: int | None = None, closes_sum: bool = False,
          disputed: str | None = None) -> Fact | None:
    """index: the statement's; closes_sum: the row is a total its printed lines add up to; disputed: why a sum
    contradicts this cell."""
    amount = row.amounts[column]
    period = _period(statement, row, column, concept)
    if amount is None or period is None:
        return None
    power = printed_power(statement, row)
    value = (amount.value * orientation).scaleb(power)
    return Fact(concept=concept.qname, value=normalised_value(value), period=period, unit=UNITS[row.measure],
                decimals=_decimals(amount, power),
                source=row.cell_sources[column] if column < len(row.cell_sources) else row.source,
                dimensions=dimensions, statement=index, scale=power, closes_sum=closes_sum, disputed=disputed,
                scale_stated=statement.scale.stated or row.scale is not None
                or row.measure not in (Measure.MONETARY, Measure.SHARES))


def _period(statement: Statement, row: StatementRow, column: int, concept: Concept) -> Period | None:
    """A roll-forward row's own period, else the column's, as the concept's period type takes it."""
    return _fact_period(row.period or statement.columns[column].period, concept, row.label)


def _fact_period(period: Period | None, concept: Concept, label: str) -> Period | None:
    """A balance in a flow statement ('Cash at beginning of period') is the instant at that end of the period."""
    if period is None:
        return None
    if concept.period_type == "duration":
        return period if not period.is_instant else None
    if period.is_instant:
        return period
    if vocabulary().structure["period_start"].search(label) or _names_start_month(label, period):
        return Period(end=period.start - timedelta(days=1))
    return Period(end=period.end)


def _names_start_month(label: str, period: Period) -> bool:
    """'Cash at January 1' under a year that starts in January is the opening balance."""
    months = {m.group(0).lower()[:3] for m in month_word().finditer(label)}
    start, end = period.start.strftime("%b").lower(), period.end.strftime("%b").lower()
    return start != end and start in months and end not in months


def _decimals(amount: Amount, power: int) -> int:
    return amount.places - power


def _printing(row: StatementRow, columns: list[int]) -> str:
    """How the row's non-zero amounts are printed across the columns: all negative, all positive, or mixed."""
    values = [row.amounts[c].value for c in columns if row.amounts[c] is not None and row.amounts[c].value != 0]
    if values and all(v < 0 for v in values):
        return NEGATIVE
    return MIXED if any(v < 0 for v in values) else POSITIVE
