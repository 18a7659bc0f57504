"""The checking stage catches what the filing's own arithmetic contradicts, and withholds it: small made-up
statements, each broken the way real readings break (a share scale off by 1000, a balance sheet whose two sides
were read from different places, a side's signs turned, one line printed with two values)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.checks.balance import unbalanced
from converter.checks.per_share import per_share_mismatches
from converter.checks.signs import negative_by_meaning
from converter.mapping import deduplicate
from converter.model import Fact, IssueCode, Period, SourceRef, Unit
from converter.pipeline import ConvertOptions, convert

FIXTURE = Path(__file__).parent / "fixtures" / "text_10k_extension.txt"
YEAR_2001 = Period(start=date(2001, 1, 1), end=date(2001, 12, 31))
END_2001 = Period(end=date(2001, 12, 31))
INCOME_LINES = """Net income.......................................   $  3,200     $  1,750
                                                    ========     ========
"""


def _fact(concept: str, value: str, period: Period = YEAR_2001, unit: Unit = Unit.USD, decimals: int = -3,
          closes_sum: bool = False) -> Fact:
    return Fact(f"us-gaap:{concept}", Decimal(value), period, unit, decimals, SourceRef("d", 1),
                closes_sum=closes_sum)


def _convert(tmp_path: Path, text: str, keep_unverified: bool = False) -> dict:
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "filing.txt"
    source.write_text(text)
    return convert(source, tmp_path / "out", ConvertOptions(cik="456", validate=False,
                                                            keep_unverified=keep_unverified)).report


def _written(report: dict) -> dict[tuple[str, str], str]:
    return {(f["concept"], f["period"]): f["value"] for f in report["fact_list"]}


def test_a_share_count_a_thousand_times_too_large_is_withheld(tmp_path):
    # whole shares printed under a caption "in thousands, except per share amounts": read as thousands
    text = FIXTURE.read_text().replace(INCOME_LINES, INCOME_LINES + """
Net income per share - basic.....................   $   0.32     $   0.18
Weighted average shares - basic..................  10,000,000   9,700,000
""")
    report = _convert(tmp_path, text)
    written = _written(report)
    assert written[("us-gaap:EarningsPerShareBasic", "2001-01-01..2001-12-31")] == "0.32"
    assert written[("us-gaap:NetIncomeLoss", "2001-01-01..2001-12-31")] == "3200000"
    assert not any(concept.startswith("us-gaap:WeightedAverage") for concept, _ in written)
    withheld = {(w["concept"], w["period"]): w["code"] for w in report["withheld"]}
    assert withheld == {("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2001-01-01..2001-12-31"):
                        "per-share-mismatch",
                        ("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2000-01-01..2000-12-31"):
                        "per-share-mismatch"}


def test_shares_read_at_the_right_scale_pass(tmp_path):
    text = FIXTURE.read_text().replace(INCOME_LINES, INCOME_LINES + """
Net income per share - basic.....................   $   0.32     $   0.18
Weighted average shares - basic..................     10,000        9,700
""")
    report = _convert(tmp_path, text)
    assert _written(report)[("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2001-01-01..2001-12-31")] \
        == "10000000"
    assert report["withheld"] == []


def test_a_rows_own_scale_overrides_the_caption_both_ways(tmp_path):
    # the caption says thousands; the share rows say what they are themselves
    text = FIXTURE.read_text().replace(INCOME_LINES, INCOME_LINES + """
