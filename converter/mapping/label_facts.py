"""Facts a balance-sheet line prints inside its label (converter.text.quantities reads them): each takes its concept
by the concept of the line it stands in (taxonomy_maps/label_facts.toml), its period from the balance-sheet column
it is printed for, and its scale from the words beside it, the line's or the caption's.

A share count printed in a label without a scale word is often printed whole under a caption in thousands
("(In thousands)" over "20,000,000 shares authorized"), and as often in the caption's thousands: the filing's own
figures decide (the count beside the weighted-average shares the income statement prints, par value times shares
issued beside the line's amount). Where they do not, the counts are not written and the report says why."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from converter.mapping.choice import UNITS
from converter.model import (ColumnRole, Fact, Issue, IssueCode, Measure, Period, RowMapping, Severity, Statement,
                             StatementRow, lexical)
from converter.statements import printed_power
from converter.taxonomy import Taxonomy
from converter.text.maps import MapsError, read_toml, where
from converter.text.numbers import agree_at_precision, normalised_value
from converter.text.per_share import per_share_arithmetic
from converter.text.quantities import LABEL_FACTS, LabelQuantity, PrintedValue, grammar, read_label_quantities

# A count of shares issued or outstanding is within this factor of the weighted-average shares of a period
# ending at its date or near it; counts read at the wrong power of ten are 1,000 times off.
_NEAR_WEIGHTED_AVERAGE = Decimal(5)


@dataclass
class LabelLine:
    """A balance-sheet line whose label may print facts, with the concept and report entry its line took."""
    statement: int
    row: StatementRow
    concept: str
    mapping: RowMapping


@dataclass(frozen=True)
class _Candidate:
    line: LabelLine
    kind: str
    concept: str
    value: PrintedValue
    period: Period
    power: int | None          # None: a share count whose power the statement's figures decide


@dataclass
class LabelFacts:
    facts: list[Fact] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


@lru_cache(maxsize=1)
def label_concepts() -> dict[str, dict[str, tuple[str, ...]]]:
    """line concept -> kind -> the concepts its quantities of that kind take ([concepts] of label_facts.toml)."""
    table = read_toml(LABEL_FACTS).get("concepts", {})
    kinds = {kind for kind, _ in grammar().kinds} | {grammar().bare_kind}
    for line, by_kind in table.items():
        unknown = [kind for kind in by_kind if kind not in kinds]
        if unknown:
            raise MapsError(f"{where(LABEL_FACTS, line)}: unknown kind {unknown[0]!r} under [concepts.{line!r}]")
    return {line: {kind: tuple(concepts) for kind, concepts in by_kind.items()} for line, by_kind in table.items()}


def prints_label_facts(concept: str, label: str) -> bool:
    return concept in label_concepts() and bool(read_label_quantities(label).quantities)


def facts_in_labels(lines: list[LabelLine], statements: list[Statement], facts: list[Fact],
                    taxonomy: Taxonomy) -> LabelFacts:
    """The label facts of every listed line; `facts` are the statements' own, the evidence for share scales."""
    result = LabelFacts()
    for index in sorted({line.statement for line in lines}):
        statement = statements[index]
        candidates = [candidate for line in lines if line.statement == index
                      for candidate in _candidates(statement, line, taxonomy)]
        power = _share_power(statement, candidates, facts)
        if power is None and any(c.power is None for c in candidates):
            result.issues.append(Issue(
                IssueCode.LABEL_SCALE_UNDECIDED, Severity.WARNING,
                f"{statement.kind.value} line {statement.source.line}: share counts printed in labels not written: "
                f"the caption scales shares by 10^{statement.scale.shares} and no figure of the filing says whether "
                "the labels print them scaled or whole", statement.source))
        for candidate in candidates:
            chosen = candidate.power if candidate.power is not None else power
            if chosen is not None:
                fact = _fact(index, statement, candidate, chosen)
                result.facts.append(fact)
                candidate.line.mapping.label_facts[f"{fact.concept} {fact.period}"] = lexical(fact.value)
    return result


