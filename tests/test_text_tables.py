"""The text-table reader on small layouts of our own, modelled on real 1990s-2000s filings."""
from converter.model import Document
from converter.readers.text_tables import clean_label, find_tables

WRAPPED = """
                         EXAMPLE CORP.
                  Condensed Consolidated Balance Sheets
                            (In thousands)

                                                June 30,  December 31,
                                                  2001        2000
                     Assets

Current assets:
     Cash, cash equivalents and short-term
      investments                                $ 50,100   $ 61,200
     Accounts receivable, net of allowance
      for doubtful accounts                        12,400     10,900
\tInventories                               3,500      4,000

         Total current assets                      66,000     76,100
Other assets                                        1,000      $ --
                                                 $ 67,000   $ 76,100
"""

SPANNING = """
                         Statements of Operations
                 (In thousands, except per share data)

                Three months ended             Three months ended
                  March 31, 2003               December 31, 2002
              US    Adjustments  Non        US    Adjustments   Non
             GAAP                GAAP      GAAP                 GAAP
Revenues     $16,019     $--    $16,019   $12,660      $--    $12,660
General and
 adminis-
 trative       1,080      --      1,080       539       --        539
Gross
 profit %      66.1%              61.5%     50.3%               50.3%
Shares used
 in
 computation 198,703            198,703   195,648             195,648
"""


def _table(text):
    tables = find_tables(Document("fixture", "", text))
    assert len(tables) == 1
    return tables[0]


def test_wrapped_labels_tabs_dollar_dashes_and_unlabeled_total():
    table = _table(WRAPPED)
    assert table.column_headers == ["June 30, 2001", "December 31, 2000"]
    assert table.caption[-1] == "(In thousands)"
    rows = {row.label: row.cells for row in table.rows}
    assert rows["Cash, cash equivalents and short-term investments"] == ["50,100", "61,200"]
    assert rows["Accounts receivable, net of allowance for doubtful accounts"] == ["12,400", "10,900"]
    assert rows["Inventories"] == ["3,500", "4,000"]
    assert rows["Other assets"] == ["1,000", "--"]
    assert rows[""] == ["67,000", "76,100"]            # the unlabeled total keeps its numbers
    headings = [row.label for row in table.rows if row.is_heading]
    assert headings == ["Assets", "Current assets:"]


def test_column_groups_hyphenated_labels_percentages_and_single_space_values():
    table = _table(SPANNING)
    assert table.column_headers[0].startswith("Three months ended March 31, 2003 US GAAP")
    assert "Adjustments" in table.column_headers[1] and "Non GAAP" in table.column_headers[2]
    assert table.column_headers[3].startswith("Three months ended December 31, 2002 US GAAP")
    assert "Non GAAP" in table.column_headers[5]
    rows = {row.label: row.cells for row in table.rows}
    assert rows["General and administrative"] == ["1,080", "--", "1,080", "539", "--", "539"]
    assert rows["Gross profit %"] == ["66.1%", "", "61.5%", "50.3%", "", "50.3%"]
    assert rows["Shares used in computation"] == ["198,703", "", "198,703", "195,648", "", "195,648"]


def test_footnote_marks_and_leaders_stay_out_of_values():
    table = _table("""
                    Statements of Income
                                       1999        1998
Net sales (1).....................  $ 45,210    $ 40,100
Cost of sales (a).................    30,100      27,000
Net income........................  $ 15,110    $ 13,100
""")
    rows = {row.label: row.cells for row in table.rows}
    assert rows["Net sales (1)"] == ["45,210", "40,100"]
    assert rows["Cost of sales (a)"] == ["30,100", "27,000"]


def test_prose_is_not_a_table():
    text = ("Revenues for the first quarter of fiscal 2003 were $16.0 million compared with $12.7 million in the\n"
            "fourth quarter of fiscal 2002. Net loss was $4.4 million or $0.02 per share compared with 2002.\n")
    assert find_tables(Document("prose", "", text)) == []


