"""facts.csv: the instance's facts as one tidy table, one row per fact, for data teams (pandas, a warehouse, a
parquet lake), with what the XBRL leaves out: the label as printed, the statement, how the concept was chosen
and how sure, where the figure stands and what the filing's own arithmetic says of its statement.

Every conversion writes one beside report.json; `batch` joins them into OUTDIR/facts.csv (converter.facts_store),
which is why every row names its `filing` (the output folder) and every file has the same header."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from decimal import Decimal
from operator import attrgetter

from converter.model import Fact, FactSet, RowMapping, ScheduleCheck, Statement, lexical
from converter.writers.naming import fact_id

FILE_NAME = "facts.csv"
_COVER_RULE = "cover page and SEC header"


@dataclass(frozen=True)
class FactRow:
    """One fact as the table holds it; every field is text, empty where it does not apply. `value` is the exact
    decimal of a numeric fact (never a float's rounding), `text` the value of a non-numeric one (dei)."""
    filing: str                  # the output folder: unique within a batch
    id: str                      # the fact's id in report.json and the inline document ('f12')
    entity_scheme: str
    entity: str
    entity_name: str
    form: str
    document_period_end: str     # dei:DocumentPeriodEndDate
    concept: str
    label: str                   # the line as printed (an EX-27 fact: its tag)
    statement: str               # kind of the statement it was read from; empty: cover page or EX-27
    period_start: str
    period_end: str
    instant: str
    dimensions: str              # 'axis=member' pairs joined by '; '; empty: the company as a whole
    unit: str
    value: str
    text: str
    decimals: str
    confidence: str
    rule: str
    source_document: str
    source_line: str
    verdict: str                 # of its statement: verified, partly verified, unverified

    @property
    def amount(self) -> Decimal | None:
        """The exact value of a numeric fact."""
        return Decimal(self.value) if self.value else None


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(FactRow))
_CELLS = attrgetter(*COLUMNS)       # a row's fields in column order, read in one call


def fact_rows(facts: FactSet, statements: list[Statement], filing: str) -> list[FactRow]:
    rows = _RowIndex(facts)
    period_end = next((str(f.value) for f in facts.facts if f.concept == "dei:DocumentPeriodEndDate"), "")
    entity = facts.entity
    common = dict(filing=filing, entity_scheme=entity.scheme, entity=entity.identifier,
                  entity_name=entity.name or "", form=facts.form_type or "", document_period_end=period_end)
    verdicts = {v.statement: v.verdict.value for v in facts.verdicts}
    table = []
    for position, fact in enumerate(facts.facts):
        label, confidence, rule = rows.describe(fact)
        numeric = fact.unit is not None
        table.append(FactRow(
            **common, id=fact_id(position), concept=fact.concept, label=label,
            statement=statements[fact.statement].kind.value if fact.statement is not None else "",
            period_start=_date(fact.period.start),
            period_end=_date(None if fact.period.is_instant else fact.period.end),
            instant=_date(fact.period.end if fact.period.is_instant else None),
            dimensions="; ".join(f"{axis}={member}" for axis, member in fact.dimensions),
            unit=fact.unit.value if numeric else "", value=lexical(fact.value) if numeric else "",
            text="" if numeric else lexical(fact.value), decimals="" if fact.decimals is None else str(fact.decimals),
            confidence=confidence, rule=rule, source_document=fact.source.document if fact.source else "",
            source_line=str(fact.source.line) if fact.source else "",
            verdict=verdicts.get(fact.statement, "") if fact.statement is not None else ""))
    return table


def render_facts_table(facts: FactSet, statements: list[Statement], filing: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(map(_CELLS, fact_rows(facts, statements, filing)))
    return buffer.getvalue()


def _date(day) -> str:
    return day.isoformat() if day is not None else ""


class _RowIndex:
    """Which mapped line, or which EX-27 value, a fact was made from. Within one statement a concept names one
    line, unless lines are different parts of it (their dimensions tell them apart), so (statement, concept,
    members) finds the line; an EX-27 fact is the schedule value of its concept and period no statement states."""

    def __init__(self, facts: FactSet):
        self.lines: dict[tuple[int, str, str], RowMapping] = {}
        for row in facts.rows:
            if row.concept is not None:
                self.lines.setdefault((row.statement, row.concept, row.member or ""), row)
        self.schedule: dict[tuple[str, str, str], ScheduleCheck] = {
            (check.document, check.concept, str(check.period)): check for check in facts.schedule_checks
            if check.status == ScheduleCheck.NOT_IN_STATEMENTS and check.concept}

    def describe(self, fact: Fact) -> tuple[str, str, str]:
        """(label, confidence, rule); what is not known is empty."""
        if fact.statement is not None:
            members = ", ".join(member for _, member in fact.dimensions)
            row = self.lines.get((fact.statement, fact.concept, members))
            return (row.label, row.confidence.value, row.rule) if row else ("", "", "")
        if fact.unit is None:
            return "", "", _COVER_RULE
        document = fact.source.document if fact.source else ""
        check = self.schedule.get((document, fact.concept, str(fact.period)))
        tag = check.tag if check else ""
        return tag, "", f"EX-27 schedule value no statement states{f' ({tag})' if tag else ''}"
