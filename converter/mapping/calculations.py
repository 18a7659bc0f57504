"""The calculation linkbase's sums checked against the facts, without Arelle: so that a conversion run with
--no-validate (a batch, a fuzz run) still reports every written sum that its own facts do not satisfy.

As in XBRL Calculations 1.1 (round-to-nearest), a total and its items are compared after rounding each to the
fewest decimals among them; a total none of whose items is reported is not checked."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from converter.model import Fact, FactSet, Period


def inconsistent_sums(facts: FactSet) -> list[str]:
    values: dict[tuple[str, Period], Fact] = {(f.concept, f.period): f for f in facts.facts
                                              if f.unit is not None and isinstance(f.value, Decimal)}
    problems = []
    for total, items in _summations(facts).items():
        for (concept, period), total_fact in values.items():
            if concept != total:
                continue
            present = [(values[(item, period)], weight) for item, weight in items if (item, period) in values]
            if not present:
                continue
            places = min(_places(f) for f in [total_fact, *(fact for fact, _ in present)])
            computed = sum((_rounded(fact, places) * weight for fact, weight in present), Decimal(0))
            if computed != _rounded(total_fact, places):
                problems.append(f"{total} {period}: {total_fact.value} printed, {computed} from its "
                                f"{len(present)} item(s)")
    return problems


def _summations(facts: FactSet) -> dict[str, list[tuple[str, int]]]:
    by_total: dict[str, dict[str, int]] = defaultdict(dict)
    for network in facts.networks:
        for summation in network.summations:
            by_total[summation.total][summation.item] = summation.weight
    return {total: list(items.items()) for total, items in by_total.items()}


def _places(fact: Fact) -> int:
    return fact.decimals if fact.decimals is not None else 0


def _rounded(fact: Fact, places: int) -> Decimal:
    with localcontext() as context:
        context.prec = max(28, len(str(fact.value)) + abs(places) + 2)   # absurdly long figures stay exact
        return Decimal(fact.value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
