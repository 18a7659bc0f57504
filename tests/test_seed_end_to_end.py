"""The founding example, converted end to end: every GAAP line, right concept, value, sign, period and unit."""
from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

from lxml import etree

from tests.conftest import ROOT, SEED

Q1_2003 = "2003-01-01..2003-03-31"
Q4_2002 = "2002-10-01..2002-12-31"
Q1_2002 = "2002-01-01..2002-03-31"
MAR_2003, DEC_2002 = "2003-03-31", "2002-12-31"

BALANCE_SHEET = {   # concept: (March 31 2003, December 31 2002), in dollars
    "CashCashEquivalentsAndShortTermInvestments": (106236000, 111167000),
    "AccountsReceivableNetCurrent": (2454000, 2956000),
    "InventoryNet": (11287000, 10776000),
    "OtherAssetsCurrent": (4488000, 3806000),
    "AssetsCurrent": (124465000, 128705000),
    "PropertyPlantAndEquipmentNet": (9226000, 11174000),
    "IntangibleAssetsNetIncludingGoodwill": (903000, 1174000),
    "OtherAssetsNoncurrent": (494000, 480000),
    "Assets": (135088000, 141533000),
    "AccountsPayableAndAccruedLiabilitiesCurrent": (33840000, 37521000),
    "RestructuringReserveCurrent": (1513000, 3143000),
    "DeferredRevenueCurrent": (31831000, 29235000),
    "LongTermDebtCurrent": (1527000, 1606000),
    "LiabilitiesCurrent": (68711000, 71505000),
    "LongTermDebtNoncurrent": (2660000, 3293000),
    "ConvertibleSubordinatedDebtNoncurrent": (10000000, 10000000),
    "CommonStockValue": (207000, 207000),
    "AdditionalPaidInCapital": (858514000, 858126000),
    "RetainedEarningsAccumulatedDeficit": (-802249000, -797868000),
    "DeferredCompensationEquity": (2494000, 3469000),
    "TreasuryStockValue": (261000, 261000),
    "StockholdersEquity": (53717000, 56735000),
    "LiabilitiesAndStockholdersEquity": (135088000, 141533000),
}

INCOME = {   # concept: (Q1 2003, Q4 2002, Q1 2002)
    "Revenues": (16019000, 12660000, 21158000),
    "InventoryWriteDown": (-735000, 0, 9434000),
    "OtherCostOfOperatingRevenue": (6165000, 6298000, 9875000),
    "CostOfRevenue": (5430000, 6298000, 19309000),
    "GrossProfit": (10589000, 6362000, 1849000),
    "ResearchAndDevelopmentExpense": (7702000, 8783000, 14615000),
    "SellingAndMarketingExpense": (5274000, 5656000, 8407000),
    "GeneralAndAdministrativeExpense": (1080000, 539000, 1466000),
    "AllocatedShareBasedCompensationExpense": (894000, 3841000, 5743000),
    "AmortizationOfIntangibleAssets": (271000, 358000, 406000),
    "RestructuringCharges": (0, 16000, -12141000),
    "OperatingExpenses": (15221000, 19368000, 18496000),
    "OperatingIncomeLoss": (-4632000, -13006000, -16647000),
    "InterestExpense": (130000, 238000, 139000),
    "InvestmentIncomeInterest": (381000, 424000, 592000),
    "NetIncomeLoss": (-4381000, -12820000, -16194000),
    "EarningsPerShareBasicAndDiluted": (Decimal("-0.02"), Decimal("-0.07"), Decimal("-0.09")),
    "WeightedAverageNumberOfShareOutstandingBasicAndDiluted": (198703000, 195648000, 186057000),
}

NS = {"xbrli": "http://www.xbrl.org/2003/instance", "us-gaap": "http://fasb.org/us-gaap/2024",
      "dei": "http://xbrl.sec.gov/dei/2024"}


def _instance(conversion):
    return etree.parse(str(conversion.outdir / conversion.report["outputs"]["instance"]))


def _facts(conversion) -> dict[tuple[str, str], list[dict]]:
    """(local concept name, period) -> facts read back from the written instance."""
    tree = _instance(conversion)
    periods = {}
    for context in tree.iterfind("xbrli:context", NS):
        instant = context.findtext(".//xbrli:instant", namespaces=NS)
        periods[context.get("id")] = instant or (context.findtext(".//xbrli:startDate", namespaces=NS) + ".." +
                                                 context.findtext(".//xbrli:endDate", namespaces=NS))
    facts: dict[tuple[str, str], list[dict]] = {}
    for element in tree.getroot():
        if element.get("contextRef"):
            key = (etree.QName(element).localname, periods[element.get("contextRef")])
            facts.setdefault(key, []).append({"value": element.text, "unit": element.get("unitRef"),
                                              "decimals": element.get("decimals"),
                                              "namespace": etree.QName(element).namespace})
    return facts


