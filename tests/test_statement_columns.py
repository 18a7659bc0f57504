"""Column periods from titles, 52/53-week snapping, span carrying, segment columns, unlabeled totals."""
from __future__ import annotations

from datetime import date

from converter.model import ColumnRole, Period, SourceRef, StatementKind, Table, TableRow
from converter.statements import build_statements
from converter.statements.classify import classify_table
from converter.text.numbers import parse_amount
from converter.statements.periods import period_from_caption, snap_to_fiscal_dates, start_of_span

REF = SourceRef("t", 1)


def _table(caption, headers, rows):
    return Table(caption=caption, column_headers=headers,
                 rows=[TableRow(label, cells, REF) for label, cells in rows], source=REF)


def test_year_only_columns_take_month_and_day_from_the_title():
    caption = ["For the Years Ended October 31, 2003, 2002 and 2001"]
    assert period_from_caption("2002", caption, instant=False) == Period(date(2002, 10, 31), date(2001, 11, 1))
    both = ["December 27, 2003 and December 28, 2002"]
    assert period_from_caption("2002", both, instant=True) == Period(date(2002, 12, 28))
    assert period_from_caption("2003", both, instant=True) == Period(date(2003, 12, 27))


def test_52_53_week_years_snap_to_balance_sheet_dates():
    computed = Period(end=date(2003, 12, 27), start=date(2002, 12, 28))
    moved = snap_to_fiscal_dates([computed, Period(date(2002, 12, 28)), Period(date(2003, 12, 27))])
    assert moved[computed] == Period(end=date(2003, 12, 27), start=date(2002, 12, 29))


def test_quarters_ending_off_a_month_end_are_13_weeks():
    assert start_of_span(date(2010, 6, 26), 3, "months") == date(2010, 3, 28)      # 13 weeks
    assert start_of_span(date(2010, 6, 26), 9, "months") == date(2009, 9, 27)      # 39 weeks
    assert start_of_span(date(2005, 1, 1), 3, "months") == date(2004, 10, 3)       # a Saturday past December
    assert start_of_span(date(2003, 3, 31), 3, "months") == date(2003, 1, 1)       # calendar quarters stay
    assert start_of_span(date(2010, 6, 15), 3, "months") == date(2010, 3, 16)      # mid-month: calendar months


def test_years_headed_by_year_alone_take_the_fiscal_dates_an_equity_statement_rolls_forward():
    income = _table(["STATEMENTS OF OPERATIONS", "Years ended September 25, 2010"], ["2010", "2009", "2008"],
                    [("Net sales", ["30", "20", "10"]), ("Net income", ["3", "2", "1"])])
    equity = _table(["STATEMENTS OF SHAREHOLDERS' EQUITY"], ["Shares", "Amount"],
                    [("Balance at September 29, 2007", ["1", "10"]), ("Net income", ["", "1"]),
                     ("Balance at September 27, 2008", ["1", "11"]), ("Net income", ["", "2"]),
                     ("Balance at September 26, 2009", ["1", "13"]), ("Net income", ["", "3"]),
                     ("Balance at September 25, 2010", ["1", "16"])])
    balance = _table(["BALANCE SHEETS"], ["September 25, 2010", "September 26, 2009"],
                     [("Total assets", ["16", "13"])])
    statements = build_statements([income, equity, balance], "10-K")
    [income_statement] = [s for s in statements if s.kind is StatementKind.INCOME]
    assert [str(c.period) for c in income_statement.columns] == [
        "2009-09-27..2010-09-25", "2008-09-28..2009-09-26", "2007-09-30..2008-09-27"]


def test_a_balance_at_the_first_of_a_month_opens_it():
    year = Period(end=date(2005, 12, 31), start=date(2005, 1, 1))
    opening = Period(date(2005, 1, 1))        # 'Balance at January 1, 2005': the close of December 31, 2004
    assert snap_to_fiscal_dates([year], [opening]) == {}
    fiscal = Period(end=date(2000, 12, 30), start=date(2000, 1, 1))
    assert snap_to_fiscal_dates([fiscal, Period(date(2000, 1, 1))], [Period(date(2000, 1, 1))])[fiscal] == Period(
        end=date(2000, 12, 30), start=date(2000, 1, 2))   # unless a balance-sheet column closes a year on that day


