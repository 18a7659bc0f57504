"""Property-based tests (hypothesis): printed numbers read back as the values they print, in every style of the
period; text and HTML tables of any size and content give back their labels and figures; no text makes a reader
raise."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st

from converter.model import Document
from converter.readers import html_tables, text_tables
from converter.text.numbers import parse_amount
from converter.writers.xhtml import append_marked, xml_safe, x

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TABLE_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
amounts = st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"),
                      allow_nan=False, allow_infinity=False, places=2)
words = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=3, max_size=10)
labels = st.tuples(words, words).map(lambda pair: f"{pair[0].capitalize()} {pair[1]}")


def printed(value: Decimal, places: int, dollar: bool, style: str) -> str:
    """A value as filings print it: grouped digits, parentheses or a minus sign for negatives, maybe a '$'."""
    digits = f"{abs(value):,.{places}f}"
    prefix = "$" if dollar else ""
    if value >= 0:
        return prefix + digits
    return f"{prefix}({digits})" if style == "parentheses" else f"{prefix}-{digits}"


@SETTINGS
@given(amounts, st.integers(0, 2), st.booleans(), st.sampled_from(["parentheses", "minus"]),
       st.sampled_from(["", "*", "(a)"]))
def test_printed_numbers_read_back(value, places, dollar, style, mark):
    value = value.quantize(Decimal(1).scaleb(-places))
    amount = parse_amount(printed(value, places, dollar, style) + mark)
    assert amount is not None and amount.value == value and amount.places == places


@SETTINGS
@given(st.text(max_size=40))
def test_parse_amount_never_raises(text):
    amount = parse_amount(text)
    assert amount is None or isinstance(amount.value, Decimal)


@TABLE_SETTINGS
@given(st.lists(st.tuples(labels, st.lists(amounts.map(lambda v: v.quantize(Decimal(1))), min_size=2, max_size=2)),
                min_size=3, max_size=12, unique_by=lambda row: row[0]))
def test_text_tables_give_back_labels_and_figures(rows):
    lines = ["                    CONSOLIDATED STATEMENTS OF OPERATIONS", "", " " * 48 + "2003" + " " * 16 + "2002"]
    for label, values in rows:
        cells = "".join(printed(v, 0, False, "parentheses").rjust(20) for v in values)
        lines.append(f"{label:<32}{cells}")
    tables = text_tables.find_tables(Document("t.txt", "", "\n".join(lines)))
    assert len(tables) == 1
    read = [(row.label, [parse_amount(cell).value for cell in row.cells]) for row in tables[0].rows if any(row.cells)]
    assert read == [(label, values) for label, values in rows]


@TABLE_SETTINGS
@given(st.lists(st.tuples(labels, st.lists(amounts.map(lambda v: v.quantize(Decimal(1))), min_size=2, max_size=2)),
                min_size=2, max_size=10, unique_by=lambda row: row[0]), st.booleans())
def test_html_tables_give_back_labels_and_figures(rows, split_cells):
    def cells(value: Decimal) -> str:
        text = printed(value, 0, False, "parentheses")
        if split_cells and value < 0:
            return f"<td>{text[:-1]}</td><td>)</td>"
        return f"<td>{text}</td><td></td>"
    body = "".join(f"<tr><td>{label}</td>{''.join(cells(v) for v in values)}</tr>" for label, values in rows)
    html = ("<html><body><p>CONSOLIDATED BALANCE SHEETS</p><table><tr><td></td><td colspan=2>2003</td>"
            f"<td colspan=2>2002</td></tr>{body}</table></body></html>")
    tables = html_tables.find_tables(Document("t.htm", "", html, is_html=True))
    assert len(tables) == 1
    read = [(row.label, [parse_amount(cell).value for cell in row.cells]) for row in tables[0].rows if any(row.cells)]
    assert read == [(label, values) for label, values in rows]


@SETTINGS
@given(st.text(max_size=300))
def test_readers_never_raise_on_any_text(text):
    text_tables.find_tables(Document("t.txt", "", text))
    html_tables.find_tables(Document("t.htm", "", f"<table><tr><td>{text}</td><td>{text}</td></tr></table>",
                                     is_html=True))


@SETTINGS
@given(st.text(max_size=200), st.integers(0, 200), st.integers(1, 10))
def test_marked_text_keeps_every_character(text, start, length):
    from lxml import etree
    from converter.writers.xhtml import Mark
    mark = Mark(start, start + length, xml_safe(text)[start:start + length], "mark")
    parent = etree.Element(x("pre"))
    append_marked(parent, text, 0, [mark])
    assert "".join(parent.itertext()) == xml_safe(text)
    assert mark.placed == (0 < length <= len(text) - start and start < len(text))