def test_clean_label():
    assert clean_label("Net sales.......  $") == "Net sales"
    assert clean_label("Other . . . . . . .") == "Other"
    assert clean_label("Sonus Networks, Inc.") == "Sonus Networks, Inc."


def test_a_line_of_leaders_alone_does_not_break_label_joining():
    table = _table("""
                    Statements of Income
                                       1999        1998
.................................
  continued label                     45,210      40,100
Net income........................  $ 15,110    $ 13,100
""")
    assert [row.cells for row in table.rows if row.cells and any(row.cells)][0] == ["45,210", "40,100"]


PAGE_BREAK = """
                               BALANCE SHEETS
                                (In millions)
                                   March 28,     September 27,
                                       1997             1996
Cash and cash equivalents            $2,410           $2,655
Short-term investments                  310              295
Accounts receivable, net
of allowance for doubtful
accounts of $52 ($48 at
September 27, 1996)                   1,820            1,705
Inventories                             640              615
                                     $5,180           $5,270
<PAGE>                                2
"""


def test_a_parenthesis_left_open_continues_the_label_and_page_numbers_are_no_rows():
    table = _table(PAGE_BREAK)
    assert [(row.label, row.cells) for row in table.rows] == [
        ("Cash and cash equivalents", ["$2,410", "$2,655"]), ("Short-term investments", ["310", "295"]),
        ("Accounts receivable, net of allowance for doubtful accounts of $52 ($48 at September 27, 1996)",
         ["1,820", "1,705"]),
        ("Inventories", ["640", "615"]), ("", ["$5,180", "$5,270"])]


CAPS_HEADINGS = """
                          CONSOLIDATED BALANCE SHEETS
                                            1993          1992
CURRENT ASSETS
  Cash                                   $ 1,200       $ 1,100
  Receivables                              3,400         3,000
DEFERRED ITEMS
  Income taxes                               500           450
  Investment credit                           20            25
"""


def test_a_heading_in_capitals_is_not_joined_to_the_line_below():
    table = _table(CAPS_HEADINGS)
    assert [row.label for row in table.rows] == ["CURRENT ASSETS", "Cash", "Receivables", "DEFERRED ITEMS",
                                                  "Income taxes", "Investment credit"]


UNCOLONED_HEADING = """
                                       Three Months Ended
                                      1999       1998
Revenues
  Local service.................. $   210.4  $   199.8
  Interstate network access......      82.5       77.1
Accumulated depreciation and
  amortization...................     (12.0)     (11.0)
"""


def test_a_capitalised_line_indented_under_a_heading_without_colon_is_an_item():
    table = _table(UNCOLONED_HEADING)
    assert [row.label for row in table.rows] == ["Revenues", "Local service", "Interstate network access",
                                                  "Accumulated depreciation and amortization"]


NOTE_REFERENCE = """
                                                      1993        1992
Sales                                               64,200      61,050
Costs and expenses (Notes 1 and 16)
Costs of sales                                      55,300      52,900
Selling, administrative and other expenses           6,100       5,800
"""


def test_a_note_reference_closing_a_label_is_no_amount():
    table = _table(NOTE_REFERENCE)
    assert [(row.label, row.cells) for row in table.rows] == [
        ("Sales", ["64,200", "61,050"]), ("Costs and expenses (Notes 1 and 16)", ["", ""]),
        ("Costs of sales", ["55,300", "52,900"]),
        ("Selling, administrative and other expenses", ["6,100", "5,800"])]


WRAPPED_CAPS_AND_TOTALS = """
                                                     1993           1992
Sales                                            $ 5,000        $ 4,000
Income before income taxes
 and accounting changes -
 Machinery                                       $ 1,200        $   900
LONG-TERM DEBT, less portion payable within
 one year                                        $ 3,700        $ 5,200
MINORITY INTEREST IN SUBSIDIARIES                $ 1,100        $ 1,050
        Total Liabilities and Stockholders'
         Equity                                  $12,900        $15,300
"""


