"""Issue 4 end to end: extension concepts, the generated schema and linkbases, Calculation 1.1 on the printed sums."""
from __future__ import annotations

from decimal import Decimal

import pytest
from lxml import etree

from converter.pipeline import ConvertOptions, convert
from tests.conftest import FIXTURES

LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"
XS = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"


@pytest.fixture(scope="module")
def conversion(tmp_path_factory, taxonomy_packages):
    return convert(FIXTURES / "text_10k_extension.txt", tmp_path_factory.mktemp("x") / "northwind",
                   ConvertOptions(cik="456"))


def _facts(report):
    return {(f["concept"], f["period"]): Decimal(f["value"]) for f in report["fact_list"] if "unit" in f}


def test_lines_without_a_us_gaap_concept_take_extension_concepts(conversion):
    facts = _facts(conversion.report)
    period = "2001-01-01..2001-12-31"
    assert facts[("northwind:CumulativeEffectOfAccountingChangeNetOfTax", period)] == -700000
    # the income before it is us-gaap's income from continuing operations (no discontinued operations printed)
    assert facts[("us-gaap:IncomeLossFromContinuingOperations", period)] == 3900000
    concepts = {c["name"]: c for c in conversion.report["extension"]["concepts"]}
    assert set(concepts) == {"northwind:CumulativeEffectOfAccountingChangeNetOfTax"}
    cumulative = concepts["northwind:CumulativeEffectOfAccountingChangeNetOfTax"]
    assert (cumulative["type"], cumulative["period_type"], cumulative["balance"]) == (
        "xbrli:monetaryItemType", "duration", "credit")


def test_signs_by_meaning_through_sections_and_sums(conversion):
    facts = _facts(conversion.report)
    assert facts[("us-gaap:RestructuringCharges", "2001-01-01..2001-12-31")] == -400000   # "(benefit)" credit
    assert facts[("us-gaap:InterestExpense", "2001-01-01..2001-12-31")] == 150000         # "(150)" deducted
    assert facts[("us-gaap:TreasuryStockValue", "2001-12-31")] == 2000000                 # contra-equity
    assert facts[("us-gaap:OtherAssetsCurrent", "2001-12-31")] == 1500000                  # "Other" under current assets
    assert facts[("us-gaap:OtherAssetsNoncurrent", "2001-12-31")] == 2000000               # "Other" after the total


def test_schema_defines_the_extension_and_links_its_linkbases(conversion):
    schema = etree.parse(str(conversion.outdir / "northwind.xsd")).getroot()
    elements = {e.get("name"): e for e in schema.iter(f"{XS}element")}
    element = elements["CumulativeEffectOfAccountingChangeNetOfTax"]
    assert element.get(f"{XBRLI}balance") == "credit" and element.get(f"{XBRLI}periodType") == "duration"
    refs = {r.get(f"{XLINK}href") for r in schema.iter(f"{LINK}linkbaseRef")}
    assert refs == {"northwind_lab.xml", "northwind_pre.xml", "northwind_cal.xml"}
    instance = etree.parse(str(conversion.outdir / "northwind.xml")).getroot()
    assert [r.get(f"{XLINK}href") for r in instance.iter(f"{LINK}schemaRef")] == ["northwind.xsd"]
    labels = etree.parse(str(conversion.outdir / "northwind_lab.xml")).getroot()
    assert "Cumulative effect of accounting change, net of tax" in [l.text for l in labels.iter(f"{LINK}label")]


def test_calculation_linkbase_mirrors_the_printed_sums(conversion):
    linkbase = etree.parse(str(conversion.outdir / "northwind_cal.xml")).getroot()
    arcs = {(a.get(f"{XLINK}from"), a.get(f"{XLINK}to")): a.get("weight") for a in linkbase.iter(f"{LINK}calculationArc")}
    assert arcs[("us-gaap_GrossProfit", "us-gaap_CostOfRevenue")] == "-1"
    assert arcs[("us-gaap_NetIncomeLoss", "northwind_CumulativeEffectOfAccountingChangeNetOfTax")] == "1"
    assert arcs[("us-gaap_StockholdersEquity", "us-gaap_TreasuryStockValue")] == "-1"
    assert arcs[("us-gaap_Assets", "us-gaap_AssetsCurrent")] == "1"
    assert conversion.report["summations"] == len(arcs)
    assert conversion.report["issue_counts"] == {}, conversion.report["issues"]


def test_arelle_finds_the_output_valid_and_the_sums_consistent(conversion):
    validation = conversion.report["validation"]
    assert validation["ran"] and validation["valid"], validation["errors"]
    assert validation["calculation_inconsistencies"] == []


def test_report_lists_every_line_with_its_concept_confidence_and_rule(conversion):
    rows = [row for s in conversion.report["statements"] for row in s["rows"]]
    assert all(row["line_item"] and row["concept"] for row in rows)
    extension = next(row for row in rows if row["label"].startswith("Cumulative effect"))
    assert (extension["extension"], extension["confidence"]) == (True, "low")
    assert extension["rule"].startswith("extension:")
    gross = next(row for row in rows if row["label"] == "Gross profit")
    assert (gross["extension"], gross["confidence"]) == (False, "high")
    assert gross["rule"].startswith("taxonomy_maps/concepts.csv:")


def test_a_printed_total_that_does_not_add_up_is_reported(tmp_path, taxonomy_packages):
    broken = (FIXTURES / "text_10k_extension.txt").read_text().replace(
        "    Total current assets.........................     30,000",
        "    Total current assets.........................     30,100")
    source = tmp_path / "broken.txt"
    source.write_text(broken)
    report = convert(source, tmp_path / "out", ConvertOptions(cik="456", validate=False)).report
    assert any(issue["code"] == "total-not-sum" and "Total current assets" in issue["message"]
               for issue in report["issues"])
