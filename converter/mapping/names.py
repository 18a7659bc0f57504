"""A label matched to a us-gaap concept by the words of the concept's name, where no curated pattern matched
(taxonomy_maps/names.toml says which words may differ)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from converter.text.maps import read_toml
from converter.taxonomy import Concept


MIN_GENERAL_WORDS_NAMING = 3     # general words that, all of a concept's name, still name it


@dataclass(frozen=True)
class NameRules:
    ignored: frozenset[str]
    qualifiers: frozenset[str]
    too_general: frozenset[str]


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    data = read_toml("names.toml")
    return NameRules(frozenset(data["ignored"]), frozenset(map(stem, data["qualifiers"])),
                     frozenset(map(stem, data["too_general"])))


def stem(word: str) -> str:
    """Plural to singular, enough to compare 'Losses on sales' with 'GainLossOnSale'."""
    if len(word) <= 3 or word.endswith("ss"):
        return word
    for ending, replacement in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
                                ("s", "")):
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def word_set(words: str) -> frozenset[str]:
    rules = name_rules()
    return frozenset(stem(w) for w in words.split() if w not in rules.ignored)


def concept_by_name(normalised_label: str, candidates: list[Concept]) -> tuple[Concept, int] | None:
    """The candidate whose name is the label's words plus the fewest qualifiers, and how many it adds; None where
    two candidates tie, or the label is too general: made of general words only, unless three or more of them
    are a concept's whole name ('Other operating (income) expense, net' is OtherOperatingIncomeExpenseNet)."""
    rules = name_rules()
    label = word_set(normalised_label)
    if not label:
        return None
    ranked = sorted((len(extra), concept.qname, concept) for concept in candidates
                    if label <= (name := _name_words(concept)) and (extra := name - label) <= rules.qualifiers)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    if label <= rules.too_general and (len(label) < MIN_GENERAL_WORDS_NAMING or ranked[0][0] > 0):
        return None
    return ranked[0][2], ranked[0][0]


@lru_cache(maxsize=32768)
def _name_words(concept: Concept) -> frozenset[str]:
    return word_set(concept.words)
