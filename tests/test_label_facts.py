"""Facts printed inside balance-sheet labels (issue 18): the grammar on made-up labels of each phrase family, and
made-up text and HTML filings converted end to end, the facts placed in the inline document where printed."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from converter.pipeline import ConvertOptions, convert
from converter.text.quantities import read_label_quantities

IX = "{http://www.xbrl.org/2013/inlineXBRL}"


def _read(label: str) -> dict[str, list[tuple[str, tuple]]]:
    return {q.kind: [(str(v.value), v.when) for v in q.values] for q in read_label_quantities(label).quantities}


def test_par_value_authorized_and_issued_in_column_order():
    label = "Common stock, $.01 par value; 40,000,000 shares authorized; 10,250,300 and 9,875,000 shares issued"
    assert _read(label) == {"par_value": [("0.01", ())], "authorized": [("40000000", ())],
                            "issued": [("10250300", ()), ("9875000", ())]}
    assert read_label_quantities(label).name == "Common stock"


def test_a_kind_before_a_colon_names_the_figures_after_it():
    # not 'issued 4,800,000,000': the count after 'Authorized:' is the authorized one, the dated list goes on past ';'
    label = ("Common stock, $.25 par value Authorized: 4,800,000,000 shares Issued: 2,345,678,901 shares in 1997; "
             "2,334,567,890 shares in 1996")
    assert _read(label) == {"par_value": [("0.25", ())], "authorized": [("4800000000", ())],
                             "issued": [("2345678901", (1997,)), ("2334567890", (1996,))]}
    # a kind after its own figure still ends at the colon
    assert _read("Common stock, $0.01 par value: 400,000 and 600,000 shares authorized") == {
        "par_value": [("0.01", ())], "authorized": [("400000", ()), ("600000", ())]}


def test_three_columns_listed_with_commas():
    label = "Common stock, $2 par value; 9,000,000 shares authorized; 4,310,250,  4,298,005, and 4,250,220 shares issued"
    assert _read(label)["issued"] == [("4310250", ()), ("4298005", ()), ("4250220", ())]
    assert _read("Common stock, 3,100, 3,050 and 2,990 shares outstanding")["outstanding"] == [
        ("3100", ()), ("3050", ()), ("2990", ())]


def test_no_par_and_none_issued():
    assert _read("Preferred stock, no par value; 2,000,000 shares authorized; none issued") == {
        "no_par": [("0", ())], "authorized": [("2000000", ())], "issued": [("0", ())]}


def test_kinds_joined_by_and_or_a_dash_are_two_quantities():
    assert _read("Preferred stock, $1 par value, 5,000,000 shares authorized and none issued") == {
        "par_value": [("1", ())], "authorized": [("5000000", ())], "issued": [("0", ())]}
    assert _read("Common shares, par value $2.50\u2013900,000,000 shares authorized") == {
        "par_value": [("2.50", ())], "authorized": [("900000000", ())]}


def test_issued_and_outstanding_is_one_kind_and_words_scale_figures():
    assert _read("Common stock, $.10 par value; authorized--2.5 billion shares; issued--812.4 and 799.9 million") \
        == {"par_value": [("0.10", ())], "authorized": [("2.5", ())], "issued": [("812.4", ()), ("799.9", ())]}
    quantities = read_label_quantities("Common stock; authorized--2.5 billion shares; issued--812.4 million").quantities
    assert [q.power for q in quantities] == [9, 6]
    assert _read("Class A stock, 61,000 and 60,500 shares issued and outstanding, respectively") == {
        "issued_and_outstanding": [("61000", ()), ("60500", ())]}


def test_dated_values_pair_with_their_dates():
    assert _read("Treasury stock, at cost, 31,200 shares in 1998 and 28,750 shares in 1997") == {
        "shares": [("31200", (1998,)), ("28750", (1997,))]}
    assert _read("Accounts receivable, net of allowances of $812 and $640 at June 30, 2006 and 2005, respectively") \
        == {"allowance": [("812", (date(2006, 6, 30),)), ("640", (2005,))]}
    assert _read("Common stock, $1 par value (authorized\u2014500,000 shares: issued\u2014210,400 shares in 2001 and "
                 "2000)") == {"par_value": [("1", ())], "authorized": [("500000", ())],
                              "issued": [("210400", (2001, 2000))]}


def test_a_parenthesis_dates_the_other_column():
    assert _read("Receivables, net of allowance for doubtful accounts of $71 ($64 at December 31, 1996)") == {
        "allowance": [("71", ()), ("64", (date(1996, 12, 31),))]}
    assert _read("Common stock, no par value; 90,000 shares authorized; 44,120 shares issued and outstanding at "
                 "March 31, 1997 (41,730 shares at December 31, 1996)") == {
        "no_par": [("0", ())], "authorized": [("90000", ())],
        "issued_and_outstanding": [("44120", (date(1997, 3, 31),)), ("41730", (date(1996, 12, 31),))]}


def test_accumulated_depreciation():
    assert _read("Property and equipment, net of accumulated depreciation of $5,600 and $5,100") == {
        "accumulated_depreciation": [("5600", ()), ("5100", ())]}
    assert _read("Deferred financing costs, net of amortization of $310 and $240") == {
        "accumulated_depreciation": [("310", ()), ("240", ())]}


def test_one_count_authorized_issued_and_outstanding():
    assert _read("Series A preferred stock, no par value; 75,000 shares authorized, issued and outstanding") == {
        "no_par": [("0", ())], "authorized_issued_and_outstanding": [("75000", ())]}
    assert _read("Preferred stock, 1,000 shares authorized, none issued") == {
        "authorized": [("1000", ())], "issued": [("0", ())]}


def test_aggregate_liquidation_preference():
    assert _read("Preferred stock, $1 par value (aggregate liquidation preference of $2.5 billion)") == {
        "par_value": [("1", ())], "aggregate_liquidation_preference": [("2.5", ())]}


def test_values_printed_after_their_years():
    assert _read("Accounts receivable, less allowance of 1999 - $52; 1998 - $48") == {
        "allowance": [("52", (1999,)), ("48", (1998,))]}
    assert _read("Deferred loan fees, net of amortization 1999; $120 and 1998; none") == {
        "accumulated_depreciation": [("120", (1999,)), ("0", (1998,))]}
    assert read_label_quantities("Senior notes due 2005 - $1,000 principal").quantities == ()


def test_a_parenthesis_of_figures_after_a_kind_named_alone_is_that_kind():
    assert _read("Receivables, less allowances (1999-$1,234; 1998-$1,100)") == {
        "allowance": [("1234", (1999,)), ("1100", (1998,))]}
    assert _read("Preferred stock, $1 par value, authorized (1,000,000 shares)") == {
        "par_value": [("1", ())], "authorized": [("1000000", ())]}
    assert _read("Common stock, issued and outstanding (5,000 and 4,000 shares)") == {
        "issued_and_outstanding": [("5000", ()), ("4000", ())]}


@pytest.mark.parametrize("label", [
    "Retained earnings, including accumulated other comprehensive income of $512 and $498",
    "Preferred stock, liquidation preference of $40,815 and none",
    "Accounts receivable (including amounts from a related party of $853 and $310)",
    "Number of shares outstanding at December 31",
    "Common stock, par value 1 2/3 cents per share",
    "Treasury stock; 6,026 shares in and 12,763 in 1993",
])
def test_other_figures_in_labels_are_not_read(label):
    assert read_label_quantities(label).quantities == ()


def test_a_kind_printed_twice_with_other_figures_is_read_nowhere():
    label = ("Common stock, $0.001 par value: 9,000 shares authorized; 3,090 (Class A 2,000) and par value of $3 "
             "(Class A $2) shares issued")
    assert "par_value" not in _read(label)


# --- end to end -----------------------------------------------------------------------------------------------

_TEXT_FILING = """\
<SEC-DOCUMENT>
<SEC-HEADER>
CONFORMED SUBMISSION TYPE:\t10-Q
CONFORMED PERIOD OF REPORT:\t19980630
CENTRAL INDEX KEY:\t\t\t0000999998
COMPANY CONFORMED NAME:\t\t\tGADGET WORKS INC
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-Q
<TEXT>
                           GADGET WORKS INC.
                 CONDENSED CONSOLIDATED BALANCE SHEETS
            (In thousands, except share and per share amounts)

                                                  June 30,     December 31,
                                                    1998           1997
                                                 ---------     ------------