def test_span_printed_over_the_first_column_carries_to_the_next():
    table = _table(["STATEMENTS OF CASH FLOWS"], ["SIX MONTHS ENDED March 27, 1999", "March 27, 1998"],
                   [("Net cash provided by operating activities", ["10", "20"])])
    [statement] = build_statements([table], "10-Q")
    # March 27 is a Saturday closing a 52/53-week quarter: six months are 26 weeks
    assert [str(c.period) for c in statement.columns] == ["1998-09-27..1999-03-27", "1997-09-27..1998-03-27"]


def test_columns_sharing_a_period_are_segments_unless_one_is_the_total():
    headers = ["Equipment 2003", "Financial Services 2003", "Consolidated 2003"]
    table = _table(["STATEMENT OF INCOME", "For the Years Ended October 31, 2003"], headers,
                   [("Net income", ["1", "2", "3"])])
    [statement] = build_statements([table], "10-K")
    assert [c.role for c in statement.columns] == [ColumnRole.SEGMENT, ColumnRole.SEGMENT, ColumnRole.REPORTED]


def test_unlabeled_totals_close_the_innermost_section():
    rows = [("Current assets:", ["", ""]), ("Cash", ["1", "1"]), ("Inventories:", ["", ""]),
            ("Raw materials", ["2", "2"]), ("Finished goods", ["3", "3"]), ("", ["5", "5"]),
            ("Total current assets", ["6", "6"]), ("Land", ["4", "4"]), ("", ["10", "10"]),
            ("Accounts payable", ["7", "7"]), ("Total current liabilities", ["7", "7"]), ("", ["10", "10"])]
    table = _table(["BALANCE SHEETS"], ["March 31, 2003", "December 31, 2002"], rows)
    [statement] = build_statements([table], "10-Q")
    synthesized = [r.label for r in statement.rows if r.synthesized_label]
    assert synthesized == ["Total inventories", "Total assets", "Total liabilities and stockholders' equity"]


def test_footnote_marks_after_figures():
    assert parse_amount("1,234(a)").value == 1234
    assert parse_amount("(1,234)(b)").value == -1234
    assert parse_amount("56\u2020").value == 56


def test_a_total_closes_the_section_it_names_past_a_heading_left_open():
    rows = [("Current assets:", ["", ""]), ("Cash", ["1", "1"]), ("Receivables, net of allowance of", ["", ""]),
            ("$40 and $35", ["2", "2"]), ("Total current assets", ["3", "3"]), ("Property:", ["", ""]),
            ("Land", ["4", "4"]), ("", ["4", "4"]), ("", ["7", "7"])]
    table = _table(["BALANCE SHEETS"], ["March 31, 2003", "December 31, 2002"], rows)
    [statement] = build_statements([table], "10-Q")
    assert [r.label for r in statement.rows if r.synthesized_label] == ["Total property", "Total assets"]


def test_measures_by_label_head_suffix_and_per_share_heading():
    rows = [("Cash dividends of $.20 per common share", ["(4)", "(4)"]),
            ("Net income", ["9", "8"]), ("Net income - basic", ["0.45", "0.40"]),
            ("Basic earnings per share:", ["", ""]), ("Continuing operations", ["0.40", "0.35"]),
            ("Weighted-average common shares outstanding, Basic", ["20", "20"]),
            ("Common stock and paid-in capital—shares authorized 5,000; outstanding 3,210", ["7", "7"])]
    table = _table(["STATEMENTS OF INCOME", "Years ended December 31,"], ["2003", "2002"], rows)
    [statement] = build_statements([table], "10-K")
    measures = {r.label: r.measure.value for r in statement.rows if not r.is_heading}
    assert measures == {
        "Net income": "monetary", "Net income - basic": "per_share",
        "Basic earnings per share, Continuing operations": "per_share",
        "Weighted-average common shares outstanding, Basic": "shares",
        "Common stock and paid-in capital—shares authorized 5,000; outstanding 3,210": "monetary",
        "Cash dividends of $.20 per common share": "monetary"}     # the rate it prints is per share