Net income per share - basic.....................   $   0.32     $   0.18
Net income per share - diluted...................   $   0.31     $   0.17
Weighted average shares (in whole shares) - basic  10,000,000   9,700,000
Weighted average shares (in millions) - diluted..       10.3         10.2
""")
    report = _convert(tmp_path, text)
    written = _written(report)
    assert written[("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2001-01-01..2001-12-31")] == "10000000"
    assert written[("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "2001-01-01..2001-12-31")] \
        == "10300000"
    assert report["withheld"] == []


def test_a_diluted_share_count_off_by_a_thousand_is_withheld():
    eps = _fact("EarningsPerShareDiluted", "1.16", unit=Unit.USD_PER_SHARE, decimals=2)
    shares = _fact("WeightedAverageNumberOfDilutedSharesOutstanding", "899329", unit=Unit.SHARES, decimals=0)
    income = _fact("NetIncomeLoss", "1045000000", decimals=-6)
    withheld, issues = per_share_mismatches([eps, shares, income])
    assert [w.fact for w in withheld] == [shares]
    assert "10^3" in issues[0].message


def test_a_balance_sheet_whose_sides_disagree_loses_the_side_nothing_confirms(tmp_path):
    # the right-hand side's total read from elsewhere (a page joined wrongly): 46,900 is no sum of its lines
    text = FIXTURE.read_text().replace("    Total liabilities and stockholders' equity...   $ 46,000     $ 42,500",
                                       "    Total liabilities and stockholders' equity...   $ 46,900     $ 42,500")
    report = _convert(tmp_path, text)
    written = _written(report)
    assert written[("us-gaap:Assets", "2001-12-31")] == "46000000"
    assert ("us-gaap:LiabilitiesAndStockholdersEquity", "2001-12-31") not in written
    assert written[("us-gaap:LiabilitiesAndStockholdersEquity", "2000-12-31")] == "42500000"
    # its lines add up to it in 2000, not in 2001: there the one line no sum of its own confirms is in doubt too
    assert [(w["concept"], w["period"], w["code"]) for w in report["withheld"]] == [
        ("us-gaap:LiabilitiesAndStockholdersEquity", "2001-12-31", "unbalanced"),
        ("us-gaap:LongTermDebtNoncurrent", "2001-12-31", "sum-fails-in-column")]
    assert written[("us-gaap:LongTermDebtNoncurrent", "2000-12-31")] == "6800000"
    assert {"unbalanced", "sum-fails-in-column"} <= set(report["issue_counts"])


def test_each_statement_gets_a_verdict(tmp_path):
    assert _convert(tmp_path / "clean", FIXTURE.read_text())["verdicts"] == {
        "verified": 2, "partly verified": 0, "unverified": 0}
    text = FIXTURE.read_text().replace("    Total liabilities and stockholders' equity...   $ 46,000     $ 42,500",
                                       "    Total liabilities and stockholders' equity...   $ 46,900     $ 42,500")
    report = _convert(tmp_path / "broken", text)
    balance_sheet = next(s for s in report["statements"] if s["kind"] == "balance_sheet")
    assert balance_sheet["verdict"] == {"verdict": "partly verified", "totals_confirmed": 4,
                                        "totals_not_adding_up": 1, "withheld": 2}


def test_keep_unverified_writes_the_withheld_facts_and_says_so(tmp_path):
    text = FIXTURE.read_text().replace("    Total liabilities and stockholders' equity...   $ 46,000     $ 42,500",
                                       "    Total liabilities and stockholders' equity...   $ 46,900     $ 42,500")
    report = _convert(tmp_path, text, keep_unverified=True)
    assert _written(report)[("us-gaap:LiabilitiesAndStockholdersEquity", "2001-12-31")] == "46900000"
    assert [(w["concept"], w["written"]) for w in report["withheld"]] == [
        ("us-gaap:LiabilitiesAndStockholdersEquity", True), ("us-gaap:LongTermDebtNoncurrent", True)]


def test_two_unconfirmed_sides_that_disagree_are_both_withheld():
    assets = _fact("Assets", "46000000", END_2001)
    other = _fact("LiabilitiesAndStockholdersEquity", "45000000", END_2001)
    withheld, issues = unbalanced([assets, other])
    assert [w.fact for w in withheld] == [assets, other]
    assert [i.code for i in issues] == [IssueCode.UNBALANCED]


def test_a_sign_turned_against_the_concepts_meaning_is_withheld():
    payable = _fact("AccountsPayableCurrent", "-5000000", END_2001)
    cash = _fact("CashAndCashEquivalentsAtCarryingValue", "8000000", END_2001)
    loss = _fact("NetIncomeLoss", "-4381000")
    withheld, issues = negative_by_meaning([payable, cash, loss])
    assert [w.fact for w in withheld] == [payable]
    assert issues[0].code is IssueCode.SIGN_AGAINST_MEANING


def test_eps_of_the_opposite_sign_to_the_income_withholds_both():
    eps = _fact("EarningsPerShareBasic", "0.32", unit=Unit.USD_PER_SHARE, decimals=2)
    shares = _fact("WeightedAverageNumberOfSharesOutstandingBasic", "10000000", unit=Unit.SHARES)
    income = _fact("NetIncomeLoss", "-3200000")
    withheld, _ = per_share_mismatches([eps, shares, income])
    assert {w.fact.concept for w in withheld} == {"us-gaap:EarningsPerShareBasic", "us-gaap:NetIncomeLoss"}


@pytest.mark.parametrize("second, kept", [("3200000", True), ("3100000", False)])
def test_one_line_printed_with_two_values_is_withheld_whole(second, kept):
    first = _fact("NetIncomeLoss", "3200000")
    again = _fact("NetIncomeLoss", second, decimals=-5)      # in another statement, printed in millions to .1
    unique, withheld = deduplicate([first, again])
    assert (unique == [first]) is kept
    assert len(withheld) == (0 if kept else 2)


def test_a_part_of_the_company_may_have_a_negative_flow_but_never_a_negative_balance():
    segment = (("us-gaap:StatementBusinessSegmentsAxis", "x:EliminationsMember"),)
    flow = replace(_fact("AccountsPayableCurrent", "-500"), dimensions=segment)          # a duration
    balance = replace(_fact("AccountsPayableCurrent", "-500", END_2001), dimensions=segment)
    withheld, _ = negative_by_meaning([flow, balance])
    assert [w.fact for w in withheld] == [balance]


def _shifted_up(text: str, labels: list[str], figures: list[str]) -> str:
    """The last figure of each of these lines, found in order down the text, replaced right-aligned where it
    stood: a column read one line off."""
    lines = text.splitlines(keepends=True)
    index = 0
    for label, figure in zip(labels, figures):
        index = next(i for i in range(index, len(lines)) if lines[i].lstrip().startswith(label))
        old = lines[index].rstrip("\n").split()[-1]
        end = lines[index].rstrip("\n").rindex(old) + len(old)
        lines[index] = lines[index][:end - len(figure)] + figure + lines[index][end:]
        index += 1
    return "".join(lines)


def test_a_column_read_one_line_off_is_withheld_where_its_totals_fail(tmp_path):
    # from 'Inventories' down, the 2000 column took the figure of the line below it
    text = FIXTURE.read_text()
    assets = text[text.index("CONSOLIDATED BALANCE SHEETS"):]
    labels = ["Inventories", "Other....", "Total current assets", "Property and equipment", "Other....",
              "Total assets"]
    figures = ["1,200", "27,000", "13,000", " 2,500", "42,500", "4,800"]
    report = _convert(tmp_path, text.replace(assets, _shifted_up(assets, labels, figures)))
    written = _written(report)
    in_2000 = {concept for concept, period in written if period == "2000-12-31"}
    assert not in_2000 & {"us-gaap:CashAndCashEquivalentsAtCarryingValue", "us-gaap:InventoryNet",
                          "us-gaap:AssetsCurrent", "us-gaap:PropertyPlantAndEquipmentNet", "us-gaap:Assets"}
    assert written[("us-gaap:Assets", "2001-12-31")] == "46000000"
    assert written[("us-gaap:AssetsCurrent", "2001-12-31")] == "30000000"
    assert written[("us-gaap:LiabilitiesCurrent", "2000-12-31")] == "8700000"    # its own sums hold
    assert {w["code"] for w in report["withheld"]} >= {"sum-fails-in-column"}


def test_a_total_off_by_its_rounding_or_beside_a_dash_is_not_disputed(tmp_path):
    # 'in thousands' figures rounded one by one may miss their total by a unit; a line printed as a dash in one
    # column says nothing of that column's sum
    text = FIXTURE.read_text().replace("  Other..........................................      1,500        1,200",
                                       "  Other..........................................      1,501        1,200")
    text = text.replace("  Inventories....................................      9,500        9,100",
                        "  Inventories....................................      9,500           --")
    report = _convert(tmp_path, text)
    assert [w for w in report["withheld"] if w["code"] == "sum-fails-in-column"] == []
    assert _written(report)[("us-gaap:AssetsCurrent", "2001-12-31")] == "30000000"


COMMON_STOCK_LINE = "  Common stock...................................        100          100"


def test_a_statement_naming_no_scale_beside_ones_that_do_loses_its_money(tmp_path):
    text = FIXTURE.read_text().replace("                   (In thousands, except per share amounts)\n", "\n")
    report = _convert(tmp_path, text)
    written = _written(report)
    assert not [concept for concept, period in written if period == "2001-01-01..2001-12-31"
                and not concept.startswith("dei:")]
    assert written[("us-gaap:Assets", "2001-12-31")] == "46000000"
    assert {w["code"] for w in report["withheld"]} == {"scale-unproven"}


def _unscaled_with_shares(shares: str) -> str:
    text = FIXTURE.read_text().replace("                   (In thousands, except per share amounts)\n", "\n")
    return text.replace("                                 (In thousands)\n", "\n").replace(
        COMMON_STOCK_LINE, f"  Common stock, $1 par value; {shares} shares issued        100          100")


def test_par_value_times_shares_a_thousand_times_the_common_stock_states_thousands(tmp_path):
    # $1 x 100,000 shares is the common stock's printed 100 in thousands: the balance sheet is read so; the
    # income statement, naming no scale either, is proven by nothing and loses its money
    report = _convert(tmp_path, _unscaled_with_shares("100,000"))
    written = _written(report)
    assert written[("us-gaap:Assets", "2001-12-31")] == "46000000"
    assert written[("us-gaap:CommonStockValue", "2001-12-31")] == "100000"
    assert written[("us-gaap:CommonStockSharesIssued", "2001-12-31")] == "100000"    # counts are as printed
    assert ("us-gaap:NetIncomeLoss", "2001-01-01..2001-12-31") not in written
    assert {"scale-from-arithmetic", "scale-unproven"} <= set(report["issue_counts"])


def test_par_value_times_shares_equal_to_the_common_stock_leaves_whole_dollars_written(tmp_path):
    report = _convert(tmp_path, _unscaled_with_shares("100"))
    assert _written(report)[("us-gaap:Assets", "2001-12-31")] == "46000"
    assert [w for w in report["withheld"] if w["code"] == "scale-unproven"] == []


def test_a_caption_naming_whole_dollars_states_a_scale(tmp_path):
    text = FIXTURE.read_text().replace("(In thousands, except per share amounts)", "(In dollars)")
    report = _convert(tmp_path, text)
    assert _written(report)[("us-gaap:NetIncomeLoss", "2001-01-01..2001-12-31")] == "3200"
    assert [w for w in report["withheld"] if w["code"] == "scale-unproven"] == []