def test_every_balance_sheet_line_for_both_dates(seed_conversion):
    facts = _facts(seed_conversion)
    for concept, (march, december) in BALANCE_SHEET.items():
        for period, expected in ((MAR_2003, march), (DEC_2002, december)):
            found = facts.get((concept, period))
            assert found and len(found) == 1, f"{concept} {period}: {found}"
            assert Decimal(found[0]["value"]) == expected, concept
            assert found[0]["unit"] == "USD" and found[0]["decimals"] == "-3"
            assert found[0]["namespace"] == NS["us-gaap"]


def test_every_gaap_income_line_for_three_quarters_once(seed_conversion):
    facts = _facts(seed_conversion)
    for concept, values in INCOME.items():
        for period, expected in zip((Q1_2003, Q4_2002, Q1_2002), values):
            found = facts.get((concept, period))
            assert found and len(found) == 1, f"{concept} {period}: {found}"
            assert Decimal(found[0]["value"]) == expected, f"{concept} {period}"


def test_units_and_decimals_follow_the_measure(seed_conversion):
    facts = _facts(seed_conversion)
    eps = facts[("EarningsPerShareBasicAndDiluted", Q1_2003)][0]
    shares = facts[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", Q1_2003)][0]
    assert (eps["unit"], eps["decimals"]) == ("USDPerShare", "2")
    assert (shares["unit"], shares["decimals"]) == ("shares", "-3")


def test_no_adjustment_or_non_gaap_value_is_tagged(seed_conversion):
    facts = _facts(seed_conversion)
    # Non-GAAP net loss and the Q1 2003 adjustment total, which no GAAP line carries
    values = {Decimal(f["value"]) for found in facts.values() for f in found if f["unit"]}
    for non_gaap in (-3951000, 3951000, -8430000, -12752000, 430000, 14056000, 9854000, -4202000, 1165000):
        assert Decimal(non_gaap) not in values
    for key in facts:
        assert key[1] in (Q1_2003, Q4_2002, Q1_2002, MAR_2003, DEC_2002, "2003-04-09..2003-04-09")


def test_cover_page_dei_facts(seed_conversion):
    facts = _facts(seed_conversion)
    cover = {name: found[0]["value"] for (name, _), found in facts.items() if found[0]["namespace"] == NS["dei"]}
    assert cover == {
        "DocumentType": "8-K", "DocumentPeriodEndDate": "2003-04-09",
        "EntityRegistrantName": "SONUS NETWORKS, INC.", "EntityFileNumber": "000-30229",
        "EntityIncorporationStateCountryCode": "DE", "EntityTaxIdentificationNumber": "04-3387074",
        "EntityAddressAddressLine1": "5 CARLISLE ROAD", "EntityAddressCityOrTown": "WESTFORD",
        "EntityAddressStateOrProvince": "MA", "EntityAddressPostalZipCode": "01886",
        "CityAreaCode": "978", "LocalPhoneNumber": "692-8999"}


def test_no_cik_means_a_documented_non_cik_identifier(seed_conversion):
    identifier = _instance(seed_conversion).find(".//xbrli:identifier", NS)
    assert identifier.get("scheme") != "http://www.sec.gov/CIK"
    assert identifier.text == "SONUS-NETWORKS-INC"
    assert [i["code"] for i in seed_conversion.report["issues"] if "no CIK" in i["message"]] == ["no-cik"]


def test_arelle_finds_no_error(seed_conversion):
    validation = seed_conversion.report["validation"]
    assert validation["ran"] and validation["valid"] and validation["errors"] == []
    assert len(validation["unavailable"]) == 2
    assert all("country-2024" in u or "stpr-2024" in u for u in validation["unavailable"])
    assert "validation incomplete: 2 taxonomy files unavailable offline" in validation["summary"]


def test_report_contract(seed_conversion):
    report = json.loads((seed_conversion.outdir / "report.json").read_text())
    assert report["input"] == SEED.name
    assert (seed_conversion.outdir / report["outputs"]["instance"]).is_file()
    assert set(report["validation"]) >= {"valid", "errors", "warnings", "unavailable"}
    assert report["facts"] == len(report["fact_list"]) == sum(len(v) for v in _facts(seed_conversion).values())
    kinds = [s["kind"] for s in report["statements"]]
    assert kinds == ["balance_sheet", "income_statement", "income_statement"]
    balance_sheet = report["statements"][0]
    assert balance_sheet["periods"] == [DEC_2002, MAR_2003]
    assert {"label", "concept", "values"} <= set(balance_sheet["rows"][0])
    assert [u["label"] for u in report["unmapped"]] == ["Gross profit %", "Gross profit %"]


def test_cli_converts_the_seed_and_exits_zero(tmp_path, taxonomy_packages):
    out = tmp_path / "cli"
    result = subprocess.run([sys.executable, "-m", "converter", "convert", str(SEED), "-o", str(out),
                             "--no-validate", "--cik", "1105472"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["entity"] == {"scheme": "http://www.sec.gov/CIK", "identifier": "0001105472",
                                "name": "SONUS NETWORKS, INC."}
    assert report["validation"]["ran"] is False
    assert "Traceback" not in result.stderr


def test_golden_facts(seed_conversion, golden):
    golden("seed_facts", [{k: v for k, v in f.items() if k not in ("source", "id")} for f in seed_conversion.report["fact_list"]])