ASSETS
Cash                                              $  1,200       $  1,000
Accounts receivable, less allowances of $85
  and $70, respectively                              3,400          3,100
Property and equipment, net of accumulated
  depreciation of $2,150 and $1,900                  5,000          5,100
                                                  --------       --------
Total assets                                      $  9,600       $  9,200
                                                  ========       ========
LIABILITIES AND STOCKHOLDERS' EQUITY
Accounts payable                                  $  2,600       $  2,500
Stockholders' equity:
  Preferred stock, $1 par value; 1,000,000 shares
    authorized; none issued                             --             --
  Common stock, $.01 par value; 30,000,000 shares
    authorized; 12,400,000 and 12,000,000 shares
    issued                                             124            120
  Additional paid-in capital                         4,876          4,780
  Retained earnings                                  2,250          1,950
  Treasury stock, at cost, 100,000 and 50,000
    shares                                            (250)          (150)
                                                  --------       --------
  Total stockholders' equity                         7,000          6,700
                                                  --------       --------
Total liabilities and stockholders' equity        $  9,600       $  9,200
                                                  ========       ========
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def _converted(folder: Path, name: str, text: str, options: ConvertOptions = ConvertOptions()):
    source = folder / name
    source.write_text(text, encoding="utf-8")
    return convert(source, folder / "out", options)


