"""The phrases the tool recognises, from taxonomy_maps/statements.toml and taxonomy_maps/text.toml, compiled once
and checked against each other when first read: every pattern compiles, every statement kind named exists."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.model import StatementKind
from converter.text.maps import MapsError, compile_pattern, read_toml, where

STATEMENTS, TEXT = "statements.toml", "text.toml"


@dataclass(frozen=True)
class KindPattern:
    kind: str
    caption: re.Pattern[str]
    labels: re.Pattern[str]
    also: re.Pattern[str] | None = None     # without a caption, some row must match this too


@dataclass(frozen=True)
class MoneyScale:
    power: int                               # 3 for thousands
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Vocabulary:
    kinds: list[KindPattern]
    columns: dict[str, re.Pattern[str]]
    rows: dict[str, re.Pattern[str]]
    money_scales: list[MoneyScale]
    shares_scale: dict[str, re.Pattern[str]]   # shares_in_thousands, shares_unscaled
    structure: dict[str, re.Pattern[str]]
    months: tuple[str, ...]                    # "january" ... "december"
    month: str                                 # a regular expression matching any printed month name
    not_statements: tuple[str, ...]            # document types holding no statements
    caption_line: re.Pattern[str]              # a line naming a statement or its unit
    column_phrase: re.Pattern[str]             # label-column text that describes the columns
    aside_words: str                           # a regular expression: words that open an aside in a label


def month_pattern(months: tuple[str, ...]) -> str:
    """'Jan', 'January', 'JAN.', 'Sept': any name starting with the month's first three letters."""
    prefixes = [name[:3].capitalize() for name in months]
    return rf"(?:{'|'.join(prefixes)}|Sept)[a-z]*\.?"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    statements, text = read_toml(STATEMENTS), read_toml(TEXT)

    def compiled(file: str, section_name: str, section: dict[str, str]) -> dict[str, re.Pattern[str]]:
        return {key: compile_pattern(value, f"{where(file, key)} ([{section_name}] {key})")
                for key, value in section.items() if isinstance(value, str)}

    kinds = [_kind_pattern(entry) for entry in statements["kind"]]
    scale = statements["scale"]
    money_scales = [MoneyScale(int(entry["power"]),
                               compile_pattern(entry["pattern"], where(STATEMENTS, entry["pattern"])))
                    for entry in scale["money"]]
    months = tuple(name.lower() for name in text["dates"]["months"])
    if len(months) != 12:
        raise MapsError(f"{where(TEXT, 'months')}: [dates] months must name twelve months, not {len(months)}")
    month = month_pattern(months)
    phrases = text["phrases"]
    scale_phrases = "|".join(entry.pattern.pattern for entry in money_scales)
    caption_line = compile_pattern(f"{phrases['caption_line']}|{scale_phrases}", where(TEXT, "caption_line"))
    column_phrase = compile_pattern(rf"{phrases['column_phrase']}|\b{month}", where(TEXT, "column_phrase"))
    compile_pattern(phrases["aside_words"], where(TEXT, "aside_words"))
    return Vocabulary(kinds, compiled(STATEMENTS, "columns", statements["columns"]),
                      compiled(STATEMENTS, "rows", statements["rows"]), money_scales,
                      compiled(STATEMENTS, "scale", scale), compiled(STATEMENTS, "structure", statements["structure"]),
                      months, month, tuple(text["documents"]["not_statements"]), caption_line, column_phrase,
                      phrases["aside_words"])


def _kind_pattern(entry: dict[str, str]) -> KindPattern:
    kind = entry["kind"]
    if kind not in {k.value for k in StatementKind}:
        raise MapsError(f"{where(STATEMENTS, kind)}: unknown statement kind {kind!r} "
                        f"(known: {', '.join(k.value for k in StatementKind)})")
    origin = f"{where(STATEMENTS, kind)} (kind {kind})"
    return KindPattern(kind, compile_pattern(entry["caption"], origin), compile_pattern(entry["labels"], origin),
                       compile_pattern(entry["also"], origin) if "also" in entry else None)