def test_a_lowercase_line_under_capitals_a_dash_and_a_total_without_figures_are_wrapped_labels():
    table = _table(WRAPPED_CAPS_AND_TOTALS)
    assert [row.label for row in table.rows] == ["Sales",
                                                  # the dash a word ends the line with is the label's own
                                                  "Income before income taxes and accounting changes - Machinery",
                                                  "LONG-TERM DEBT, less portion payable within one year",
                                                  "MINORITY INTEREST IN SUBSIDIARIES",
                                                  "Total Liabilities and Stockholders' Equity"]


CAPS_WRAPPED_HEADING = """
                                              1993        1992
AMOUNTS PER SHARE OF COMMON
 STOCK AND CLASS B STOCK
 AFTER PREFERRED STOCK DIVIDENDS (Note 1)

Income/(loss)                               $ 4.10      $(1.20)
"""


def test_capitals_indented_under_capitals_go_on_with_the_heading():
    table = _table(CAPS_WRAPPED_HEADING)
    assert [row.label for row in table.rows] == [
        "AMOUNTS PER SHARE OF COMMON STOCK AND CLASS B STOCK AFTER PREFERRED STOCK DIVIDENDS (Note 1)", "Income/(loss)"]


JUNGLE = """
Deloitte & Touche LLP
February 6, 1998

EXAMPLE CORP.

BALANCE SHEETS
DECEMBER 31, 1997 AND 1996
<TABLE>
<CAPTION>
ASSETS                                                          1997          1996
<S>                                                            <C>           <C>
  Cash and equivalents                                      $ 1,576,716   $ 2,415,200
  Short-term investments                                             --       977,957
  Other current assets                                           77,036        16,187
  Property and equipment, net                                   727,234       318,915
  Restricted cash                                                60,000        60,000
STOCKHOLDERS' EQUITY:
    Series B: 2,000,000 shares designated; shares issued and outstanding:
      1997, 1,943,666; 1996, 1,191,666                         5,915,572     3,564,238
  Accumulated deficit                                         (4,942,514)     (742,411)
</TABLE>

EXAMPLE CORP.

STATEMENTS OF CASH FLOWS
YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION)
TO DECEMBER 31, 1996
<TABLE>
<CAPTION>
                                                                1997          1996
<S>                                                            <C>           <C>
  Net loss                                                  $(4,200,103)  $  (742,411)
  Depreciation                                                  213,084        16,997
</TABLE>
"""


def test_years_beside_a_heading_a_wrapped_label_inside_table_markup_and_a_long_title_in_capitals():
    balance, cash_flow = find_tables(Document("d", "10-K", JUNGLE))
    assert balance.column_headers == ["1997", "1996"]              # 'ASSETS  1997  1996' heads the columns
    assert [row.cells for row in balance.rows if row.cells and any(row.cells)][-2:] == [
        ["5,915,572", "3,564,238"], ["(4,942,514)", "(742,411)"]]    # one table across the long Series B label
    assert cash_flow.column_headers == ["1997", "1996"]           # the run-on title heads no column
    assert "STATEMENTS OF CASH FLOWS" in cash_flow.caption


SHIFTED = """
                                                2002          2001
Net cash provided by operating activities    $10,100        $9,800
Supplemental disclosures of cash flow
 information:
   Cash paid during the year for:           $70,289        $63,626
        Interest                             $3,699         $4,555
        Income taxes, net
   Non-cash investing activities:              $845         $2,321
        Capital leases
"""


def test_a_lists_amounts_printed_a_line_above_its_labels_move_down_to_them():
    [table] = find_tables(Document("d", "10-K", SHIFTED))
    cells = {row.label: row.cells for row in table.rows if any(row.cells)}
    assert cells["Interest"] == ["$70,289", "$63,626"]
    assert cells["Income taxes, net"] == ["$3,699", "$4,555"]
    assert cells["Capital leases"] == ["$845", "$2,321"]
    assert "Cash paid during the year for:" not in cells