@pytest.fixture(scope="module")
def text_conversion(tmp_path_factory, taxonomy_packages):
    return _converted(tmp_path_factory.mktemp("labels"), "gadget.txt", _TEXT_FILING)


def _facts(result) -> dict[tuple[str, str], str]:
    return {(f["concept"].split(":")[1], f["period"]): f["value"] for f in result.report["fact_list"]}


def test_text_balance_sheet_label_facts(text_conversion):
    facts = _facts(text_conversion)
    for when in ("1998-06-30", "1997-12-31"):
        assert facts[("CommonStockParOrStatedValuePerShare", when)] == "0.01"      # per share: never scaled
        assert facts[("CommonStockSharesAuthorized", when)] == "30000000"         # shares: as printed
        assert facts[("PreferredStockParOrStatedValuePerShare", when)] == "1"
        assert facts[("PreferredStockSharesAuthorized", when)] == "1000000"
        assert facts[("PreferredStockSharesIssued", when)] == "0"
    assert facts[("CommonStockSharesIssued", "1998-06-30")] == "12400000"
    assert facts[("CommonStockSharesIssued", "1997-12-31")] == "12000000"
    assert facts[("TreasuryStockShares", "1998-06-30")] == "100000"
    assert facts[("AllowanceForDoubtfulAccountsReceivableCurrent", "1998-06-30")] == "85000"   # money: in thousands
    assert facts[("AllowanceForDoubtfulAccountsReceivableCurrent", "1997-12-31")] == "70000"
    assert facts[("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", "1997-12-31")] == "1900000"
    assert facts[("CommonStockValue", "1998-06-30")] == "124000"              # the line keeps its own fact


def test_label_facts_are_reported_with_their_row(text_conversion):
    rows = [row for statement in text_conversion.report["statements"] for row in statement["rows"]]
    common = next(row for row in rows if row["label"].startswith("Common stock"))
    assert common["concept"] == "us-gaap:CommonStockValue"
    assert common["label_facts"]["us-gaap:CommonStockSharesIssued 1997-12-31"] == "12000000"


def test_label_facts_stand_where_printed_and_validate(text_conversion):
    assert text_conversion.validation.valid
    inline = text_conversion.outdir / text_conversion.report["outputs"]["inline"]
    root = etree.parse(str(inline))
    placed = {(e.get("name"), e.get("contextRef")): "".join(e.itertext())
              for e in root.iter(f"{IX}nonFraction") if e.getparent().tag != f"{IX}hidden"}
    issued = {name: text for (name, _), text in placed.items() if name == "us-gaap:CommonStockSharesIssued"}
    assert set(issued.values()) <= {"12,400,000", "12,000,000"} and issued
    assert "85" in {text for (name, _), text in placed.items()
                    if name == "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent"}


