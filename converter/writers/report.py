"""report.json: the stable, machine-readable account of one conversion."""
from __future__ import annotations

import json
from converter.model import Fact, FactSet, Statement, lexical


def build_report(input_name: str, outputs: dict[str, str], validation: dict, facts: FactSet,
                 statements: list[Statement]) -> dict:
    return {
        "input": input_name,
        "outputs": outputs,
        "validation": validation,
        "entity": {"scheme": facts.entity.scheme, "identifier": facts.entity.identifier, "name": facts.entity.name},
        "facts": len(facts.facts),
        "fact_list": [_fact(f) for f in facts.facts],
        "statements": [_statement(i, s, facts) for i, s in enumerate(statements)],
        "unmapped": [{"statement": r.statement, "label": r.label, "reason": r.rule}
                     for r in facts.rows if r.concept is None],
        "warnings": facts.warnings,
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
        "rows": [{"label": r.label, "concept": r.concept, "rule": r.rule, "values": r.values}
                 for r in facts.rows if r.statement == index],
    }


def _fact(fact: Fact) -> dict:
    entry = {"concept": fact.concept, "value": lexical(fact.value), "period": str(fact.period)}
    if fact.unit:
        entry.update(unit=fact.unit.value, decimals=fact.decimals)
    if fact.source:
        entry["source"] = {"document": fact.source.document, "line": fact.source.line, "column": fact.source.column}
    return entry


def dumps(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