def test_a_heading_carrying_its_own_amount_over_a_list_and_a_new_heading_stays_as_printed():
    text = SHIFTED.replace("        Income taxes, net\n", "        Income taxes                   $1,000           $900\n"
                           "   Noncash activities\n").replace("        Capital leases\n", "")
    [table] = find_tables(Document("d", "10-K", text))
    cells = {row.label: row.cells for row in table.rows if any(row.cells)}
    assert cells["Interest"] == ["$3,699", "$4,555"]


LABEL_WRAPPED_BELOW_ITS_FIGURES = """
                                                          1998            1997
  Cash and cash equivalents                             $1,200          $1,050
  Accounts receivable, net of allowance of               9,101           8,384
  $560 and $497 in 1998 and 1997, respectively
  Inventories                                            3,453           3,528
Common stock $.01 par value: authorized - 50,000              1               1
  shares; issued and outstanding - 8,501 shares
Additional paid-in capital                                 216             216
"""


def test_a_label_finished_on_the_line_below_its_figures():
    table = _table(LABEL_WRAPPED_BELOW_ITS_FIGURES)
    labels = [row.label for row in table.rows]
    assert labels[1] == "Accounts receivable, net of allowance of $560 and $497 in 1998 and 1997, respectively"
    assert labels[2] == "Inventories"
    assert labels[3] == "Common stock $.01 par value: authorized - 50,000 shares; issued and outstanding - 8,501 shares"
    assert table.rows[1].label_source.lines == 2


SPANS_CENTRED_OVER_COLUMN_PAIRS = """
                                    THREE MONTHS                   NINE MONTHS
                                       ENDED                          ENDED
                                June 30,    June 30,       June 30,   June 30,
                                    2001        2000           2001       2000
Revenues                       $  2,405     $  2,101       $  6,983    $  5,730
Net income                          105          141            354         290
"""


def test_a_span_centred_over_two_columns_heads_both():
    """'NINE MONTHS' printed between its two columns reaches only the right one with its letters."""
    table = _table(SPANS_CENTRED_OVER_COLUMN_PAIRS)
    assert table.column_headers == ["THREE MONTHS ENDED June 30, 2001", "THREE MONTHS ENDED June 30, 2000",
                                    "NINE MONTHS ENDED June 30, 2001", "NINE MONTHS ENDED June 30, 2000"]


LABELS_GOING_ON_AFTER_A_SEMICOLON_OR_BEFORE_AN_AMOUNT = """
                                                    June 30,      June 30,
                                                      1999          1998
Deferred loan fees, net of amortization 1999;
   $120 and 1998; none                                 1,400         1,250
Common stock, no par value; 9,000 shares authorized;
4,410 shares issued and outstanding at June 30, 1999
(4,390 shares at June 30, 1998)                         620           600
Adjustments to reconcile net income
(Increase) decrease in receivables                      (15)           12
"""


def test_a_label_goes_on_after_a_semicolon_and_into_a_line_starting_with_an_amount():
    """No line item's label starts with '$120' or '(4,390 shares': such a line finishes the label above it; a
    label starting with a parenthesised word ('(Increase) decrease') still starts its own row."""
    labels = [row.label for row in _table(LABELS_GOING_ON_AFTER_A_SEMICOLON_OR_BEFORE_AN_AMOUNT).rows]
    assert labels == ["Deferred loan fees, net of amortization 1999; $120 and 1998; none",
                      "Common stock, no par value; 9,000 shares authorized; 4,410 shares issued and outstanding at "
                      "June 30, 1999 (4,390 shares at June 30, 1998)",
                      "Adjustments to reconcile net income", "(Increase) decrease in receivables"]


