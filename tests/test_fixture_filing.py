"""A 1990s <TABLE>/<S>/<C> 10-Q of our own: nine-month periods, heading-qualified EPS rows, escaping, validity."""
from __future__ import annotations

from decimal import Decimal

import pytest
from lxml import etree

from converter.pipeline import ConvertOptions, convert
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def conversion(tmp_path_factory, taxonomy_packages):
    return convert(FIXTURES / "table_tags_10q.txt", tmp_path_factory.mktemp("f") / "acme",
                   ConvertOptions(cik="123"))


def _value(report, concept, period):
    return next(Decimal(f["value"]) for f in report["fact_list"]
                if f["concept"] == f"us-gaap:{concept}" and f["period"] == period)


def test_values_periods_and_signs(conversion):
    report = conversion.report
    assert _value(report, "Revenues", "1998-01-01..1998-09-30") == 130500000
    assert _value(report, "InterestExpense", "1998-07-01..1998-09-30") == 410000
    assert _value(report, "OtherNonoperatingIncomeExpense", "1998-01-01..1998-09-30") == -40000
    assert _value(report, "EarningsPerShareDiluted", "1997-07-01..1997-09-30") == Decimal("0.25")
    assert _value(report, "WeightedAverageNumberOfSharesOutstandingBasic", "1997-01-01..1997-09-30") == 10062000
    assert report["unmapped"] == []


def test_company_name_is_escaped_and_instance_valid(conversion):
    tree = etree.parse(str(conversion.outdir / conversion.report["outputs"]["instance"]))
    names = tree.findall(".//{http://xbrl.sec.gov/dei/2024}EntityRegistrantName")
    assert [n.text for n in names] == ["ACME WIDGET & TOOL CORP. <HOLDINGS>"]
    assert conversion.report["validation"]["valid"] and conversion.exit_code == 0
    assert conversion.report["entity"]["identifier"] == "0000000123"
