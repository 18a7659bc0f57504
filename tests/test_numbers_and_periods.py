from datetime import date
from decimal import Decimal

import pytest

from converter.model import Period
from converter.text.numbers import parse_amount
from converter.statements.periods import column_date, column_period, duration_months
from converter.statements.scale import detect_scale


@pytest.mark.parametrize("text, value, places", [
    ("$106,236", "106236", 0), ("(1,234)", "-1234", 0), ("$(0.02)", "-0.02", 2), ("$--", "0", 0),
    ("$ --", "0", 0), ("--", "0", 0), ("-", "0", 0), ("-0-", "0", 0), ("(735)", "-735", 0), (".35", "0.35", 2),
    ("-12.5", "-12.5", 1), ("$(4,381)", "-4381", 0), ("1,234*", "1234", 0), ("\u2014", "0", 0),
])
def test_printed_amounts(text, value, places):
    amount = parse_amount(text)
    assert amount.value == Decimal(value) and amount.places == places and not amount.is_percent


def test_percentages_are_flagged_and_blanks_are_none():
    assert parse_amount("66.1%").is_percent and parse_amount("66.1%").value == Decimal("66.1")
    assert parse_amount("") is None and parse_amount("n/a") is None


@pytest.mark.parametrize("header, instant, expected", [
    ("Three months ended March 31, 2003 US GAAP Results", False, Period(date(2003, 3, 31), date(2003, 1, 1))),
    ("Three months ended December 31, 2002", False, Period(date(2002, 12, 31), date(2002, 10, 1))),
    ("Nine Months Ended September 30, 1998", False, Period(date(1998, 9, 30), date(1998, 1, 1))),
    ("Year ended June 30, 1999", False, Period(date(1999, 6, 30), date(1998, 7, 1))),
    ("Six months ended February 28, 2001", False, Period(date(2001, 2, 28), date(2000, 9, 1))),
    ("13 weeks ended March 29, 2003", False, Period(date(2003, 3, 29), date(2002, 12, 29))),
    ("Fifty-two weeks ended January 31, 1998", False, Period(date(1998, 1, 31), date(1997, 2, 2))),
    ("March 31, 2003 (Unaudited)", True, Period(date(2003, 3, 31))),
    ("December 31, 2002", True, Period(date(2002, 12, 31))),
])
def test_column_periods(header, instant, expected):
    assert column_period(header, instant) == expected


def test_period_pieces():
    assert column_date("March 31, 2003") == date(2003, 3, 31)
    assert column_date("Three months ended March 31, 2003 2002") == date(2003, 3, 31)
    assert column_date("Quarter ended 6/30/97") == date(1997, 6, 30)
    assert column_date("October 3,1998") == date(1998, 10, 3)      # no space after the comma
    # a header printing both ends of its period: a development-stage company's column since inception
    assert column_period("April 12, 2004 (Date of Inception) to June 30, 2007", instant=False,
                         default_span=(12, "months")) == Period(date(2007, 6, 30), date(2004, 4, 12))
    assert column_date("US GAAP Results") is None
    assert duration_months("Quarter ended") == (3, "months")
    assert duration_months("Adjustments") is None
    assert column_period("December 31, 2002", instant=False) is None      # a flow column needs its span
    assert column_period("December 31, 2002", False, (12, "months")) == Period(date(2002, 12, 31), date(2002, 1, 1))


def test_scale_except_per_share_and_share_data():
    assert (detect_scale(["(In thousands, except per share data)"]).money,
            detect_scale(["(In thousands, except per share data)"]).shares) == (3, 3)
    unscaled_shares = detect_scale(["(In thousands, except share and per share amounts)"])
    assert (unscaled_shares.money, unscaled_shares.shares) == (3, 0)
    assert detect_scale(["(Dollars in millions)"]).money == 6
    assert (detect_scale(["(unaudited)(in 000s, except per share data)"]).money,
            detect_scale(["(dollars in 000's)"]).money) == (3, 3)
    assert detect_scale(["Consolidated Balance Sheets"]).money == 0
    # the scale named first is the money's; shares named in thousands are in thousands
    mixed = detect_scale(["(in millions, except share amounts which are reflected in thousands and per share amounts)"])
    assert (mixed.money, mixed.shares) == (6, 3)