def test_a_qualifier_printed_with_a_dash_repeats_the_head_of_the_line_above():
    """'- Diluted' under 'Earnings per share - Basic' is the diluted earnings per share, not a part of the
    heading printed last ('Expenses:')."""
    rows = [("Expenses:", ["", ""]), ("Interest", ["3", "2"]), ("Net income", ["9", "8"]),
            ("Earnings per share - Basic", ["0.45", "0.40"]), ("- Diluted", ["0.43", "0.39"]),
            ("Weighted average shares outstanding - Basic", ["20", "20"]), ("- Diluted", ["21", "21"])]
    table = _table(["STATEMENTS OF INCOME", "Years ended December 31,"], ["2003", "2002"], rows)
    [statement] = build_statements([table], "10-K")
    labels = [(r.label, r.measure.value) for r in statement.rows[4:]]
    assert labels == [("Earnings per share - Diluted", "per_share"),
                      ("Weighted average shares outstanding - Basic", "shares"),
                      ("Weighted average shares outstanding - Diluted", "shares")]


def test_an_unlabeled_amount_under_a_contra_line_is_the_total_above_it_net():
    rows = [("Cash", ["50", "40"]), ("PROPERTY AND EQUIPMENT", ["", ""]), ("Land", ["20", "20"]),
            ("Equipment", ["80", "60"]), ("", ["100", "80"]), ("Less accumulated depreciation", ["(30)", "(25)"]),
            ("", ["70", "55"]), ("Other assets", ["5", "5"]), ("", ["125", "100"])]
    table = _table(["BALANCE SHEETS"], ["December 31, 2003", "December 31, 2002"], rows)
    [statement] = build_statements([table], "10-K")
    totals = [r.label for r in statement.rows if r.synthesized_label]
    assert totals == ["Total property and equipment", "Property and equipment, net", "Total assets"]


def test_in_a_52_53_week_filing_a_quarter_ending_on_a_month_end_is_13_weeks():
    rows = [("Net sales", ["1,250", "1,100"]), ("Net income", ["125", "110"])]
    table = _table(["STATEMENTS OF OPERATIONS"], ["Three Months Ended December 30, 2006",
                                                  "Three Months Ended December 31, 2005"], rows)
    [statement] = build_statements([table], "10-Q")
    assert [c.period for c in statement.columns] == [Period(date(2006, 12, 30), date(2006, 10, 1)),
                                                    Period(date(2005, 12, 31), date(2005, 10, 2))]


def test_a_year_in_an_equity_component_header_dates_nothing():
    headers = ["Common Stock", "Additional Paid-in Capital", "Retained Earnings", "1988 Employee Stock Ownership Plan"]
    table = _table(["CONSOLIDATED STATEMENTS OF STOCKHOLDERS' EQUITY"], headers,
                   [("BALANCE, JANUARY 1, 1991", ["100", "200", "300", "40"]),
                    ("Net income for the year", ["0", "0", "50", "0"])])
    assert build_statements([table], "10-K") == []


def test_a_footnote_table_and_repeated_column_headers_end_the_statement():
    rows = [("Revenues", ["500", "640"]), ("Stock-based compensation(1)", ["20", "30"]), ("Net income", ["60", "70"]),
            ("(1) Stock-based compensation is allocated as follows (see Note 1):", ["", ""]),
            ("Three Months Ended June 30,", ["2003", "2004"]), ("Research and development", ["12", "18"])]
    table = _table(["CONSOLIDATED STATEMENTS OF INCOME", "Three Months Ended June 30,"], ["2003", "2004"], rows)
    [statement] = build_statements([table], "10-Q")
    assert [r.label for r in statement.rows] == ["Revenues", "Stock-based compensation(1)", "Net income"]


def test_years_repeated_under_a_period_phrase_are_no_amounts():
    rows = [("Revenues", ["500", "640"]), ("Year Ended December 31,", ["2003", "2004"]), ("Net income", ["60", "70"])]
    table = _table(["STATEMENTS OF INCOME", "Years Ended December 31,"], ["2003", "2004"], rows)
    [statement] = build_statements([table], "10-K")
    assert [r.label for r in statement.rows] == ["Revenues", "Net income"]