NINE_MONTHS_PRINTED_WITH_TWO_SPACES = """
                                    THREE MONTHS                NINE  MONTHS
                                       ENDED                        ENDED
                                June 30,    June 30,       June 30,    June 30,
                                    2001        2000           2001        2000
Revenues                       $  2,405     $  2,101       $  6,983    $  5,730
"""


def test_a_duration_printed_with_two_spaces_is_one_header_phrase():
    """'NINE  MONTHS' over two columns heads both; cut at its spaces it would date one column 'NINE' and the
    other 'MONTHS'."""
    table = _table(NINE_MONTHS_PRINTED_WITH_TWO_SPACES)
    assert table.column_headers[2:] == ["NINE MONTHS ENDED June 30, 2001", "NINE MONTHS ENDED June 30, 2000"]


TITLE_AND_SCALE_BESIDE_THE_COLUMN_HEADERS = """
STATEMENTS OF INCOME                  Twelve Months            Twelve Months
                                          Ended                    Ended
(unaudited)                             June 30,                 June 30,
(in 000s, except per share data)          2004       Change        2003
---------------------------------------------------------------------------
  Interest on loans                   $   41,250        5%     $   39,300
  Other income                             1,125       -2%          1,150
"""


def test_a_title_running_into_the_headers_heads_them_and_a_scale_beside_them_is_caption():
    """A title line with phrases of its own over the columns is a header line, not caption; a scale printed in
    the label column of a header line describes every column."""
    table = _table(TITLE_AND_SCALE_BESIDE_THE_COLUMN_HEADERS)
    assert table.column_headers[0] == "Twelve Months Ended June 30, 2004"
    assert table.column_headers[-1] == "Twelve Months Ended June 30, 2003"
    assert "(in 000s, except per share data)" in table.caption


DATES_SPREAD_OVER_FIVE_COLUMNS_UNDER_A_CENTRED_TITLE = """
                        Example Semiconductor Corporation
                             and Subsidiary Companies
                      Consolidated Statements of Operations
                      (In thousands, except per share data)

                                     Three Months Ended                 Six Months Ended
                              --------------------------------     ---------------------
                                 Mar 31,     Dec 31,     Mar 31,      Mar 31,     Mar 31,
                                  2002        2001        2001         2002        2001
                              --------    --------    --------     --------    --------
Net revenues                  $  9,120    $  8,870    $  7,450     $ 17,990    $ 15,200
Cost of revenues                 5,010       4,990       4,300        10,000       8,700
"""


def test_a_line_of_dates_is_no_paragraph_and_a_centred_lowercase_line_is_part_of_the_title():
    """Ten words over the columns are headers, not prose that would end the preamble; 'and Subsidiary Companies'
    centred under the name goes on with the title."""
    table = _table(DATES_SPREAD_OVER_FIVE_COLUMNS_UNDER_A_CENTRED_TITLE)
    assert table.column_headers[0] == "Three Months Ended Mar 31, 2002"
    assert table.column_headers[-1] == "Six Months Ended Mar 31, 2001"
    assert "Consolidated Statements of Operations" in table.caption
    assert "Example Semiconductor Corporation" in table.caption


UNAUDITED_BESIDE_THE_YEAR_UNDER_A_DATE = """
                            BALANCE SHEETS
                            (In millions)
<TABLE>
<CAPTION>
                                       June 28, 2003    September 27,
                                         (Unaudited)             2002
<S>                                      <C>              <C>
Cash and cash equivalents                $ 2,340          $ 2,115
Short-term investments                       418              390
</TABLE>
"""


def test_a_year_beside_unaudited_under_a_date_finishes_that_columns_header():
    """'(Unaudited)' under the current date and the year under 'September 27,': a header line, not a row."""
    table = _table(UNAUDITED_BESIDE_THE_YEAR_UNDER_A_DATE)
    assert table.column_headers == ["June 28, 2003 (Unaudited)", "September 27, 2002"]
    assert [row.label for row in table.rows] == ["Cash and cash equivalents", "Short-term investments"]


