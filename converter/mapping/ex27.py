"""EX-27 schedules to facts, and the cross-check of every schedule value against the statement facts.

A schedule value the statements also state is compared, not repeated: the statement's printed figure stays the
fact and any difference is reported. A value the statements do not state becomes a fact of its own."""
from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache

from converter.mapping.choice import unit_of
from converter.model import FinancialDataSchedule, Fact, Period, ScheduleCheck, ScheduleValue, Unit
from converter.text.maps import read_table
from converter.statements import start_of_span
from converter.taxonomy import Taxonomy

_MONTHS = re.compile(r"^(\d{1,2})-MOS$")
DATE_SLACK = timedelta(days=6)     # 52/53-week period ends against calendar dates
LENGTH_SLACK = timedelta(days=20)  # a quarter of 13 weeks against three calendar months


@lru_cache(maxsize=1)
def tag_map() -> dict[tuple[str, str], str]:
    """(article, tag) -> concept, from taxonomy_maps/ex27.csv."""
    return {(row["article"].upper(), row["tag"].upper()): row["concept"]
            for _, row in read_table("ex27.csv", ("article", "tag", "concept"), ",")}


def check_schedules(schedules: list[FinancialDataSchedule], statement_facts: list[Fact],
                    taxonomy: Taxonomy) -> tuple[list[Fact], list[ScheduleCheck]]:
    """Facts for schedule values the statements lack, and one check per schedule value."""
    facts: list[Fact] = []
    checks: list[ScheduleCheck] = []
    for schedule in schedules:
        for value in schedule.values:
            fact, check = _check(schedule, value, statement_facts, taxonomy)
            checks.append(check)
            if fact is not None:
                facts.append(fact)
    return facts, checks


def _check(schedule: FinancialDataSchedule, value: ScheduleValue, statement_facts: list[Fact],
           taxonomy: Taxonomy) -> tuple[Fact | None, ScheduleCheck]:
    concept_name = concept_for(schedule.article, value.tag)
    concept = taxonomy.concepts.get(concept_name) if concept_name else None
    check = ScheduleCheck(schedule.document, value.tag, concept_name if concept else None, None, None, None,
                          ScheduleCheck.UNMAPPED)
    if concept is None:
        return None, check
    period = schedule_period(schedule, concept.period_type == "instant")
    unit = unit_of(concept)
    if value.value is None or period is None or unit is None:
        check.status = ScheduleCheck.BLANK
        return None, check
    fact = _schedule_fact(schedule, value, concept.qname, period, unit, per_share=unit is Unit.USD_PER_SHARE)
    match = _matching(fact, statement_facts)
    check.period, check.schedule_value = (match or fact).period, fact.value
    if match is None:
        check.status = ScheduleCheck.NOT_IN_STATEMENTS
        return fact, check
    check.statement_value = match.value
    check.status = ScheduleCheck.AGREES if _agree(fact, match) else ScheduleCheck.DIFFERS
    return None, check


def concept_for(article: str, tag: str) -> str | None:
    tags = tag_map()
    return tags.get((article.upper(), tag.upper())) or tags.get(("ANY", tag.upper()))


def schedule_period(schedule: FinancialDataSchedule, instant: bool) -> Period | None:
    """Instants at PERIOD-END; durations from PERIOD-START, else back from PERIOD-END by PERIOD-TYPE."""
    end = schedule.period_end
    if end is None:
        return None
    if instant:
        return Period(end=end)
    if schedule.period_start is not None:
        return Period(end=end, start=schedule.period_start)
    months = _months(schedule.period_type)
    return Period(end=end, start=start_of_span(end, months, "months")) if months else None


def _months(period_type: str | None) -> int | None:
    if not period_type:
        return None
    if period_type in ("YEAR", "FY", "ANNUAL"):
        return 12
    match = _MONTHS.match(period_type)
    return int(match.group(1)) if match and 0 < int(match.group(1)) <= 12 else None


def _schedule_fact(schedule: FinancialDataSchedule, value: ScheduleValue, concept: str, period: Period,
                   unit: Unit, per_share: bool) -> Fact:
    multiplier = 1 if per_share else schedule.multiplier
    power = Decimal(multiplier).adjusted() if str(multiplier).rstrip("0") == "1" else 0
    decimals = value.places - power
    return Fact(concept=concept, value=value.value * multiplier, period=period, unit=unit, decimals=decimals,
                source=value.source, scale=power if multiplier == 10 ** power else None)


def _matching(fact: Fact, statement_facts: list[Fact]) -> Fact | None:
    candidates = [f for f in statement_facts if f.concept == fact.concept and f.unit == fact.unit
                  and not f.dimensions and _same_period(f.period, fact.period)]
    return min(candidates, key=lambda f: abs((f.period.end - fact.period.end).days)) if candidates else None


def _same_period(a: Period, b: Period) -> bool:
    if a.is_instant != b.is_instant or abs(a.end - b.end) > DATE_SLACK:
        return False
    return a.is_instant or abs((a.end - a.start) - (b.end - b.start)) <= LENGTH_SLACK


def _agree(schedule_fact: Fact, statement_fact: Fact) -> bool:
    """Equal to the precision of the coarser of the two: 4,321 (millions) agrees with 4,320,900 (thousands)."""
    coarser = min(d for d in (schedule_fact.decimals, statement_fact.decimals) if d is not None)
    tolerance = Decimal(1).scaleb(-coarser)
    return abs(Decimal(schedule_fact.value) - Decimal(statement_fact.value)) < tolerance