def test_a_basic_or_diluted_sub_heading_stays_in_the_per_share_section():
    rows = [("Net income", ["90", "80"]), ("Amounts per share of common stock", ["", ""]),
            ("Basic income", ["", ""]), ("Income from continuing operations", ["1.10", "1.00"]),
            ("Diluted income", ["", ""]), ("Net income", ["1.05", "0.95"]),
            ("Other items", ["", ""]), ("Restructuring", ["7", "6"])]
    table = _table(["STATEMENT OF INCOME", "For the Years Ended December 31,"], ["2003", "2002"], rows)
    [statement] = build_statements([table], "10-K")
    measures = {r.label: r.measure.value for r in statement.rows if not r.is_heading}
    assert measures == {
        "Net income": "monetary",
        "Amounts per share of common stock, Basic income, Income from continuing operations": "per_share",
        "Amounts per share of common stock, Diluted income, Net income": "per_share",
        "Restructuring": "monetary"}


def test_a_statement_titled_pro_forma_is_not_reported_unless_it_shows_its_adjustments():
    rows = [("Revenues", ["500", "640"]), ("Net income", ["60", "70"])]
    pro_forma = _table(["Consolidated Statements of Operations - Pro Forma", "Years ended December 31,"],
                       ["2003", "2002"], rows)
    [statement] = build_statements([pro_forma], "10-K")
    assert {c.role for c in statement.columns} == {ColumnRole.NON_GAAP}
    side_by_side = _table(["PRO FORMA CONSOLIDATED STATEMENT OF OPERATIONS"],
                          ["Year ended December 31, 2003", "Pro forma adjustments December 31, 2003",
                           "Total adjusted year ended December 31, 2003"], rows)
    [statement] = build_statements([side_by_side], "10-K")
    assert [c.role is ColumnRole.REPORTED for c in statement.columns] == [True, False, False]


def test_a_heading_printed_over_another_opens_no_section_for_an_unlabeled_total():
    rows = [("Cash", ["5", "5"]), ("", ["5", "5"]), ("Other liabilities", ["2", "2"]),
            ("Commitments and contingencies", ["", ""]), ("Shareholders' equity:", ["", ""]),
            ("Common stock", ["3", "3"]), ("Total shareholders' equity", ["3", "3"]), ("", ["5", "5"])]
    table = _table(["BALANCE SHEETS"], ["March 31, 2003", "December 31, 2002"], rows)
    [statement] = build_statements([table], "10-Q")
    assert [r.label for r in statement.rows if r.synthesized_label] == [
        "Total assets", "Total liabilities and stockholders' equity"]


def test_a_cash_flow_or_equity_line_naming_shares_moves_money():
    rows = [("Net income", ["9", "8"]), ("Common shares purchased", ["(4)", "(3)"])]
    table = _table(["STATEMENTS OF CASH FLOWS", "Years ended December 31,"], ["2003", "2002"], rows)
    [statement] = build_statements([table], "10-K")
    assert {r.label: r.measure.value for r in statement.rows} == {"Net income": "monetary",
                                                                  "Common shares purchased": "monetary"}
    rows = [("Balance at beginning of year", ["90", "80"]), ("Treasury shares reissued", ["4", "3"]),
            ("Dividends on common stock ($1.10 per share)", ["(2)", "(2)"])]
    table = _table(["STATEMENTS OF STOCKHOLDERS' EQUITY", "Years ended December 31,"], ["2003", "2002"], rows)
    [statement] = build_statements([table], "10-K")
    assert [r.measure.value for r in statement.rows[1:]] == ["monetary", "monetary"]


def test_an_equity_roll_forward_dates_its_rows_not_its_columns():
    rows = [("Balance, June 30, 2001", ["160"]), ("Net earnings", ["70"]), ("Dividends paid", ["(90)"]),
            ("Balance, June 30, 2002", ["140"]), ("Net earnings", ["30"]), ("Balance, June 30, 2003", ["170"])]
    table = _table(["STATEMENTS OF STOCKHOLDERS' EQUITY"], ["YEARS ENDED JUNE 30, 2002 AND 2003 TOTAL"], rows)
    [statement] = build_statements([table], "10-K")
    assert [str(r.period) for r in statement.rows] == [
        "2001-06-30", "2001-07-01..2002-06-30", "2001-07-01..2002-06-30",
        "2002-06-30", "2002-07-01..2003-06-30", "2003-06-30"]