def test_nil_is_a_dash_in_a_column_but_a_word_at_the_end_of_a_label():
    table = _table("""
                          2003        2002
Reserves for losses nil      5           4
Deferred charges           nil          12
""")
    assert [(row.label, row.cells) for row in table.rows] == [("Reserves for losses nil", ["5", "4"]),
                                                               ("Deferred charges", ["nil", "12"])]


# Layouts of 1990s 10-Ks (made-up figures): the unit printed under the years, a date finishing the label-area
# phrase, a notes column of reference letters, a footnote listing figures across the line, a wrapped label inside
# an open parenthesis, and dashes between a label's words.
UNIT_UNDER_YEARS = """
CONSOLIDATED BALANCE SHEETS              EXAMPLE COMPANY AND SUBSIDIARIES

December 31,                                             1997                1996
- ------------------------------------------------------------------------------------
(In millions except share data)

ASSETS

Cash and cash equivalents                            $  1,200            $  1,100
Inventories                                               900                 800
TOTAL CURRENT ASSETS                                    2,100               1,900
"""

DATE_UNDER_PHRASE = """
Consolidated Statements of Income
                                   (In thousands, except per share amounts)

Three fiscal years ended                  1994          1993          1992
September 30, 1994
Net sales                          $ 5,300,000   $ 4,800,000   $ 4,100,000
Cost of sales                        3,700,000     3,400,000     2,900,000
"""

NOTES_COLUMN = """
                       consolidated statement of earnings
(Dollars in millions except per share amounts)

For the year ended December 31:                   Notes      1997      1996       1995
Hardware sales                                            $41,500   $40,800    $39,100
Rentals and financing                             Q         2,400     2,600      2,700
Interest expense                                  H           540       580        610
Net earnings per share of common stock            C & R   $  4.20   $  3.90    $  3.40
Average number of common shares outstanding:
1997 - 912,345,678; 1996 - 1,023,456,789; 1995 - 1,134,567,890
"""

OPEN_PARENTHESIS = """
                                                           1995         1994
ASSETS
Total current assets ..................................    5,400.5      5,100.7
GOODWILL AND OTHER INTANGIBLES (net of accumulated
amortization of $402.5 million in 1995 and $287.4 million
in 1994) ................................................. 4,300.3      4,100.3
Common stock
 Issued - 1,400,000 shares - 1995
        - 1,300,000 shares - 1994 ...................  3,200.5      3,100.8
OTHER ASSETS                                               1,300.3      1,200.4
"""


def test_the_unit_printed_under_the_years_is_caption_and_the_years_head_the_columns():
    table = _table(UNIT_UNDER_YEARS)
    assert table.column_headers == ["1997", "1996"]
    assert "(In millions except share data)" in table.caption
    assert {row.label: row.cells for row in table.rows}["Inventories"] == ["900", "800"]


def test_a_date_alone_under_the_label_area_phrase_finishes_it():
    table = _table(DATE_UNDER_PHRASE)
    assert table.column_headers == ["1994", "1993", "1992"]
    assert table.caption[-2:] == ["Three fiscal years ended", "September 30, 1994"]
    assert table.rows[0].label == "Net sales"


def test_a_notes_column_of_letters_is_no_column_and_no_part_of_the_label():
    table = _table(NOTES_COLUMN)
    assert table.column_headers == ["1997", "1996", "1995"]
    rows = {row.label: row.cells for row in table.rows}
    assert rows["Rentals and financing"] == ["2,400", "2,600", "2,700"]
    assert rows["Interest expense"] == ["540", "580", "610"]
    assert rows["Net earnings per share of common stock"] == ["4.20", "3.90", "3.40"]
    assert not any(label.startswith("1997 -") for label in rows)     # the footnote's figures are no row


