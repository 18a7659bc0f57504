"""Fuzzing over mutated corpus filings (read from ../shared, never copied): truncated, with lines dropped,
doubled or swapped, digits changed, garbage bytes inserted. No exception escapes: each mutant converts or fails
with a one-line reason; what converts is well-formed, and every written sum its facts do not satisfy is reported
(checked here from the instance and calculation linkbase themselves)."""
from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from lxml import etree

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert
from tests.conftest import SHARED

CORPUS = SHARED / "corpus_raw"
pytestmark = pytest.mark.skipif(not (CORPUS / "INDEX.tsv").exists(),
                                reason="../shared/corpus_raw is absent: the fuzz test mutates its filings")
MUTANTS_PER_FILING = 6
XBRLI = "{http://www.xbrl.org/2003/instance}"
XLINK = "{http://www.w3.org/1999/xlink}"


def _samples() -> list[str]:
    """The smallest periodic reports and 8-Ks of each layout: plain text, <TABLE> text and HTML."""
    with open(CORPUS / "INDEX.tsv", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["format"] != "xbrl-instance"
                and r["filed_date"] < "2009-07-01" and r["form_type"].startswith(("10-", "8-K"))]
    chosen = []
    for style in ("whitespace-aligned", "sgml-table(<TABLE>/<S>/<C>)", "html-table"):
        candidates = sorted((r for r in rows if r["table_style"] == style), key=lambda r: int(r["bytes"]))
        chosen.extend(r["path"] for r in candidates[:2])
    return chosen


def _mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    kind = rng.choice(["truncate", "drop", "double", "swap", "digits", "garbage"])
    at, span = rng.randrange(len(lines)), rng.randint(1, 40)
    if kind == "truncate":
        return data[: rng.randrange(1, len(data))]
    if kind == "drop":
        return b"\n".join(lines[:at] + lines[at + span:])
    if kind == "double":
        return b"\n".join(lines[:at + span] + lines[at:at + span] + lines[at + span:])
    if kind == "swap":
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
        return b"\n".join(lines)
    if kind == "digits":
        mutated = bytearray(data)
        for position in rng.sample(range(len(mutated)), min(len(mutated), 400)):
            if chr(mutated[position]).isdigit():
                mutated[position] = ord(rng.choice("0123456789"))
        return bytes(mutated)
    return data[:at * 50] + bytes(rng.randrange(256) for _ in range(200)) + data[at * 50:]


def _instance_facts(path) -> dict[tuple[str, str], tuple[Decimal, int]]:
    root = etree.parse(str(path)).getroot()
    periods = {}
    for context in root.iter(f"{XBRLI}context"):
        instant = context.findtext(f".//{XBRLI}instant")
        periods[context.get("id")] = instant or (f"{context.findtext(f'.//{XBRLI}startDate')}.."
                                                 f"{context.findtext(f'.//{XBRLI}endDate')}")
    facts = {}
    for element in root:
        if element.get("unitRef"):
            qname = etree.QName(element)
            prefix = next(p for p, ns in element.nsmap.items() if ns == qname.namespace)
            facts[(f"{prefix}:{qname.localname}", periods[element.get("contextRef")])] = (
                Decimal(element.text), int(element.get("decimals")))
    return facts


def _unsatisfied_sums(instance, calculation) -> set[tuple[str, str]]:
    """(total, period) of every sum in the calculation linkbase that the instance's facts do not satisfy."""
    facts = _instance_facts(instance)
    unsatisfied = set()
    for link in etree.parse(str(calculation)).getroot().iter("{*}calculationLink"):
        concepts = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href").split("#")[1].replace("_", ":", 1)
                    for loc in link.iter("{*}loc")}
        items = defaultdict(list)
        for arc in link.iter("{*}calculationArc"):
            items[concepts[arc.get(f"{XLINK}from")]].append((concepts[arc.get(f"{XLINK}to")],
                                                             Decimal(arc.get("weight"))))
        for (concept, period), (value, decimals) in facts.items():
            present = [(facts[(item, period)], weight) for item, weight in items.get(concept, [])
                       if (item, period) in facts]
            if not present:
                continue
            places = min([decimals] + [d for (_, d), _ in present])
            unit = Decimal(1).scaleb(-places)
            computed = sum((v.quantize(unit) * w for (v, _), w in present), Decimal(0))
            if computed != value.quantize(unit):
                unsatisfied.add((concept, period))
    return unsatisfied


@pytest.mark.parametrize("path", _samples() if (CORPUS / "INDEX.tsv").exists() else [])
def test_mutated_filings(tmp_path, taxonomy_packages, path):
    rng = random.Random(path)
    original = (CORPUS / path).read_bytes()
    for number in range(MUTANTS_PER_FILING):
        source = tmp_path / f"mutant{number}{(CORPUS / path).suffix}"
        source.write_bytes(_mutate(original, rng))
        out = tmp_path / f"out{number}"
        try:
            result = convert(source, out, ConvertOptions(validate=False))
        except ConversionError as error:
            assert "\n" not in str(error) and str(error).startswith(str(source))
            continue
        report = result.report
        assert report["facts"] == len(report["fact_list"])
        for name in report["outputs"].values():
            etree.parse(str(out / name))
        reported = {" ".join(issue["message"].split(" ")[:2]).rstrip(":")
                    for issue in report["issues"] if issue["code"] == "inconsistent-sum"}
        for concept, period in _unsatisfied_sums(out / report["outputs"]["instance"],
                                                 out / report["outputs"]["calculation"]):
            assert f"{concept} {period}" in reported, (path, number, concept, period)
        json.dumps(report)