def test_balances_printed_at_a_months_first_day_open_it():
    """'Consolidated balances, January 1, 2001' is the close of December 31, 2000: the year after it starts on
    January 1."""
    rows = [("Consolidated balances, January 1, 2001", ["50"]), ("Net income", ["7"]),
            ("Consolidated balances, December 31, 2001", ["57"])]
    table = _table(["STATEMENTS OF CHANGES IN STOCKHOLDERS' EQUITY"], ["Total"], rows)
    [statement] = build_statements([table], "10-K")
    assert [str(r.period) for r in statement.rows] == ["2000-12-31", "2001-01-01..2001-12-31", "2001-12-31"]


def test_a_heading_per_year_dates_the_rows_under_it():
    rows = [("YEAR ENDED DECEMBER 31, 1999", ["", ""]), ("Balance at beginning of year", ["10", "10"]),
            ("Net income", ["5", "5"]), ("YEAR ENDED DECEMBER 31, 2000", ["", ""]),
            ("Balance at beginning of year", ["15", "15"]), ("Net income", ["6", "6"])]
    table = _table(["STATEMENT OF STOCKHOLDERS' EQUITY", "For the Years Ended December 31, 1999 and 2000"],
                   ["Retained Earnings", "Total"], rows)
    [statement] = build_statements([table], "10-K")
    assert [str(r.period) if r.period else None for r in statement.rows] == [
        None, "1999-01-01..1999-12-31", "1999-01-01..1999-12-31", None, "2000-01-01..2000-12-31",
        "2000-01-01..2000-12-31"]


def test_balances_alone_roll_goodwill_forward_not_equity():
    rows = [("Balance as of December 31, 2005", ["100"]), ("Goodwill acquired", ["20"]),
            ("Balance as of September 30, 2006", ["120"])]
    assert classify_table(_table([], ["Total"], rows)) is None
    rows.insert(1, ("Net income", ["5"]))
    assert classify_table(_table([], ["Total"], rows)) == (StatementKind.EQUITY, False)


def test_award_activity_is_a_note_table_not_an_equity_statement():
    # Rolled forward between dated balances like an equity statement, with "stock" in its lines, but its columns
    # count awards and their prices: a note's table, neither tagged nor counted as a statement.
    rows = [("Balance at June 30, 2004", ["1,200", "12.50"]), ("Restricted stock granted", ["300", "20.00"]),
            ("Options exercised", ["(150)", "8.75"]), ("Balance at June 30, 2005", ["1,350", "14.10"])]
    award = _table([""], ["Number of Shares", "Weighted-Average Exercise Price"], rows)
    assert classify_table(award) is None
    assert build_statements([award], "10-K") == []
    equity = _table([""], ["Common Stock Shares", "Total"], rows)
    assert classify_table(equity) == (StatementKind.EQUITY, False)
    # a caption naming the statement still decides
    titled = _table(["STATEMENTS OF STOCKHOLDERS' EQUITY"], award.column_headers, rows)
    assert classify_table(titled) == (StatementKind.EQUITY, True)