_HTML_FILING = """<html><body>
<p>NORTHWIND SUPPLY CORP.</p><p>CONSOLIDATED BALANCE SHEETS</p><p>(In thousands)</p>
<table>
<tr><td></td><td>December 31, 2001</td><td>December 31, 2000</td></tr>
<tr><td>Cash</td><td>$ 900</td><td>$ 800</td></tr>
<tr><td>Accounts receivable, net of allowance for doubtful accounts of $45 and $40</td><td>2,100</td><td>2,000</td></tr>
<tr><td>Total assets</td><td>$ 3,000</td><td>$ 2,800</td></tr>
<tr><td>Accounts payable</td><td>$ 1,000</td><td>$ 950</td></tr>
<tr><td>Common stock, $.10 par value; 20,000,000 shares authorized; 8,500,000 and 8,200,000 shares issued and outstanding</td><td>850</td><td>820</td></tr>
<tr><td>Retained earnings</td><td>1,150</td><td>1,030</td></tr>
<tr><td>Total stockholders' equity</td><td>2,000</td><td>1,850</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>$ 3,000</td><td>$ 2,800</td></tr>
</table>
<p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(In thousands, except per share data)</p>
<table>
<tr><td></td><td>Year ended December 31, 2001</td><td>Year ended December 31, 2000</td></tr>
<tr><td>Revenues</td><td>$ 5,000</td><td>$ 4,600</td></tr>
<tr><td>Net income</td><td>$ 84</td><td>$ 81</td></tr>
<tr><td>Net income per share</td><td>$ .01</td><td>$ .01</td></tr>
<tr><td>Weighted average shares outstanding</td><td>8,400</td><td>8,100</td></tr>
</table></body></html>
"""


@pytest.fixture(scope="module")
def html_conversion(tmp_path_factory, taxonomy_packages):
    return _converted(tmp_path_factory.mktemp("labels_html"), "northwind.htm", _HTML_FILING)


def test_html_share_counts_printed_whole_under_a_caption_in_thousands(html_conversion):
    """'(In thousands)' scales shares, but the weighted-average shares (8,400 thousand) say the label's
    8,500,000 is printed whole."""
    facts = _facts(html_conversion)
    assert facts[("CommonStockSharesIssued", "2001-12-31")] == "8500000"
    assert facts[("CommonStockSharesOutstanding", "2000-12-31")] == "8200000"
    assert facts[("CommonStockSharesAuthorized", "2000-12-31")] == "20000000"
    assert facts[("CommonStockParOrStatedValuePerShare", "2001-12-31")] == "0.1"
    assert facts[("AllowanceForDoubtfulAccountsReceivableCurrent", "2001-12-31")] == "45000"
    assert html_conversion.validation.valid


def _balance_sheet_alone(par: str) -> str:
    balance_sheet = _HTML_FILING.split("<p>CONSOLIDATED STATEMENTS OF INCOME")[0] + "</body></html>"
    return balance_sheet.replace("$.10 par value", par)


def test_html_par_value_times_shares_decides_the_scale(tmp_path, taxonomy_packages):
    """$.10 x 8,500,000 shares is the line's 850 (thousands): the count is printed whole."""
    facts = _facts(_converted(tmp_path, "northwind_bs.htm", _balance_sheet_alone("$.10 par value"),
                              ConvertOptions(validate=False)))
    assert facts[("CommonStockSharesIssued", "2001-12-31")] == "8500000"


def test_html_share_counts_without_evidence_are_withheld(tmp_path, taxonomy_packages):
    """No par value and no income statement: nothing says whether '8,500,000' is printed whole or in thousands."""
    result = _converted(tmp_path, "northwind_bs.htm", _balance_sheet_alone("no par value"),
                        ConvertOptions(validate=False))
    facts = _facts(result)
    assert not any(concept.startswith("CommonStockShares") for concept, _ in facts)
    assert facts[("CommonStockNoParValue", "2001-12-31")] == "0"
    assert "label-scale-undecided" in result.report["issue_counts"]


def test_a_weighted_average_printed_whole_under_thousands_vouches_only_at_the_power_its_arithmetic_confirms(
        tmp_path, taxonomy_packages):
    """'(In thousands, except per share data)' over '8,400,000' weighted shares: read at the caption's power the
    count is 8.4 billion and would vouch for label counts read a thousand times too large; net income over EPS
    (84 thousand / $.01) says 8.4 million, and the label's counts are printed whole."""
    filing = (_HTML_FILING.replace("$.10 par value", "no par value")
              .replace("<td>8,400</td><td>8,100</td>", "<td>8,400,000</td><td>8,100,000</td>"))
    facts = _facts(_converted(tmp_path, "northwind_whole.htm", filing, ConvertOptions(validate=False)))
    assert facts[("CommonStockSharesIssued", "2001-12-31")] == "8500000"
    assert facts[("CommonStockSharesAuthorized", "2000-12-31")] == "20000000"