def test_a_wrapped_label_inside_an_open_parenthesis_stays_in_the_table():
    table = _table(OPEN_PARENTHESIS)
    rows = {row.label: row.cells for row in table.rows}
    assert rows["GOODWILL AND OTHER INTANGIBLES (net of accumulated amortization of $402.5 million in 1995 and "
                "$287.4 million in 1994)"] == ["4,300.3", "4,100.3"]
    assert rows["OTHER ASSETS"] == ["1,300.3", "1,200.4"]
    # 'Issued - 1,400,000 shares - 1995': the dashes are the label's words, not zero figures in the columns
    assert not any(cells == ["", "1995"] or cells == ["-", "1995"] for cells in rows.values())


# A release's header: the unit wrapped down the label column beside the column headers, words between the years.
RELEASE_HEADER = """
 CONSOLIDATED STATEMENTS OF INCOME

 (unaudited)              Quarter              Quarter
 (in 000s,                 Ended     Three      Ended
  except share            Dec 31,    Month     Sept 30,
  data)                    2007     Change      2007
 -------------------------------------------------------
 Interest income:
   Interest on loans    $    18,300     0%   $    17,900
   Interest on
    securities                  740    -2%           760
   Diluted earnings
    Per share           $      0.39    -3%   $      0.40
"""

CENTRED_OVER_THREE = """
                      CONSOLIDATED STATEMENTS OF OPERATIONS

                                                         Year Ended October 31,
                                                1997                1996                1995
                                                ----                ----                ----
Product sales, net                         $  6,410,000        $  6,250,000        $  6,870,000
Contract revenue                              1,940,000           1,820,000           1,760,000
"""


def test_a_release_header_with_the_unit_wrapped_down_the_label_column():
    table = _table(RELEASE_HEADER)
    assert table.column_headers == ["Quarter Ended Dec 31, 2007", "Three Month Change", "Quarter Ended Sept 30, 2007"]
    assert "CONSOLIDATED STATEMENTS OF INCOME" in table.caption
    # the parenthesis '(in 000s,' opens runs on down the label column: its exception is the caption's too
    assert table.caption[-3:] == ["(in 000s,", "except share", "data)"]
    rows = {row.label: row.cells for row in table.rows}
    assert rows["Interest on loans"] == ["18,300", "0%", "17,900"]
    assert rows["Diluted earnings Per share"] == ["0.39", "-3%", "0.40"]    # no item starts with a preposition


def test_a_phrase_alone_centred_over_three_columns_heads_them_all():
    assert _table(CENTRED_OVER_THREE).column_headers == [
        "Year Ended October 31, 1997", "Year Ended October 31, 1996", "Year Ended October 31, 1995"]


# The title printed on the first header line, beside the columns' words; the page footer of the page before.
TITLE_BESIDE_HEADERS = """
                                        (more)

 CONSOLIDATED STATEMENTS OF INCOME       Quarter        Three          Quarter
 (unaudited)(in 000s, except              Ended         Month           Ended
 share data)                          Mar 31, 2008      Change       Dec 31,2007
 ---------------------------------------------------------------------------
   Interest on loans                   $    16,400         -9%         $  18,300
   Interest on deposits                      7,100         -4%             7,400
"""


def test_a_title_beside_the_column_headers_is_caption_and_a_number_word_heads_its_own_column():
    table = _table(TITLE_BESIDE_HEADERS)
    assert "CONSOLIDATED STATEMENTS OF INCOME" in table.caption
    # 'Three' stands over the change column, 'Quarter' over the next: no 'Three Quarter' of nine months
    assert table.column_headers == ["Quarter Ended Mar 31, 2008", "Three Month Change", "Quarter Ended Dec 31,2007"]


