"""`legacy-xbrl inspect`: what the tool understood of a filing, printed for a person to check: the documents,
the SEC header, the statements found with their periods and scale, each as an aligned table, and the EX-27
schedules."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from converter.model import Filing, Statement
from converter.readers import read_filing
from converter.statements import build_statements


def inspect_filing(path: Path, console: Console, rows: bool = True) -> None:
    filing = read_filing(path)
    statements = build_statements(filing.tables, filing.form_type)
    console.print(_header(filing))
    console.print(_documents(filing))
    console.print(f"{len(filing.tables)} tables read, {len(statements)} statements found, "
                  f"{len(filing.schedules)} EX-27 schedules")
    for statement in statements:
        console.print(_statement(statement, rows))
    for schedule in filing.schedules:
        console.print(f"EX-27 {schedule.document}: article {schedule.article}, {schedule.period_type or '?'} "
                      f"ending {schedule.period_end or '?'}, multiplier {schedule.multiplier:,}, "
                      f"{len(schedule.values)} values" + (", restated" if schedule.restated else "")
                      + (", flawed" if schedule.flawed else ""), markup=False)


def _header(filing: Filing) -> Table:
    header, cover = filing.header, filing.cover
    table = Table("field", "value", title=escape(filing.source), title_justify="left")
    for name, value in (("company", header.company_name or cover.registrant_name), ("CIK", header.cik),
                        ("form", filing.form_type),
                        ("period of report", header.period_of_report or cover.report_date),
                        ("filed", header.filed_date), ("accession", header.accession)):
        table.add_row(name, escape(str(value)) if value else "-")
    return table


def _documents(filing: Filing) -> Table:
    table = Table("#", "document", "type", "format", "characters", "description", title="documents",
                  title_justify="left")
    for index, document in enumerate(filing.documents, start=1):
        table.add_row(str(index), escape(document.name), escape(document.type) or "-",
                      "html" if document.is_html else "text", f"{len(document.text):,}", escape(document.description))
    return table


def _statement(statement: Statement, rows: bool) -> Table:
    scale = f"money x10^{statement.scale.money}, shares x10^{statement.scale.shares}"
    table = Table(title=f"{escape(statement.title)} \\[{statement.kind.value}] line {statement.source.line}; {scale}",
                  title_justify="left")
    table.add_column("label", overflow="fold", max_width=60)
    for column in statement.columns:
        table.add_column(f"{escape(column.header)}\n{column.period or 'no period'}\n{column.role.value}",
                         justify="right")
    for row in statement.rows if rows else []:
        amounts = ["" if amount is None else f"{amount.value}{'%' if amount.is_percent else ''}"
                   for amount in row.amounts]
        label = escape(row.label)
        if row.synthesized_label:
            label = f"[i]{label}[/i] (unlabeled total)"
        table.add_row(f"[b]{label}[/b]" if row.is_heading else label, *amounts)
    return table
