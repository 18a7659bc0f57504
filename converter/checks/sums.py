"""The calculation linkbase's sums checked against the facts, without Arelle: so that a conversion run with
--no-validate (a batch, a fuzz run) still reports every written sum that its own facts do not satisfy.

As in XBRL Calculations 1.1 (round-to-nearest), a total and its items are compared after rounding each to the
fewest decimals among them; a total none of whose items is reported is not checked."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from converter.model import Dimensions, Fact, FactSet, Issue, IssueCode, Network, Period, Severity

Context = tuple[Period, Dimensions]     # a period and the dimension members, as a context binds


def inconsistent_sums(facts: FactSet) -> list[Issue]:
    """Each network is checked on its own, as Calculations 1.1 checks each extended link role."""
    values: dict[tuple[str, Context], Fact] = {(f.concept, (f.period, f.dimensions)): f for f in facts.facts
                                               if f.unit is not None and isinstance(f.value, Decimal)}
    contexts: dict[str, list[Context]] = defaultdict(list)      # each concept's, so a total reads only its own
    for concept, context in values:
        contexts[concept].append(context)
    problems = []
    for network in facts.networks:
        for total, items in _summations(network).items():
            problems.extend(_check_total(total, items, values, contexts.get(total, [])))
    return problems


def _check_total(total: str, items: list[tuple[str, int]], values: dict[tuple[str, Context], Fact],
                 contexts: list[Context]) -> list[Issue]:
    """The total checked in each of its contexts."""
    problems = []
    for context in contexts:
        total_fact = values[(total, context)]
        present = [(values[(item, context)], weight) for item, weight in items if (item, context) in values]
        if not present:
            continue
        places = min(f.places for f in [total_fact, *(fact for fact, _ in present)])
        computed = sum((_rounded(fact, places) * weight for fact, weight in present), Decimal(0))
        if computed != _rounded(total_fact, places):
            problems.append(Issue(IssueCode.INCONSISTENT_SUM, Severity.WARNING,
                                  f"{total} {_describe(context)}: {total_fact.value} printed, {computed} from its "
                                  f"{len(present)} item(s)", total_fact.source))
    return problems


def _describe(context: Context) -> str:
    period, dimensions = context
    return " ".join([str(period), *(member for _, member in dimensions)])


def _summations(network: Network) -> dict[str, list[tuple[str, int]]]:
    by_total: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for summation in network.summations:
        by_total[summation.total].append((summation.item, summation.weight))
    return by_total


def _rounded(fact: Fact, places: int) -> Decimal:
    with localcontext() as context:
        context.prec = max(28, len(str(fact.value)) + abs(places) + 2)   # absurdly long figures stay exact
        return Decimal(fact.value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