def _candidates(statement: Statement, line: LabelLine, taxonomy: Taxonomy) -> list[_Candidate]:
    by_kind = label_concepts().get(line.concept, {})
    columns = [c.period for c in statement.columns
               if c.role is ColumnRole.REPORTED and c.period is not None and c.period.is_instant]
    words = grammar()
    found = []
    for kind, quantity in _merged(read_label_quantities(line.row.label).quantities).items():
        concepts = [c for c in by_kind.get(kind, ()) if c in taxonomy.concepts]
        measure = Measure(words.measures[kind])
        for value, period in _assigned(quantity.values, columns, kind in words.standing or _all_zero(quantity)):
            power = _power(statement, line.row, quantity, measure)
            found.extend(_Candidate(line, kind, concept, value, period, power) for concept in concepts)
    return found


def _merged(quantities: tuple[LabelQuantity, ...]) -> dict[str, LabelQuantity]:
    """One quantity per kind: 'of $71 ($64 at December 31, 1996)' is one allowance at two dates."""
    merged: dict[str, LabelQuantity] = {}
    for quantity in quantities:
        if quantity.kind in merged:
            earlier = merged[quantity.kind]
            if earlier.power != quantity.power:
                continue
            quantity = LabelQuantity(quantity.kind, earlier.values + quantity.values, quantity.power)
        merged[quantity.kind] = quantity
    return merged


def _all_zero(quantity: LabelQuantity) -> bool:
    return all(value.value == 0 and not value.when for value in quantity.values)


def _assigned(values: tuple[PrintedValue, ...], columns: list[Period], standing: bool
              ) -> list[tuple[PrintedValue, Period]]:
    """Each value with the balance-sheet date it is printed for: dated values by their date or year, the others in
    column order where as many are printed as dates remain, or at every date where one value is printed alone (or
    a standing one beside dated ones)."""
    pairs: list[tuple[PrintedValue, Period]] = []
    remaining = list(columns)
    for value in (v for v in values if v.when):
        periods = [_period_of(when, columns) for when in value.when]
        if any(p is None for p in periods):
            return []           # a date no column has: the printing is not the one the columns show
        for period in periods:
            pairs.append((value, period))
            if period in remaining:
                remaining.remove(period)
    undated = [v for v in values if not v.when]
    if len(undated) == len(remaining):
        pairs.extend(zip(undated, remaining))
    elif len(undated) == 1 and (standing or not pairs or len(remaining) == 1):
        # one figure printed for a balance sheet of several dates holds at each ('issued--812.4 million shares')
        pairs.extend((undated[0], period) for period in remaining)
    elif undated:
        return []
    return pairs


def _period_of(when, columns: list[Period]) -> Period | None:
    if isinstance(when, int):
        matching = [p for p in columns if p.end.year == when]
    else:
        matching = [p for p in columns if p.end == when]
    return matching[0] if len(set(matching)) == 1 else None


def _power(statement: Statement, row: StatementRow, quantity: LabelQuantity, measure: Measure) -> int | None:
    """The power of ten a value is printed in: a word's ('3.5 billion shares'); per-share values never scale;
    amounts take the line's or the caption's scale; a share count the row's own words' or, where the caption scales
    shares, None: the statement's figures decide."""
    if measure is Measure.PER_SHARE:
        return 0
    if quantity.power is not None:
        return quantity.power
    power = printed_power(statement, row, measure)
    return power if measure is Measure.MONETARY or row.scale is not None or power == 0 else None


def _share_power(statement: Statement, candidates: list[_Candidate], facts: list[Fact]) -> int | None:
    """The one power of ten (printed whole, or in the caption's scale) at which the statement's label share counts
    agree with the filing's figures; None where no figure or both powers agree."""
    undecided = [c for c in candidates if c.power is None]
    if not undecided:
        return None
    plausible = {power for power in {0, statement.scale.shares} if _plausible(undecided, power)}
    supported = {power for power in plausible
                 if _near_weighted_average(undecided, facts, power) or _par_times_shares(statement, candidates, power)}
    if len(plausible) == 1:
        supported |= plausible
    return supported.pop() if len(supported) == 1 else None


