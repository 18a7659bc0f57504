"""Inline XBRL: the filing itself with each fact tagged where it is printed, valid for Arelle and holding exactly
the instance's facts."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from converter.cli import main
from converter.pipeline import ConvertOptions, convert
from converter.validate import validate_documents
from converter.writers.inline import IX, placed_count
from converter.writers.xhtml import XHTML, HtmlConverter, Mark, text_document, x
from converter.text.html import parse_html
from tests.conftest import FIXTURES, SEED

LEGACY_HTML = FIXTURES / "html_8k_legacy_markup.htm"


def _inline(conversion) -> etree._Element:
    return etree.parse(str(conversion.outdir / conversion.report["outputs"]["inline"])).getroot()


def _tagged(root: etree._Element, concept: str) -> list[etree._Element]:
    return [e for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric") if e.get("name") == concept]


def _visible_text(root: etree._Element, document: int) -> str:
    section = root.find(f".//{{{XHTML}}}div[@id='doc{document}']")
    return "\f".join("".join(pre.itertext()) for pre in section.iter(f"{{{XHTML}}}pre"))


@pytest.fixture(scope="module")
def legacy_html(tmp_path_factory, taxonomy_packages):
    return convert(LEGACY_HTML, tmp_path_factory.mktemp("legacy") / "att", ConvertOptions())


def test_seed_inline_is_valid_and_holds_the_instance_facts(seed_conversion, taxonomy_packages):
    outputs = seed_conversion.report["outputs"]
    assert outputs["inline"] == "sonus.xhtml" and outputs["instance"] == "sonus.xml"
    assert seed_conversion.validation.valid, seed_conversion.validation.errors
    instance, inline = validate_documents([seed_conversion.outdir / outputs["instance"],
                                           seed_conversion.outdir / outputs["inline"]], taxonomy_packages)
    assert not inline.errors
    assert len(inline.facts) == len(instance.facts) == seed_conversion.report["facts"] == 114
    assert inline.facts == instance.facts


def test_seed_figures_are_tagged_where_printed(seed_conversion):
    root = _inline(seed_conversion)
    markup = (seed_conversion.outdir / "sonus.xhtml").read_text()
    hidden = root.find(f".//{{{IX}}}hidden")
    # Every figure stands in the text; only the state codes, printed as names ("DELAWARE"), are hidden.
    assert {e.get("name") for e in hidden} == {"dei:EntityIncorporationStateCountryCode",
                                               "dei:EntityAddressStateOrProvince"}
    assert placed_count(markup) == 112
    net_loss = _tagged(root, "us-gaap:NetIncomeLoss")
    first = next(e for e in net_loss if e.get("contextRef") == "D20030101_20030331")
    assert (first.text, first.get("sign"), first.get("scale"), first.get("decimals")) == ("4,381", "-", "3", "-3")
    interest = _tagged(root, "us-gaap:InterestExpense")
    assert interest and all(e.get("sign") is None for e in interest)
    eps = _tagged(root, "us-gaap:EarningsPerShareBasicAndDiluted")
    assert eps and all(e.get("scale") == "0" and e.get("decimals") == "2" for e in eps)
    zeros = [e for e in root.iter(f"{{{IX}}}nonFraction") if e.get("format") == "ixt:fixed-zero"]
    assert zeros and all(e.text.strip("$") in ("--", "-", "\u2014") for e in zeros)
    cover_date = _tagged(root, "dei:DocumentPeriodEndDate")[0]
    assert (cover_date.text, cover_date.get("format")) == ("April 9, 2003", "ixt:date-monthname-day-year-en")


def test_report_ids_name_the_inline_elements(seed_conversion):
    by_id = {e.get("id"): e for e in _inline(seed_conversion).iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")}
    for fact in seed_conversion.report["fact_list"]:
        assert by_id[fact["id"]].get("name") == fact["concept"]
        if "source" in fact and fact["concept"].startswith("us-gaap:"):
            assert fact["source"]["document"] == SEED.name and fact["source"]["line"] > 0


def test_seed_text_is_unchanged(seed_conversion):
    """Take the tags away and the document is the filing, character for character (form feeds start pages)."""
    original = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert _visible_text(_inline(seed_conversion), 1) == original


def test_adjustment_and_non_gaap_columns_are_not_tagged(seed_conversion):
    root = _inline(seed_conversion)
    revenue_line = next(line for line in etree.tostring(root, encoding="unicode").splitlines()
                        if line.startswith("Revenues ") and "us-gaap:Revenues" in line)
    assert revenue_line.count("<ix:nonFraction") == 2 and revenue_line.count("$16,019") == 1


def test_legacy_html_becomes_valid_xhtml_that_keeps_its_look(legacy_html):
    assert legacy_html.validation.valid, legacy_html.validation.errors
    root = _inline(legacy_html)
    body = root.find(f"{{{XHTML}}}body")
    names = {etree.QName(e).localname for e in body.iter() if isinstance(e.tag, str)}
    assert not names & {"font", "center", "script", "iframe", "form", "input", "style"}
    assert [img.get("src") for img in body.iter(f"{{{XHTML}}}img")] == ["logo.gif"]     # local images only
    markup = etree.tostring(root, encoding="unicode")
    assert "example.invalid" not in markup and "javascript:" not in markup and "onload" not in markup
    assert "passwd" not in markup and "never run" not in markup
    assert 'style="text-align:center"' in markup and "font-size:large" in markup
    assert len(set(e.get("id") for e in root.iter() if e.get("id"))) == len([e for e in root.iter() if e.get("id")])


def test_legacy_html_figures_tagged_in_their_cells(legacy_html):
    root = _inline(legacy_html)
    net_loss = next(e for e in _tagged(root, "us-gaap:NetIncomeLoss") if e.get("contextRef") == "D20010101_20010331")
    assert (net_loss.text, net_loss.get("sign"), net_loss.get("scale")) == ("630", "-", "3")
    assert etree.QName(net_loss.getparent()).localname == "b"            # inside the bold the filer printed
    interest = next(e for e in _tagged(root, "us-gaap:InterestExpense") if e.get("contextRef") == "D20010101_20010331")
    assert interest.text == "130" and interest.get("sign") is None       # "(130)" of an expense is 130000
    zero = next(e for e in _tagged(root, "us-gaap:InterestExpense") if e.get("contextRef") == "D20000101_20000331")
    assert (zero.text, zero.get("format")) == ("--", "ixt:fixed-zero")
    assert placed_count(etree.tostring(root, encoding="unicode")) == legacy_html.report["facts"]   # cover too


def test_company_name_with_markup_characters_stays_escaped(legacy_html):
    root = _inline(legacy_html)
    assert root.find(f"{{{XHTML}}}head/{{{XHTML}}}title").text == 'AT&T <Holdings> "Inc"'
    name = _tagged(root, "dei:EntityRegistrantName")[0]
    assert name.text == 'AT&T <Holdings> "Inc"'


def test_html_fixture_with_ex27_inline_valid_and_ex27_values_tagged_in_the_schedule(tmp_path, taxonomy_packages):
    conversion = convert(FIXTURES / "html_10q_with_ex27.txt", tmp_path / "bolt", ConvertOptions(output_format="inline"))
    assert conversion.validation.valid, conversion.validation.errors
    assert set(conversion.report["outputs"]) == {"inline", "schema", "labels", "presentation", "calculation"}
    root = _inline(conversion)
    schedule = root.find(f".//{{{XHTML}}}div[@id='doc2']")
    tagged_in_schedule = list(schedule.iter(f"{{{IX}}}nonFraction"))
    ex27_facts = [f for f in conversion.report["fact_list"] if f.get("source", {}).get("document") == "document-2"]
    assert len(tagged_in_schedule) == len(ex27_facts) > 0
    assert all(e.text.replace(",", "").isdigit() for e in tagged_in_schedule)


def test_marks_wrap_only_text_that_reads_as_expected():
    container = etree.Element(x("div"), nsmap={None: XHTML, "ix": IX})
    good = Mark(11, 16, "1,234", f"{{{IX}}}nonFraction")
    wrong = Mark(20, 23, "999", f"{{{IX}}}nonFraction")
    text_document(container, "Net sales $1,234    (56)\fpage two\x01", [good, wrong])
    pages = container.findall(x("pre"))
    assert [("".join(p.itertext())) for p in pages] == ["Net sales $1,234    (56)", "page two "]
    assert good.placed and good.element.text == "1,234" and not wrong.placed
    assert pages[1].get("style") == "page-break-before:always"


def test_html_content_models_are_repaired():
    html = ("<p>para <table><tr><td>cell</td></tr></table></p><ul>stray<li>item</li></ul>"
            "<a href='#x'>out <a href='#y'>in</a></a><span><div>block in inline</div></span>")
    container = etree.Element(x("div"), nsmap={None: XHTML})
    HtmlConverter("d1-", {}).convert(parse_html(html), container)
    for element in container.iter(x("p"), x("span"), x("a")):
        assert not any(etree.QName(c).localname in ("div", "table", "p") for c in element)
    assert not container.findall(f".//{x('ul')}")            # a list with stray text becomes divs
    assert all(not a.findall(f".//{x('a')}") for a in container.iter(x("a")))


@pytest.mark.parametrize("output_format, expected", [("instance", {"sonus.xml"}), ("inline", {"sonus.xhtml"}),
                                                     ("both", {"sonus.xml", "sonus.xhtml"})])
def test_format_option_chooses_the_entry_documents(tmp_path, capsys, output_format, expected):
    code = main(["convert", str(SEED), "-o", str(tmp_path / "sonus"), "--no-validate", "--format", output_format])
    assert code == 0
    written = {p.name for p in (tmp_path / "sonus").iterdir() if p.suffix in (".xml", ".xhtml")
               and not p.stem.endswith(("_lab", "_pre", "_cal"))}
    assert written == expected


def test_viewer_wraps_the_inline_document_offline(tmp_path, taxonomy_packages):
    code = main(["convert", str(SEED), "-o", str(tmp_path / "sonus"), "--no-validate", "--viewer"])
    assert code == 0
    outdir = tmp_path / "sonus"
    report = json.loads((outdir / "report.json").read_text())
    assert report["outputs"]["viewer"] == "sonus_viewer.html" and (outdir / "ixbrlviewer.js").stat().st_size > 100_000
    page = (outdir / "sonus_viewer.html").read_text()
    assert '<script src="ixbrlviewer.js"' in page and "http://" not in page.split("ixbrl-viewer+json")[0][-2000:]
    data = json.loads(re.search(r'<script type="application/x.ixbrl-viewer\+json">(.*?)</script>', page, re.S).group(1))
    assert data["features"]["highlight_facts_on_startup"] is True       # it opens with the tagged facts highlighted
    facts = data["sourceReports"][0]["targetReports"][0]["facts"]
    assert len(facts) == report["facts"] == 114
    net_loss = [f for f in facts.values() if f["a"]["c"] == "us-gaap:NetIncomeLoss" and f["a"]["p"].startswith("2003-01-01")]
    assert [f["v"] for f in net_loss] == ["-4381000"]


def test_viewer_needs_the_inline_document(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(SEED), "-o", "unused", "--format", "instance", "--viewer"])
    assert exit_info.value.code == 2 and "--viewer" in capsys.readouterr().err


def _style_of_tagged(inline: Path) -> str:
    text = inline.read_text()
    return text[text.index("<head>"):text.index("</head>")]


def test_tagged_figures_are_marked_unless_plain_inline(tmp_path, taxonomy_packages, capsys):
    marked, plain, source = tmp_path / "marked", tmp_path / "plain", str(FIXTURES / "table_tags_10q.txt")
    assert main(["convert", source, "-o", str(marked), "--no-validate", "--format", "inline"]) == 0
    assert main(["convert", source, "-o", str(plain), "--no-validate", "--format", "inline", "--plain-inline"]) == 0
    head = _style_of_tagged(marked / "marked.xhtml")
    assert f'@namespace ix url("{IX}");' in head
    assert "ix|nonFraction, ix|nonNumeric { background-color:" in head
    assert "ix|" not in _style_of_tagged(plain / "plain.xhtml")
    # the marking is in the head alone: the body, and so every tagged fact, is the same
    body = [(folder / f"{folder.name}.xhtml").read_text().split("</head>", 1)[1] for folder in (marked, plain)]
    assert body[0].replace("marked", "plain") == body[1]
