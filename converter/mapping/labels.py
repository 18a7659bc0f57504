"""Row label -> us-gaap concept, from the curated patterns in taxonomy_maps/ (and a user's overrides first)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.model import StatementKind
from converter.resources import maps_dir

_FOOTNOTE_MARK = re.compile(r"(\s*\((?:[a-z]|\d{1,2}|note \d+[a-z]?)\)|\*+|\s+\d)$", re.I)


@dataclass(frozen=True)
class LabelRule:
    statement: str        # a StatementKind value, or "any"
    pattern: re.Pattern[str]
    concept: str
    origin: str           # "override" or "taxonomy_maps/concepts.csv:LINE" for the report

    def applies(self, kind: StatementKind, normalised: str) -> bool:
        return self.statement in ("any", kind.value) and bool(self.pattern.fullmatch(normalised))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    with open(maps_dir() / "abbreviations.csv", newline="") as handle:
        return tuple((re.compile(rf"\b{re.escape(row['abbreviation'])}\b"), row["expansion"])
                     for row in csv.DictReader(handle))


def strip_footnote_marks(label: str) -> str:
    text = label.strip()
    while _FOOTNOTE_MARK.search(text) and len(text) > 3:
        text = _FOOTNOTE_MARK.sub("", text)
    return text


def normalise_label(label: str) -> str:
    text = strip_footnote_marks(label).lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for pattern, expansion in _abbreviations():
        text = pattern.sub(expansion, text)
    return " ".join(text.split())


def load_rules(path: Path, origin: str) -> list[LabelRule]:
    rules = []
    with open(path, newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        for number, row in enumerate(csv.DictReader(lines), start=2):
            rules.append(LabelRule(row["statement"].strip(), re.compile(row["pattern"].strip()),
                                   row["concept"].strip(), f"{origin}:{number}"))
    return rules


class LabelMap:
    def __init__(self, overrides: Path | None = None):
        self.rules = (load_rules(overrides, "override") if overrides else []) + \
            load_rules(maps_dir() / "concepts.csv", "taxonomy_maps/concepts.csv")

    def lookup(self, kind: StatementKind, label: str) -> LabelRule | None:
        normalised = normalise_label(label)
        if not normalised:
            return None
        return next((rule for rule in self.rules if rule.applies(kind, normalised)), None)