def _plausible(candidates: list[_Candidate], power: int) -> bool:
    """No company has issued 10^11 shares: '41,250,300 shares issued' under '(In millions)' is printed whole."""
    most = Decimal(str(read_toml(LABEL_FACTS)["evidence"]["most_shares_issued"]))
    return all(c.value.value.scaleb(power) < most for c in candidates if c.kind in _COUNTS_NEAR_AVERAGE)


def _near_weighted_average(candidates: list[_Candidate], facts: list[Fact], power: int) -> bool:
    weighted = per_share_arithmetic().weighted_shares
    averages = [(f.period, _confirmed_count(f, facts)) for f in facts if f.concept in weighted
                and not f.dimensions and isinstance(f.value, Decimal) and f.value > 0]
    counted = [c for c in candidates if c.kind in _COUNTS_NEAR_AVERAGE and c.value.value > 0]
    return any(_near(c.value.value.scaleb(power), average)
               and abs((period.end - c.period.end).days) <= 366 for c in counted for period, average in averages)


def _confirmed_count(average: Fact, facts: list[Fact]) -> Decimal:
    """The weighted-average count as its period's net income over earnings per share states it, where both are
    printed: at a power of ten the count's own reading may have missed; else the count as read."""
    arithmetic = per_share_arithmetic()

    def first(concepts: tuple[str, ...]) -> Decimal | None:
        return next((f.value for concept in concepts for f in facts if f.concept == concept
                     and f.period == average.period and not f.dimensions and isinstance(f.value, Decimal)
                     and f.value != 0), None)
    eps, income = first(arithmetic.basic.earnings_per_share), first(arithmetic.income_to_common)
    return abs(income / eps) if eps is not None and income is not None else average.value


_COUNTS_NEAR_AVERAGE = ("issued", "outstanding", "issued_and_outstanding")


def _near(count: Decimal, average: Decimal) -> bool:
    return average / _NEAR_WEIGHTED_AVERAGE <= count <= average * _NEAR_WEIGHTED_AVERAGE


def _par_times_shares(statement: Statement, candidates: list[_Candidate], power: int) -> bool:
    """Par value times the shares issued is the line's printed amount ('Common stock, $1 par value; 1,250 shares
    issued' over 1,250 in thousands) for some line and date."""
    lines = read_toml(LABEL_FACTS)["evidence"]["par_value_lines"]
    for candidate in candidates:
        if candidate.kind not in ("issued", "issued_and_outstanding") or candidate.line.concept not in lines:
            continue
        par = next((c.value.value for c in candidates if c.line is candidate.line and c.kind == "par_value"
                    and c.period == candidate.period), None)
        amount = _line_amount(statement, candidate.line.row, candidate.period)
        if par and amount is not None and agree_at_precision(
                amount[0], amount[1], par * candidate.value.value.scaleb(power), 12):
            return True
    return False


def _line_amount(statement: Statement, row: StatementRow, period: Period) -> tuple[Decimal, int] | None:
    """The line's printed amount at the date, scaled, with the decimal places it is known to."""
    power = printed_power(statement, row, Measure.MONETARY)
    for column, amount in zip(statement.columns, row.amounts):
        if column.role is ColumnRole.REPORTED and column.period == period and amount is not None:
            return abs(amount.value).scaleb(power), amount.places - power
    return None


def _fact(index: int, statement: Statement, candidate: _Candidate, power: int) -> Fact:
    measure = Measure(grammar().measures[candidate.kind])
    value = candidate.value.value.scaleb(power)
    row = candidate.line.row
    return Fact(concept=candidate.concept, value=normalised_value(value), period=candidate.period, unit=UNITS[measure],
                decimals=candidate.value.places - power, source=row.label_source or row.source,
                statement=index, scale=power, in_label=True,
                scale_stated=statement.scale.stated or measure is not Measure.MONETARY)