# An equity statement whose words head the columns one by one, ruled under a group, the unit printed below them.
EQUITY_HEADED_WORD_BY_WORD = """
                    EXAMPLE HOLDINGS, INC.
           CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY

                              COMMON STOCK       ADDITIONAL                 TOTAL
                            -----------------      PAID-IN    RETAINED  SHAREHOLDERS'
                            SHARES    AMOUNT       CAPITAL    EARNINGS      EQUITY
                            ------    ------     ---------    --------  -------------
                                                 (IN THOUSANDS)
Balance, December 31, 1996   4,100        82        9,300      14,600         23,982
  Net income                                                    1,250          1,250
Balance, December 31, 1997   4,100        82        9,300      15,850         25,232
"""


def test_a_unit_under_headers_printed_word_by_word_leaves_them_headers():
    table = _table(EQUITY_HEADED_WORD_BY_WORD)
    assert table.caption == ["EXAMPLE HOLDINGS, INC.", "CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY"]
    # the rule under 'COMMON STOCK' heads nothing; the unit describes every column
    assert [header.replace(" (IN THOUSANDS)", "") for header in table.column_headers] == [
        "COMMON STOCK SHARES", "COMMON STOCK AMOUNT", "ADDITIONAL PAID-IN CAPITAL", "RETAINED EARNINGS",
        "TOTAL SHAREHOLDERS' EQUITY"]
    assert all(header.endswith("(IN THOUSANDS)") for header in table.column_headers)


# Share and amount columns filled only on the balance lines; a wrapped label whose colon stands inside a parenthesis.
SPARSE_COLUMNS_AND_AN_OPEN_PARENTHESIS = """
                  PREFERRED   COMMON STOCK     PAID-IN    RETAINED       TOTAL
                     AMOUNT  SHARES  AMOUNT     CAPITAL    EARNINGS      EQUITY
Balance at
 December 31,
 2001...........    $ 50.0   410.2  $ 41.0     $120.0   $ 2,300.5   $ 2,511.5
Net income......                                            310.4       310.4
Common stock
 cash dividends
 ($.20 per
 share).........                                           (82.0)      (82.0)
Preferred stock
 cash dividends
 (per share:
 $1.10 for
 Series A).......                                           (5.5)       (5.5)
Stock options
 exercised......                                 18.2                    18.2
Treasury stock
 acquisitions...                                                       (40.0)
Employee plans..                                  3.1                     3.1
Other...........                                  0.4                     0.4
Balance at
 December 31,
 2002...........      50.0   410.2    41.0      141.7     2,523.4     2,756.2
"""


def test_a_column_filled_only_on_some_lines_between_filled_ones_is_a_column():
    table = _table(SPARSE_COLUMNS_AND_AN_OPEN_PARENTHESIS)
    rows = {row.label: row.cells for row in table.rows}
    assert table.column_headers == ["PREFERRED AMOUNT", "COMMON STOCK SHARES", "COMMON STOCK AMOUNT", "PAID-IN CAPITAL",
                                    "RETAINED EARNINGS", "TOTAL EQUITY"]
    assert rows["Balance at December 31, 2001"] == ["50.0", "410.2", "41.0", "$120.0", "2,300.5", "2,511.5"]
    # the colon inside '(per share:' ends no heading: the label runs on to its figures
    assert rows["Preferred stock cash dividends (per share: $1.10 for Series A)"][-2:] == ["(5.5)", "(5.5)"]


# A figure typed two or three characters right of its column: no column of its own.
A_FIGURE_TYPED_OFF_ITS_COLUMN = """
                                         1999          2000
Net sales                             $ 1,200       $ 1,350
Cost of sales                             700           760
Gross profit                              500           590
Selling expenses                          150           160
Administrative expenses                    90            95
Research                                   60            70
Operating income                          200           265
Interest expense                           20            22
Income before taxes                       180           243
Income taxes                               70            95
Net income                                110             148
"""


def test_a_figure_typed_a_little_off_its_column_stays_in_it():
    table = _table(A_FIGURE_TYPED_OFF_ITS_COLUMN)
    assert len(table.column_headers) == 2
    assert {row.label: row.cells for row in table.rows}["Net income"] == ["110", "148"]
