"""The learned mapping layer (taxonomy_maps/learned/concepts.tsv, scripts/learn_concepts.py): representative
decisions of the committed table, the deprecated-concept successors it is learned through, and where the chooser
places the layer (below the curated patterns, above name matching)."""
from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from converter.mapping import mapping_context
from converter.mapping.choice import ConceptChooser
from converter.mapping.facts import map_statement
from converter.mapping.labels import LabelMap
from converter.mapping.learned import (LearnedConcepts, LearnedEntry, Standing, label_words, learned_concepts,
                                       standings)
from converter.model import (Amount, Column, ColumnRole, Confidence, Entity, Measure, Period, Scale, SourceRef,
                             Statement, StatementKind, StatementRow)
from converter.taxonomy import load_taxonomy
from datetime import date

from tests.conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "scripts"))
from learn_concepts import concept_today, share_lower_bound  # noqa: E402
from review_rules import successors  # noqa: E402

BS, IS, CF = StatementKind.BALANCE_SHEET, StatementKind.INCOME, StatementKind.CASH_FLOW
M = Measure.MONETARY
FSDS = SHARED / "fsds"


@pytest.fixture(scope="module")
def taxonomy(taxonomy_packages):
    return load_taxonomy(taxonomy_packages, 2024, False)


@pytest.fixture(scope="module")
def fsds():
    if not (FSDS / "pre.tsv").is_file():
        pytest.skip("../shared/fsds (the SEC Financial Statement Data Sets the table is learned from) is absent")
    return FSDS


def _row(label: str, measure: Measure = M) -> StatementRow:
    return StatementRow(label, [Amount(Decimal(1), 0)], measure, SourceRef("t", 1))


# --- the committed table ----------------------------------------------------------------------------------------

def test_a_label_maps_to_the_successor_of_the_deprecated_2009_concept_filers_chose():
    # filers of 2009 tagged it with a concept us-gaap deprecated since; the table holds today's
    entry = learned_concepts().lookup(CF, M, "Proceeds from exercise of stock options")
    assert entry is not None and entry.concept == "us-gaap:ProceedsFromStockOptionsExercised"
    assert entry.companies >= 50 and entry.share >= Decimal("0.9")


def test_a_dimensionally_qualified_successor_keeps_its_member():
    entry = learned_concepts().lookup(IS, M, "Cost of goods sold")
    assert (entry.concept, entry.member) == ("us-gaap:CostOfGoodsAndServicesSold",
                                             ("srt:ProductOrServiceAxis", "us-gaap:ProductMember"))


@pytest.mark.parametrize("standing, concept", [
    (Standing("Total current assets"), "us-gaap:DeferredTaxAssetsNetNoncurrent"),
    (Standing("Total current liabilities", after_heading=True), "us-gaap:DeferredTaxLiabilitiesNoncurrent"),
])
def test_where_a_label_stands_decides_its_concept(standing, concept):
    entry = learned_concepts().lookup(BS, M, "Deferred income taxes", standing.place)
    assert entry is not None and entry.concept == concept


def test_words_not_order_key_the_table():
    assert label_words("Sales, net") == label_words("Net sales") == label_words("NET SALES (Note 2)")
    table = learned_concepts()
    assert table.lookup(BS, M, "Earnings, retained") == table.lookup(BS, M, "Retained earnings")
    assert table.lookup(BS, M, "Retained earnings").concept == "us-gaap:RetainedEarningsAccumulatedDeficit"


def test_a_label_most_filers_tagged_with_a_concept_2024_dropped_is_not_learned_from_the_rest():
    # most companies tagged 'Net sales' with a 2009 concept us-gaap 2024 has no successor for: they outvote
    # the minority whose concept has one
    assert learned_concepts().lookup(IS, M, "Net sales") is None


def test_the_table_is_keyed_by_measure():
    table = learned_concepts()
    assert all(unit in {m.value for m in Measure} for _, unit, _, _ in table.entries)
    assert table.lookup(BS, Measure.PER_SHARE, "Retained earnings") is None


def test_a_line_stands_below_the_last_total_and_after_any_heading_since():
    found = standings([None, "Cash", "Total current assets", "Goodwill", None, "Other", "Total assets", "Debt"])
    assert [standing.place for standing in found] == [
        "(top)", "(top)", "(top)", "asset current total", "asset current total",
        "asset current total; after a heading", "asset current total; after a heading", "asset total"]
    unclassified = standings(["Cash", "Loans", "Total assets", "Deposits"])
    assert [standing.place for standing in unclassified] == [
        "(top); unclassified", "(top); unclassified", "(top); unclassified", "asset total; unclassified"]


def test_thin_evidence_is_not_kept():
    assert share_lower_bound(2, 2) >= Decimal("0.5") and share_lower_bound(4, 5) >= Decimal("0.5")
    assert share_lower_bound(3, 4) < Decimal("0.5") and share_lower_bound(7, 10) < Decimal("0.5")


# --- the successors it is learned through (needs ../shared/fsds) --------------------------------------------------

def test_successors_take_the_concept_not_the_axis_or_member(fsds):
    renamed = successors(fsds)
    cost = renamed["CostOfGoodsSold"]
    assert cost.concept == "CostOfGoodsAndServicesSold"
    assert cost.member == ("srt:ProductOrServiceAxis", "us-gaap:ProductMember")
    assert renamed["GainLossOnSaleOfSecuritiesNet"].concept == "DebtAndEquitySecuritiesGainLoss"


