"""report.json: the stable, machine-readable account of one conversion."""
from __future__ import annotations

import json

from converter.text.vocabulary import vocabulary
from converter.model import (Fact, FactSet, Issue, RowMapping, ScheduleCheck, SourceRef, Statement, Verdict, Withheld,
                             lexical)
from converter.writers.naming import fact_id


def build_report(input_name: str, outputs: dict[str, str], validation: dict, facts: FactSet,
                 statements: list[Statement]) -> dict:
    return {
        "input": input_name,
        "outputs": outputs,
        "validation": validation,
        "entity": {"scheme": facts.entity.scheme, "identifier": facts.entity.identifier, "name": facts.entity.name},
        "facts": len(facts.facts),
        "fact_list": [_fact(position, f) for position, f in enumerate(facts.facts)],
        "statements": [_statement(i, s, facts) for i, s in enumerate(statements)],
        "verdicts": _verdict_counts(facts),
        "fact_sources": _fact_sources(facts),
        "missing_statements": _missing_statements(facts, statements),
        "unmapped": [{"statement": r.statement, "label": r.label, "reason": r.rule}
                     for r in facts.rows if r.concept is None],
        "extension": _extension(facts),
        "summations": sum(len(n.summations) for n in facts.networks),
        "ex27": _schedule_checks(facts.schedule_checks),
        "issue_counts": _issue_counts(facts.issues),
        "issues": [_issue(i) for i in facts.issues],
        "withheld": [_withheld(w) for w in facts.withheld],
    }


def _fact_sources(facts: FactSet) -> dict[str, int]:
    """Where the written facts came from: the statements, the EX-27 schedules, the cover page."""
    sources = {"statements": 0, "schedules": 0, "cover": 0}
    for fact in facts.facts:
        sources["statements" if fact.statement is not None else "cover" if fact.unit is None else "schedules"] += 1
    return sources


def _missing_statements(facts: FactSet, statements: list[Statement]) -> list[str]:
    """The statements the filing's form should hold and none was found of (the summary line names them)."""
    form = (facts.form_type or "").upper()
    if form.endswith("/A"):
        return []       # an amendment may restate one part only
    expected = next((kinds for prefix, kinds in vocabulary().expected_statements.items() if form.startswith(prefix)),
                    ())
    found = {statement.kind.value for statement in statements}
    return [kind for kind in expected if kind not in found]


def _verdict_counts(facts: FactSet) -> dict[str, int]:
    counts = {verdict.value: 0 for verdict in Verdict}
    for verdict in facts.verdicts:
        counts[verdict.verdict.value] += 1
    return counts


def _verdict(facts: FactSet, index: int) -> dict | None:
    verdict = next((v for v in facts.verdicts if v.statement == index), None)
    if verdict is None:
        return None
    return {"verdict": verdict.verdict.value, "totals_confirmed": verdict.totals_confirmed,
            "totals_not_adding_up": verdict.totals_not_adding_up, "withheld": verdict.withheld}


def _issue_counts(issues: list[Issue]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.code.value] = counts.get(issue.code.value, 0) + 1
    return counts


def _issue(issue: Issue) -> dict:
    entry = {"code": issue.code.value, "severity": issue.severity.value, "message": issue.message}
    if issue.where:
        entry["where"] = _where(issue.where)
    return entry


def _withheld(withheld: Withheld) -> dict:
    fact = withheld.fact
    entry = {"concept": fact.concept, "period": str(fact.period), "value": lexical(fact.value),
             "code": withheld.code.value, "reason": withheld.reason, "written": withheld.written}
    if fact.dimensions:
        entry["dimensions"] = dict(fact.dimensions)
    if fact.source:
        entry["source"] = _where(fact.source)
    return entry


def _where(source: SourceRef) -> dict:
    where = {"document": source.document, "line": source.line, "column": source.column}
    if source.element is not None:
        where["element"] = source.element
    return where


def _extension(facts: FactSet) -> dict:
    extension = facts.extension
    if extension is None:
        return {"prefix": None, "namespace": None, "concepts": []}
    return {"prefix": extension.prefix, "namespace": extension.namespace,
            "concepts": [{"name": f"{extension.prefix}:{c.name}", "label": c.label, "type": c.item_type,
                          "period_type": c.period_type, "balance": c.balance} for c in extension.concepts]}


def _schedule_checks(checks: list[ScheduleCheck]) -> dict:
    """Every EX-27 value beside the statements' figure for the same concept and period."""
    counts: dict[str, int] = {}
    for check in checks:
        counts[check.status] = counts.get(check.status, 0) + 1
    return {
        "summary": counts,
        "checks": [{"document": c.document, "tag": c.tag, "concept": c.concept,
                    "period": str(c.period) if c.period else None,
                    "schedule_value": lexical(c.schedule_value) if c.schedule_value is not None else None,
                    "statement_value": lexical(c.statement_value) if c.statement_value is not None else None,
                    "status": c.status} for c in checks],
    }


def _statement(index: int, statement: Statement, facts: FactSet) -> dict:
    return {
        "kind": statement.kind.value,
        "title": statement.title,
        "source": {"document": statement.source.document, "line": statement.source.line},
        "scale": {"money": statement.scale.money, "shares": statement.scale.shares},
        "columns": [{"header": c.header, "role": c.role.value, "period": str(c.period) if c.period else None}
                    for c in statement.columns],
        "periods": sorted({str(c.period) for c in statement.columns if c.period}),
        "verdict": _verdict(facts, index),
        "rows": [_row(r) for r in facts.rows if r.statement == index],
    }


def _row(row: RowMapping) -> dict:
    entry = {"label": row.label, "concept": row.concept, "extension": row.extension,
             "confidence": row.confidence.value, "rule": row.rule, "line_item": row.line_item, "values": row.values}
    if row.member:
        entry["member"] = row.member
    if row.total:
        entry["total"] = row.total
    if row.label_facts:
        entry["label_facts"] = row.label_facts
    return entry


def _fact(position: int, fact: Fact) -> dict:
    entry = {"id": fact_id(position), "concept": fact.concept, "value": lexical(fact.value), "period": str(fact.period)}
    if fact.dimensions:
        entry["dimensions"] = dict(fact.dimensions)
    if fact.unit:
        entry.update(unit=fact.unit.value, decimals=fact.decimals)
    if fact.source:
        entry["source"] = _where(fact.source)
    return entry


def dumps(report: dict) -> str:
    """One key per line at the top, one entry per line in its lists: readable, and written by json's C encoder
    (indented output would take the slow pure-Python one, a large share of a batch's time)."""
    parts = []
    for key, value in report.items():
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {_compact(item)}" for item in value)
            parts.append(f"  {_compact(key)}: [\n{body}\n  ]")
        else:
            parts.append(f"  {_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


# One encoder for the whole process: json.dumps given any option builds a new one for every call, and _compact is
# called for every entry of every list.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _compact(value: object) -> str:
    return _ENCODER.encode(value)