def test_a_summary_naming_a_statement_is_none():
    # a line of business's results in the MD&A, and a table under the MD&A's heading: named like statements, but
    # summaries; tagged, their figures posed as the company's and contradicted its statements'
    rows = [("Total net revenue", ["14,578", "12,605"]), ("Noninterest expense", ["9,739", "8,696"]),
            ("Net income", ["3,658", "2,948"])]
    headers = ["Year ended December 31, 2005", "Year ended December 31, 2004"]
    assert classify_table(_table(["Selected income statement data", "(in millions)"], headers, rows)) is None
    assert classify_table(_table(["Management's Discussion and Analysis of Financial Condition"], headers,
                                 rows)) is None
    # selected financial data names its parts after the statements: beside the statement itself it is none; a
    # release printing only the summary keeps it
    summary = _table(["CONSOLIDATED STATEMENTS OF OPERATIONS DATA:", "(in thousands)"], headers, rows)
    statement = _table(["CONSOLIDATED STATEMENTS OF OPERATIONS"], headers, rows)
    assert [s.title for s in build_statements([summary, statement], "10-K")] == ["CONSOLIDATED STATEMENTS OF OPERATIONS"]
    assert [s.title for s in build_statements([summary], "8-K")] == ["CONSOLIDATED STATEMENTS OF OPERATIONS DATA:"]
    # wrapped over two lines, the summary's name is still one
    assert classify_table(_table(["Selected income statement and", "balance sheet data"], headers, rows)) is None
    # commitments kept off the balance sheet are a note's table
    assert classify_table(_table(["Off-balance sheet lending-related commitments"], headers, rows)) is None
    # a caption that also names the statement itself keeps it, and its title is that line
    both = _table(["Management's Discussion and Analysis", "Consolidated Statements of Income",
                   "Selected data for the year"], headers, rows)
    assert classify_table(both) == (StatementKind.INCOME, True)
    [statement] = build_statements([both], "10-K")
    assert statement.title == "Consolidated Statements of Income"


def test_a_statement_found_by_its_labels_takes_its_kinds_title_and_a_titled_one_its_printed_title():
    rows = [("Balance at June 30, 2004", ["1,000"]), ("Net income", ["200"]), ("Dividends", ["(50)"]),
            ("Balance at June 30, 2005", ["1,150"])]
    [untitled] = build_statements([_table([""], ["Year Ended June 30, 2005 Total"], rows)], "10-K")
    assert untitled.title == "Statement of Stockholders' Equity"       # the kind's, never "stockholders_equity"
    [titled] = build_statements([_table(["Consolidated Statements of Shareholders' Equity"],
                                        ["Year Ended June 30, 2005 Total"], rows)], "10-K")
    assert titled.title == "Consolidated Statements of Shareholders' Equity"


def test_a_period_stated_by_its_two_ends_and_the_caption_date_nearest_the_table():
    caption = ["Deloitte & Touche LLP", "February 6, 1998", "STATEMENTS OF OPERATIONS",
               "YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM", "JUNE 3, 1996 (INCEPTION) TO DECEMBER 31, 1996"]
    assert period_from_caption("1996", caption, instant=False, default_span=(12, "months")) == Period(
        end=date(1996, 12, 31), start=date(1996, 6, 3))
    assert period_from_caption("1997", caption, instant=False, default_span=(12, "months")) == Period(
        end=date(1997, 12, 31), start=date(1997, 1, 1))
    balance = ["February 6, 1998", "BALANCE SHEETS", "DECEMBER 31, 1997 AND 1996"]
    assert period_from_caption("1996", balance, instant=True) == Period(date(1996, 12, 31))


def test_year_columns_take_the_captions_dates_in_order_across_a_52_53_week_year_end():
    caption = ["CONSOLIDATED BALANCE SHEETS", "AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000"]
    assert period_from_caption("2000", caption, instant=True, position=(0, 2)) == Period(date(2000, 12, 31))
    assert period_from_caption("1999", caption, instant=True, position=(1, 2)) == Period(date(2000, 1, 2))
    # without the columns' order the 1999 column's date is unknown, never January 2, 1999
    assert period_from_caption("1999", caption, instant=True) is None


def test_headings_printed_once_per_part_are_segments():
    rows = [("Revenues:", ["", ""]), ("Insurance and Other:", ["", ""]), ("Premiums earned", ["30", "20"]),
            ("Sales", ["50", "40"]), ("", ["80", "60"]), ("Utilities and Energy:", ["", ""]),
            ("Operating revenues", ["12", "10"]), ("Other", ["1", "1"]), ("", ["13", "11"]), ("", ["93", "71"]),
            ("Costs and expenses:", ["", ""]), ("Insurance and Other:", ["", ""]), ("Losses", ["20", "15"]),
            ("Cost of sales", ["40", "30"]), ("", ["60", "45"]), ("Utilities and Energy:", ["", ""]),
            ("Cost of operations", ["9", "8"]), ("Interest expense", ["1", "1"]), ("", ["10", "9"]),
            ("", ["70", "54"]), ("Net earnings", ["23", "17"])]
    table = _table(["STATEMENTS OF EARNINGS", "(dollars in millions)"], ["2007", "2006"], rows)
    table.caption.append("Year Ended December 31, 2007 and 2006")
    [statement] = build_statements([table], "10-K")
    segments = {row.label: row.segment for row in statement.rows if not row.is_heading}
    assert segments["Operating revenues"] == "Utilities and Energy" and segments["Losses"] == "Insurance and Other"
    assert segments["Total revenues"] is None and segments["Net earnings"] is None   # the company's own lines


