"""HTML statements (Word/EDGAR-style markup) and an EX-27 schedule, read from a filing of our own."""
from __future__ import annotations

import contextlib
import io
from decimal import Decimal
from pathlib import Path

import pytest

from converter.cli import main
from converter.model import Document
from converter.pipeline import ConvertOptions, convert
from converter.readers import html_tables, read_filing
from converter.readers.ex27 import read_schedules
from converter.readers.sgml import read_header
from converter.statements import build_statements
from tests.conftest import FIXTURES

FILING = FIXTURES / "html_10q_with_ex27.txt"


@pytest.fixture(scope="module")
def filing():
    return read_filing(FILING)


@pytest.fixture(scope="module")
def conversion(tmp_path_factory, taxonomy_packages):
    return convert(FILING, tmp_path_factory.mktemp("html") / "bolt", ConvertOptions())


def test_header_and_documents(filing):
    assert filing.header.cik == "0000999999"
    assert filing.header.accession == "0000999999-00-000001"
    assert [d.type for d in filing.documents] == ["10-Q", "EX-27"]
    assert filing.documents[0].is_html and not filing.documents[1].is_html


def test_html_cells_split_over_tds_are_joined(filing):
    balance = filing.tables[0]
    rows = {row.label: row.cells for row in balance.rows}
    assert balance.column_headers == ["April 1, 2000", "January 1, 2000"]
    assert rows["Cash and cash equivalents"] == ["$1,250", "$980"]
    assert rows["Inventories(a)"] == ["2,400", "2,100"]            # colspan value cell, footnote mark in label
    assert rows["Treasury stock, at cost"] == ["(200)", "(200)"]    # ")" in a cell of its own
    assert "Total stockholders\u2019 equity" in rows                # &#146; is Windows-1252's right quote
    assert "CONDENSED CONSOLIDATED BALANCE SHEETS" in balance.caption  # <SMALL> caps joined, not spaced


def test_rowspan_label_header_gives_the_span(filing):
    income = next(s for s in build_statements(filing.tables, "10-Q") if s.kind.value == "income_statement")
    assert [str(c.period) for c in income.columns] == ["2000-01-02..2000-04-01", "1999-01-03..1999-04-03"]
    dash = next(r for r in income.rows if r.label == "Interest expense").amounts[1]
    assert dash is not None and dash.value == 0                     # &#151; (em dash) prints zero


def test_ex27_schedule_is_parsed(filing):
    [schedule] = filing.schedules
    assert (schedule.article, schedule.multiplier, schedule.period_type) == ("5", 1000, "3-MOS")
    assert str(schedule.period_end) == "2000-04-01"
    values = {v.tag: v.value for v in schedule.values}
    assert values["CURRENT-LIABILITIES"] == 750                     # <F1> mark stripped
    assert values["EPS-PRIMARY"] == Decimal(".45")


def test_several_schedules_with_flags():
    text = ("<ARTICLE> 5\n<RESTATED>\n<MULTIPLIER> 1\n<PERIOD-TYPE> YEAR\n<PERIOD-END> DEC-31-1995\n"
            "<NET-INCOME> (1,234)\n<FLAWED>\n<ARTICLE> 9\n<PERIOD-END> DEC-31-1996\n<TOTAL-ASSETS> 10\n")
    first, second = read_schedules(Document(name="ex27", type="EX-27", text=text))
    assert first.restated and first.values[0].value == -1234
    assert second.flawed and second.article == "9" and not second.restated


def test_schedule_cross_check_in_report(conversion):
    checks = {c["tag"]: c for c in conversion.report["ex27"]["checks"]}
    assert checks["TOTAL-ASSETS"]["status"] == "agrees"
    assert checks["NET-INCOME"]["status"] == "agrees"
    assert checks["TOTAL-REVENUES"]["status"] == "agrees"
    assert checks["CURRENT-LIABILITIES"] == {**checks["CURRENT-LIABILITIES"], "status": "differs",
                                             "schedule_value": "750000", "statement_value": "700000"}
    assert checks["EPS-DILUTED"]["status"] == "not_in_statements"
    assert checks["OTHER-SE"]["status"] == "unmapped"


def test_schedule_values_the_statements_lack_become_facts(conversion):
    facts = {(f["concept"], f["period"]): f for f in conversion.report["fact_list"]}
    eps = facts[("us-gaap:EarningsPerShareDiluted", "2000-01-02..2000-04-01")]
    assert (eps["value"], eps["decimals"]) == ("0.44", 2)
    # the statement's own figure stays the fact where the schedule differs
    assert facts[("us-gaap:LiabilitiesCurrent", "2000-04-01")]["value"] == "700000"


