"""Lines that state a part of the company, in contexts naming the part, on filings of our own.

A statement printed in blocks per business segment, then the company's totals (modelled on 1990s manufacturers with
a finance arm): each block's lines are that segment's facts, on us-gaap's StatementBusinessSegmentsAxis with an
extension member; only the company's lines are undimensioned. Revenue and cost printed by product and service are
parts on srt:ProductOrServiceAxis, as today's filers tag them."""
from __future__ import annotations

from decimal import Decimal

import pytest
from lxml import etree

from converter.model import Measure, SourceRef, StatementRow
from converter.pipeline import ConvertOptions, convert
from converter.statements.segments import mark_segment_blocks
from tests.conftest import FIXTURES

AXIS = "us-gaap:StatementBusinessSegmentsAxis"
YEAR = "2001-01-01..2001-12-31"


@pytest.fixture(scope="module")
def conversion(tmp_path_factory, taxonomy_packages):
    return convert(FIXTURES / "text_10k_segments.txt", tmp_path_factory.mktemp("s") / "harrow",
                   ConvertOptions(cik="789"))


def _facts(report):
    return {(f["concept"], f["period"], f.get("dimensions", {}).get(AXIS)): Decimal(f["value"])
            for f in report["fact_list"] if "unit" in f}


def test_each_block_gives_its_segment_facts_and_the_company_lines_none(conversion):
    facts = _facts(conversion.report)
    machinery, credit = "harrow:MachineryMember", "harrow:CreditCompanyMember"
    before_tax = "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert facts[("us-gaap:Revenues", YEAR, machinery)] == 1000000000
    assert facts[("us-gaap:Revenues", YEAR, credit)] == 300000000
    assert facts[("us-gaap:InterestExpense", YEAR, machinery)] == 20000000
    assert facts[("us-gaap:InterestExpense", YEAR, credit)] == 120000000
    assert facts[("us-gaap:CostsAndExpenses", YEAR, credit)] == 220000000
    assert facts[(before_tax, YEAR, machinery)] == 130000000
    assert facts[(before_tax, YEAR, credit)] == 80000000
    assert facts[(before_tax, YEAR, None)] == 210000000
    assert facts[("us-gaap:NetIncomeLoss", YEAR, None)] == 140000000
    assert ("us-gaap:Revenues", YEAR, None) not in facts      # no segment's sales stand for the company's


def test_members_are_declared_and_every_output_is_valid(conversion):
    report = conversion.report
    members = {c["name"]: c for c in report["extension"]["concepts"] if c["type"] == "dtr-types:domainItemType"}
    assert set(members) == {"harrow:MachineryMember", "harrow:CreditCompanyMember"}
    schema = etree.parse(str(conversion.outdir / report["outputs"]["schema"]))
    declared = schema.find(".//{http://www.w3.org/2001/XMLSchema}element[@name='MachineryMember']")
    assert declared.get("abstract") == "true"
    assert report["validation"]["valid"] and conversion.exit_code == 0
    assert report["validation"]["calculation_inconsistencies"] == []
    rows = [r for s in report["statements"] for r in s["rows"] if r["label"] == "Sales"]
    assert rows[0]["member"] == "harrow:MachineryMember"


def test_segment_sums_stay_out_of_the_company_calculations(conversion):
    linkbase = etree.parse(str(conversion.outdir / conversion.report["outputs"]["calculation"]))
    xlink = "{http://www.w3.org/1999/xlink}"
    arcs = {(arc.get(f"{xlink}from"), arc.get(f"{xlink}to"))
            for arc in linkbase.iter("{http://www.xbrl.org/2003/linkbase}calculationArc")}
    assert ("us-gaap_CostsAndExpenses", "us-gaap_CostOfRevenue") not in arcs
    assert ("us-gaap_NetIncomeLoss", "us-gaap_IncomeTaxExpenseBenefit") in arcs


def _rows(*labels):
    return [StatementRow(label.rstrip("*"), [], Measure.MONETARY, SourceRef("t", 1), is_heading=label.endswith("*"))
            for label in labels]


def test_ordinary_sections_and_a_single_block_are_no_segments():
    rows = _rows("Current assets:*", "Cash", "Total current assets", "Operating activities*", "Net income",
                 "Net cash provided by operating activities")
    mark_segment_blocks(rows)
    assert [r.segment for r in rows] == [None] * 6
    one = _rows("Machinery*", "Sales", "Income before income taxes - Machinery", "Net income")
    mark_segment_blocks(one)
    assert [r.segment for r in one] == [None] * 4


def test_product_and_service_lines_are_valid_parts_of_revenue_and_cost(tmp_path, taxonomy_packages):
    result = convert(FIXTURES / "text_10q_product_lines.txt", tmp_path / "brightwater", ConvertOptions(cik="321"))
    axis = "srt:ProductOrServiceAxis"
    facts = {(f["concept"], f.get("dimensions", {}).get(axis)): Decimal(f["value"])
             for f in result.report["fact_list"] if f["period"] == "2002-04-01..2002-06-30" and "unit" in f}
    assert facts[("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:ProductMember")] == 4200000
    assert facts[("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:ServiceMember")] == 1800000
    assert facts[("us-gaap:CostOfGoodsAndServicesSold", "us-gaap:ServiceMember")] == 1100000
    assert facts[("us-gaap:Revenues", None)] == 6000000
    assert facts[("us-gaap:CostOfRevenue", None)] == 3600000
    assert result.report["validation"]["valid"] and result.report["validation"]["calculation_inconsistencies"] == []


def test_a_heading_restated_by_its_single_line_is_no_segment():
    rows = _rows("Extraordinary item:*", "Extraordinary item, net of tax", "Cumulative effect of accounting change:*",
                 "Cumulative effect of accounting change, net of tax", "Net income")
    mark_segment_blocks(rows)
    assert [r.segment for r in rows] == [None] * 5