def test_a_balance_sheets_grand_totals_are_each_sides_last_and_largest_figures():
    rows = [("ASSETS", ["", ""]), ("CURRENT ASSETS", ["", ""]), ("Cash", ["65", "17"]),
            ("Total current assets", ["98", "18"]), ("PROPERTY AND EQUIPMENT", ["", ""]), ("Land", ["20", "20"]),
            ("Construction in progress", ["1727", "595"]), ("", ["1747", "615"]),
            ("Accumulated depreciation", ["(1)", "(1)"]), ("", ["1746", "614"]), ("OTHER ASSETS", ["", ""]),
            ("Financing costs, net of amortization 2008;", ["", ""]), ("$497 and 2007; none", ["30", "28"]),
            ("Cash held for plant construction", ["0", "156"]), ("", ["30", "184"]), ("", ["1874", "816"]),
            ("LIABILITIES AND MEMBERS' EQUITY", ["", ""]), ("CURRENT LIABILITIES", ["", ""]),
            ("Accounts payable", ["502", "50"]), ("Total current liabilities", ["502", "50"]),
            ("LONG-TERM DEBT", ["638", "1"]), ("Other", ["9", "0"]), ("", ["647", "1"]),
            ("MEMBERS' EQUITY", ["", ""]), ("Members' capital", ["759", "762"]), ("Deficit", ["(34)", "3"]),
            ("", ["725", "765"]), ("", ["1874", "816"])]
    table = _table(["BALANCE SHEETS"], ["September 30, 2008", "September 30, 2007"], rows)
    [statement] = build_statements([table], "10-K")
    named = {row.label: str(row.amounts[0].value) for row in statement.rows if row.synthesized_label}
    assert named["Total assets"] == "1874" and named["Total liabilities and stockholders' equity"] == "1874"
    assert [label for label in named if label.startswith("Total liabilities and")] == [
        "Total liabilities and stockholders' equity"]


def test_a_statement_in_another_currency_tags_no_column():
    table = _table(["BALANCE SHEETS", "As at December 31", "[expressed in Canadian dollars]"],
                   ["1994", "1993"], [("Cash", ["56,984", "30,438"]), ("", ["808,417", "894,367"])])
    [statement] = build_statements([table], "10-K")
    assert {column.role for column in statement.columns} == {ColumnRole.OTHER_CURRENCY}


def test_a_parent_company_statement_beside_the_consolidated_one_is_another_entitys():
    rows = [("Dividends from subsidiaries", ["500", "400"]), ("Net income", ["1,200", "1,000"])]
    headers = ["Year ended December 31, 2001", "Year ended December 31, 2000"]
    consolidated = _table(["CONSOLIDATED STATEMENTS OF INCOME", "(in thousands)"], headers, rows)
    condensed = _table(["CONDENSED STATEMENTS OF INCOME", "(in thousands)"], headers, rows)
    named = _table(["Schedule I", "Condensed financial information of registrant", "Statements of income"],
                   headers, rows)
    statements = build_statements([consolidated, condensed, named], "10-K")
    assert [{c.role for c in s.columns} for s in statements] == [
        {ColumnRole.REPORTED}, {ColumnRole.OTHER_ENTITY}, {ColumnRole.OTHER_ENTITY}]
    # alone, a condensed statement is the company's own (a small company's 10-Q)
    [alone] = build_statements([condensed], "10-Q")
    assert {c.role for c in alone.columns} == {ColumnRole.REPORTED}