def test_a_2009_tag_as_a_2024_concept(fsds, taxonomy):
    renamed = successors(fsds)
    assert concept_today("Assets", renamed, taxonomy) == ("us-gaap:Assets", None)
    assert concept_today("CostOfGoodsSold", renamed, taxonomy) == (
        "us-gaap:CostOfGoodsAndServicesSold", ("srt:ProductOrServiceAxis", "us-gaap:ProductMember"))
    assert concept_today("SalesRevenueNet", renamed, taxonomy) is None    # dropped, no successor listed


# --- the chooser --------------------------------------------------------------------------------------------------

def _table(label: str, concept: str, companies: int, agreeing: int, kind: StatementKind = BS) -> LearnedConcepts:
    return LearnedConcepts({(kind.value, M.value, label_words(label), ""): LearnedEntry(concept, None, companies,
                                                                                       agreeing)})


def test_the_chooser_takes_a_learned_entry_where_no_curated_rule_matches(taxonomy):
    label = "Reserve for widget returns"          # made up: no curated pattern, no concept's name
    assert LabelMap().lookup(BS, label) is None
    assert ConceptChooser(taxonomy, LabelMap(), LearnedConcepts({})).choose(BS, _row(label)).concept is None
    chooser = ConceptChooser(taxonomy, LabelMap(), _table(label, "us-gaap:OtherLiabilitiesCurrent", 14, 13))
    choice = chooser.choose(BS, _row(label))
    assert choice.concept.qname == "us-gaap:OtherLiabilitiesCurrent"
    assert choice.rule == "taxonomy_maps/learned/concepts.tsv: 13 of 14 companies (fsds 2009-2010)"
    assert choice.confidence is Confidence.HIGH


def test_a_curated_rule_beats_a_learned_entry(taxonomy):
    chooser = ConceptChooser(taxonomy, LabelMap(), _table("Total assets", "us-gaap:AssetsCurrent", 40, 40))
    choice = chooser.choose(BS, _row("Total assets"))
    assert choice.concept.qname == "us-gaap:Assets" and choice.rule.startswith("taxonomy_maps/concepts.csv:")


def test_a_learned_entry_takes_only_its_unit(taxonomy):
    label = "Reserve for widget returns"
    chooser = ConceptChooser(taxonomy, LabelMap(), _table(label, "us-gaap:OtherLiabilitiesCurrent", 14, 13))
    assert chooser.choose(BS, _row(label, Measure.SHARES)).concept is None


def test_confidence_follows_the_evidence(taxonomy):
    label = "Reserve for widget returns"
    thin = ConceptChooser(taxonomy, LabelMap(), _table(label, "us-gaap:OtherLiabilitiesCurrent", 2, 2))
    assert thin.choose(BS, _row(label)).confidence is Confidence.LOW
    off_network = ConceptChooser(taxonomy, LabelMap(), _table(label, "us-gaap:OtherLiabilitiesCurrent", 9, 9,
                                                              kind=IS))
    assert off_network.choose(IS, _row(label)).confidence is Confidence.MEDIUM


def test_a_learned_entry_comes_before_name_matching(taxonomy):
    # measured on held-out fsds companies: where the two differ, the table is right far more often
    label = "Asset retirement obligations"
    named = ConceptChooser(taxonomy, LabelMap(), LearnedConcepts({})).choose(BS, _row(label))
    assert named.concept.qname == "us-gaap:AssetRetirementObligation" and named.rule.startswith("taxonomy:")
    learned = _table(label, "us-gaap:AssetRetirementObligationsNoncurrent", 20, 19)
    choice = ConceptChooser(taxonomy, LabelMap(), learned).choose(BS, _row(label))
    assert choice.concept.qname == "us-gaap:AssetRetirementObligationsNoncurrent"


def test_thin_evidence_yields_to_name_matching(taxonomy):
    label = "Asset retirement obligations"
    thin = _table(label, "us-gaap:AssetRetirementObligationsNoncurrent", 2, 2)
    choice = ConceptChooser(taxonomy, LabelMap(), thin).choose(BS, _row(label))
    assert choice.concept.qname == "us-gaap:AssetRetirementObligation" and choice.rule.startswith("taxonomy:")


def test_a_reviewed_rule_takes_a_concept_back_from_a_learned_line_above(taxonomy):
    # made up: the learned table gives the concept to a subtotal above; the curated rule's stated total below
    # takes it, and the subtotal becomes an extension rather than report a part as the whole
    rows = [("Total widget holders' equity", "90"), ("Preferred stock", "10"), ("Total stockholders' equity", "100")]
    statement = Statement(BS, "t", [Column("h", ColumnRole.REPORTED, Period(date(2001, 12, 31), date(2001, 12, 31)))],
                          [StatementRow(label, [Amount(Decimal(value), 0)], M, SourceRef("t", i + 1),
                                        cell_sources=[SourceRef("t", i + 1, 40)])
                           for i, (label, value) in enumerate(rows)], Scale(0, 0), SourceRef("t", 1))
    context = mapping_context(taxonomy, Entity("s", "X", "Example Corp"))
    context.chooser = ConceptChooser(taxonomy, LabelMap(),
                                     _table(rows[0][0], "us-gaap:StockholdersEquity", 6, 5))
    mapped = map_statement(0, statement, context)
    concepts = {row.label: row.concept for row in mapped.rows}
    assert concepts["Total stockholders' equity"] == "us-gaap:StockholdersEquity"
    assert not concepts[rows[0][0]].startswith("us-gaap:")
