"""The hand-made gold facts of tests/gold/ (labelled from the corpus filings by helpers who never saw the converter's
output) held against what the converter writes: every gold file's matched facts at least its figure in
tests/gold/draws.csv, and no conflicting value anywhere (a us-gaap fact whose concept and period match a gold row
with another value). What the converter writes is read from the corpus golden files (tests/golden/corpus/), which
test_corpus_golden holds equal to a fresh conversion; so this test converts nothing. Scoring follows
../shared/tools/score_instance.py, whose gold reader it uses."""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, SHARED
from tests.corpus_golden import golden_name

GOLD = Path(__file__).parent / "gold"
SCORER = SHARED / "tools" / "score_instance.py"
pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools is absent: the gold scorer needs it")


def _load_gold():
    spec = importlib.util.spec_from_file_location("score_instance", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_gold


def _draws() -> list[dict[str, str]]:
    with open(GOLD / "draws.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _written(gold: Path) -> dict[tuple[str, str], set[Decimal]]:
    """(us-gaap local name, period) -> values written for the company as a whole, from the corpus golden file."""
    source = re.match(r"# gold for ([^;]+);", gold.read_text(encoding="utf-8").splitlines()[0]).group(1)
    written: dict[tuple[str, str], set[Decimal]] = defaultdict(set)
    for line in (GOLDEN / "corpus" / golden_name(source)).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        concept, period, dimensions, _unit, _decimals, value = line.split("\t")
        if concept.startswith("us-gaap:") and dimensions == "{}":
            written[(concept.removeprefix("us-gaap:"), period)].add(Decimal(value))
    return written


def score(gold: Path) -> tuple[int, list[str]]:
    """(gold rows matched, conflicts)."""
    written, matched, conflicts = _written(gold), 0, []
    for alternatives, period, _value, _unit in _load_gold()(gold):
        found = {name: written[(name, period)] for name in alternatives if (name, period) in written}
        matched += any(alternatives[name] in values for name, values in found.items())
        conflicts += [f"{name} {period}: {sorted(values)} written, {alternatives[name]} in gold"
                      for name, values in found.items() if values != {alternatives[name]}]
    return matched, conflicts


def test_every_gold_file_is_in_a_draw():
    assert {row["gold"] for row in _draws()} == {path.stem for path in GOLD.glob("*.tsv")}


@pytest.mark.parametrize("draw", _draws(), ids=lambda draw: draw["gold"])
def test_gold_facts_are_found_without_conflicts(draw):
    matched, conflicts = score(GOLD / f"{draw['gold']}.tsv")
    assert conflicts == []
    assert matched >= int(draw["matched_at_least"])


def test_no_gold_file_gives_one_concept_two_values():
    # a gold file that contradicts itself makes every answer for that concept and period a conflict
    for path in GOLD.glob("*.tsv"):
        values: dict[tuple[str, str], set[Decimal]] = defaultdict(set)
        for alternatives, period, _value, _unit in _load_gold()(path):
            for name, value in alternatives.items():
                values[(name, period)].add(value)
        assert not [key for key, found in values.items() if len(found) > 1], path.name