def test_a_notes_numbered_heading_titles_no_statement():
    rows = [("Computer equipment", ["1,400", "2,500"]), ("Furniture", ["100", "500"]), ("", ["1,500", "3,000"])]
    note = _table(["(3) BALANCE SHEET COMPONENTS", "DECEMBER 31"], ["2001", "2000"], rows)
    assert classify_table(note) is None
    # a balance sheet found by its current totals, its title misspelt
    lines = [("Cash", ["100", "90"]), ("Total current assets", ["300", "250"]),
             ("Total current liabilities", ["120", "110"])]
    assert classify_table(_table(["STATEMENT OF BALANCED SHEET"], ["1995", "1994"], lines)) == (
        StatementKind.BALANCE_SHEET, False)


def test_a_first_quarters_income_statement_dated_alone_takes_the_quarter_its_cash_flows_run():
    income_rows = [("Net sales", ["2,300", "2,100"]), ("Net income", ["230", "190"])]
    cash_rows = [("Net income", ["230", "190"]), ("Cash at end of period", ["1,200", "1,000"])]
    income = _table(["CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(in millions)"],
                    ["December 27, 1998", "December 27, 1997"], income_rows)
    cash = _table(["CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "(in millions)"],
                  ["Three Months Ended December 27, 1998", "Three Months Ended December 27, 1997"], cash_rows)
    statements = build_statements([income, cash], "10-Q")
    assert [c.period for c in statements[0].columns] == [c.period for c in statements[1].columns] == [
        Period(date(1998, 12, 27), date(1998, 9, 28)), Period(date(1997, 12, 27), date(1997, 9, 28))]
    # in a later quarter the year to date is longer than the quarter: the dates alone say neither
    later = _table(cash.caption, ["Six Months Ended March 27, 1999", "Six Months Ended March 27, 1998"], cash_rows)
    dated_only = _table(income.caption, ["March 27, 1999", "March 27, 1998"], income_rows)
    assert [s.kind for s in build_statements([dated_only, later], "10-Q")] == [StatementKind.CASH_FLOW]


def test_on_a_balance_sheets_second_page_the_total_equal_to_total_assets_is_the_grand_total():
    assets = _table(["CONSOLIDATED BALANCE SHEETS", "December 31,"], ["1997", "1996"],
                    [("CURRENT", ["", ""]), ("Cash", ["1,000", "900"]), ("Other assets", ["600", "500"]),
                     ("", ["1,600", "1,400"])])
    # equity before a treasury stock larger than the liabilities is the page's largest figure, not its grand total
    claims = _table(["CONSOLIDATED BALANCE SHEETS", "December 31,"], ["1997", "1996"],
                    [("LIABILITIES AND SHARE-OWNERS' EQUITY", ["", ""]), ("Accounts payable", ["700", "600"]),
                     ("SHARE-OWNERS' EQUITY", ["", ""]), ("Common stock", ["100", "100"]),
                     ("Reinvested earnings", ["1,800", "1,500"]), ("", ["1,900", "1,600"]),
                     ("Less treasury stock, at cost", ["1,000", "800"]), ("", ["900", "800"]),
                     ("", ["1,600", "1,400"])])
    _, second = build_statements([assets, claims], "10-K")
    named = {row.label: str(row.amounts[0].value) for row in second.rows if row.synthesized_label}
    assert named["Total liabilities and stockholders' equity"] == "1600"


def test_an_unlabeled_total_under_the_current_liabilities_names_what_it_adds():
    def sheet(closing):
        rows = [("Cash", ["500"]), ("", ["500"]), ("LIABILITIES AND EQUITY", [""]), ("Accounts payable", ["100"]),
                ("Total current liabilities", ["100"]), ("LONG-TERM DEBT, less current maturities", ["150"]),
                ("Other", ["50"]), ("", [closing]), ("MEMBERS' EQUITY", [""]), ("Members' capital", ["200"]),
                ("", ["500"])]
        [statement] = build_statements([_table(["BALANCE SHEETS"], ["September 30, 2008"], rows)], "10-K")
        return [row.label for row in statement.rows if row.synthesized_label]
    assert "Total noncurrent liabilities" in sheet("200")
    assert "Total liabilities" in sheet("300")
    assert "Subtotal" in sheet("250")            # adding neither: named by nothing it adds