def test_html_filing_is_valid_and_escaped(conversion):
    assert conversion.report["validation"]["errors"] == []
    instance = (conversion.outdir / "bolt.xml").read_text()
    assert "BOLT &amp; NUT WORKS INC" in instance
    facts = {(f["concept"], f["period"]): f["value"] for f in conversion.report["fact_list"]}
    assert facts[("us-gaap:Assets", "2000-01-01")] == "4500000"          # the unlabeled total
    assert facts[("us-gaap:InterestExpense", "2000-01-02..2000-04-01")] == "50000"
    assert facts[("us-gaap:NetIncomeLoss", "1999-01-03..1999-04-03")] == "330000"


def test_hostile_html_entities_are_not_resolved(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    html = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><table>'
            "<tr><td>Total assets &x;</td><td>1,000</td></tr></table></body></html>")
    tables = html_tables.find_tables(Document(name="x.htm", type="", text=html, is_html=True))
    assert all("TOPSECRET" not in row.label for table in tables for row in table.rows)


def test_html_title_in_the_label_cell_of_the_header_row_names_the_statement():
    html = ("<html><body><table>"
            "<tr><td colspan='3'>CONSOLIDATED STATEMENTS OF INCOME</td><td>Quarter Ended</td><td>Quarter Ended</td></tr>"
            "<tr><td colspan='3'>(unaudited) (in 000s, except share data)</td><td>June 30, 2008</td>"
            "<td>June 30, 2007</td></tr>"
            "<tr><td colspan='3'>Interest on loans</td><td>$14,300</td><td>$15,700</td></tr>"
            "<tr><td colspan='3'>Net income</td><td>2,700</td><td>3,100</td></tr></table></body></html>")
    tables = html_tables.find_tables(Document(name="x.htm", type="", text=html, is_html=True))
    [statement] = build_statements(tables, "8-K")
    assert statement.kind.value == "income_statement" and statement.scale.money == 3 and statement.scale.shares == 0
    assert [str(c.period) for c in statement.columns] == ["2008-04-01..2008-06-30", "2007-04-01..2007-06-30"]


def test_tagged_dissemination_header():
    text = ("<SUBMISSION>\n<ACCESSION-NUMBER>0000000001-99-000001\n<TYPE>10-Q\n<PERIOD>19990630\n"
            "<FILING-DATE>19990803\n<FILER>\n<COMPANY-DATA>\n<CONFORMED-NAME>SMALL BELL CO\n<CIK>0000000042\n"
            "<STATE-OF-INCORPORATION>IN\n</COMPANY-DATA>\n<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nbody\n")
    header = read_header(text)
    assert (header.cik, header.form_type, header.company_name) == ("0000000042", "10-Q", "SMALL BELL CO")
    assert (str(header.period_of_report), str(header.filed_date)) == ("1999-06-30", "1999-08-03")
    assert header.accession == "0000000001-99-000001" and header.state_of_incorporation == "IN"


def test_inspect_prints_statements_periods_and_schedules():
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["inspect", str(FILING)]) == 0
    output = buffer.getvalue()
    assert "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS" in output
    assert "2000-01-02..2000-04-01" in output and "Treasury stock, at cost" in output
    assert "EX-27 document-2: article 5, 3-MOS ending 2000-04-01" in output


def _summary_line(capsys, source: Path, outdir: Path) -> str:
    assert main(["convert", str(source), "-o", str(outdir), "--no-validate"]) == 0
    return capsys.readouterr().out.splitlines()[0]


def test_the_summary_line_says_where_the_facts_came_from_and_which_statements_were_not_found(
        tmp_path, capsys, taxonomy_packages):
    # statements, the schedule values they lack, and the cover; a 10-Q without its cash-flow statement says so
    assert _summary_line(capsys, FILING, tmp_path / "both") == (
        "html_10q_with_ex27.txt: 48 facts: 42 from 2 statements (balance_sheet, income_statement; 1 verified, "
        "1 partly verified), 1 from the EX-27 schedules, 5 from the cover; not found: cash_flow; 0 rows unmapped")
    # the same filing with its statements filed on paper: every figure is the schedule's
    text = FILING.read_text()
    report = ("<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<TEXT>\nBOLT & NUT WORKS INC\n\n"
              "The quarter's statements were filed on paper.\n</TEXT>\n</DOCUMENT>\n")
    schedule_only = tmp_path / "schedule_only.txt"
    schedule_only.write_text(text[:text.index("<DOCUMENT>")] + report + text[text.index("<DOCUMENT>\n<TYPE>EX-27"):])
    assert _summary_line(capsys, schedule_only, tmp_path / "schedule") == (
        "schedule_only.txt: 15 facts: none from statements, 10 from the EX-27 schedules, 5 from the cover; "
        "not found: balance_sheet, income_statement, cash_flow; 0 rows unmapped")
