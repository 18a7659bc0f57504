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
    scale_words: dict[str, re.Pattern[str]]    # [scale]: shares and row scale words, other currencies
    structure: dict[str, re.Pattern[str]]
    months: tuple[str, ...]                    # "january" ... "december"
    month: str                                 # a regular expression matching any printed month name
    not_statements: tuple[str, ...]            # document types holding no statements
    caption_line: re.Pattern[str]              # a line naming a statement or its unit
    column_phrase: re.Pattern[str]             # label-column text that describes the columns
    aside_words: str                           # a regular expression: words that open an aside in a label
    expected_statements: dict[str, tuple[str, ...]]   # form type prefix -> statement kinds it should hold
    cover_form: re.Pattern[str]                # "FORM 10-K" on a cover page; group 1 is the form
    cover_captions: dict[str, re.Pattern[str]]  # CoverPage field -> the caption printed under it
    periods: dict[str, re.Pattern[str]]        # duration ("Three months", "13 weeks"), quarter, year
    number_words: dict[str, int]               # "three" -> 3: how spans are counted in words
    note_columns: re.Pattern[str]              # column headers of a note table (award activity), never a statement
    summary_captions: re.Pattern[str]          # caption lines of summaries (selected data, MD&A), never a title
    note_heading: re.Pattern[str]              # a note's numbered heading ("(3) Balance sheet components"), no title
    table_end: re.Pattern[str]                 # a line that closes a statement ("See accompanying notes ...")
    continuing_words: frozenset[str]           # words no line item's label starts with: it goes on from above
    connectors: frozenset[str]                 # words a label line ends with when the label goes on below


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
    column_phrase = compile_pattern(rf"{phrases['column_phrase']}|{scale_phrases}|\b{month}",
                                    where(TEXT, "column_phrase"))
    compile_pattern(phrases["aside_words"], where(TEXT, "aside_words"))
    periods, number_words = _periods(statements["periods"])
    return Vocabulary(kinds, compiled(STATEMENTS, "columns", statements["columns"]),
                      compiled(STATEMENTS, "rows", statements["rows"]), money_scales,
                      compiled(STATEMENTS, "scale", scale), compiled(STATEMENTS, "structure", statements["structure"]),
                      months, month, tuple(text["documents"]["not_statements"]), caption_line, column_phrase,
                      phrases["aside_words"], _expected_statements(text["documents"]), *_cover(text["cover"]),
                      periods, number_words,
                      compile_pattern(statements["notes"]["award_columns"], where(STATEMENTS, "award_columns")),
                      compile_pattern(statements["notes"]["summary_captions"], where(STATEMENTS, "summary_captions")),
                      compile_pattern(statements["notes"]["note_heading"], where(STATEMENTS, "note_heading")),
                      compile_pattern(phrases["table_end"], where(TEXT, "table_end")),
                      _words(text["labels"], "continuing_words"), _words(text["labels"], "connectors"))


def _words(section: dict, key: str) -> frozenset[str]:
    words = section.get(key)
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise MapsError(f"{where(TEXT, key)}: [labels] {key} must be a list of words")
    return frozenset(word.lower() for word in words)


def _cover(cover: dict) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    forms = "|".join(re.escape(form) for form in cover["forms"])
    form = compile_pattern(rf"^\s*FORM\s+({forms})\b", where(TEXT, "forms = "), re.I | re.M)
    captions = {key: compile_pattern(value, where(TEXT, f"{key} = ")) for key, value in cover.items()
                if isinstance(value, str)}
    return form, captions


def _expected_statements(documents: dict) -> dict[str, tuple[str, ...]]:
    known = {kind.value for kind in StatementKind}
    expected = {form: tuple(kinds) for form, kinds in documents.get("expected_statements", {}).items()}
    for form, kinds in expected.items():
        unknown = [kind for kind in kinds if kind not in known]
        if unknown:
            quoted = '"%s"' % form
            raise MapsError(f"{where(TEXT, quoted)}: unknown statement kind {unknown[0]!r}")
    return expected


def _periods(section: dict) -> tuple[dict[str, re.Pattern[str]], dict[str, int]]:
    words = {str(word).lower(): int(number) for word, number in section["number_words"].items()}
    counts = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    origin = where(STATEMENTS, "duration_units")
    duration = compile_pattern(rf"\b(?P<count>\d{{1,2}}|{counts})[\s-]+(?P<unit>{section['duration_units']})\b", origin)
    return {"duration": duration, "quarter": compile_pattern(section["quarter"], where(STATEMENTS, "quarter = ")),
            "year": compile_pattern(section["year"], where(STATEMENTS, "year = ")),
            "range": compile_pattern(section["range"], where(STATEMENTS, "range = ")),
            "range_word": compile_pattern(section["range_word"], where(STATEMENTS, "range_word = "))}, words


def _kind_pattern(entry: dict[str, str]) -> KindPattern:
    kind = entry["kind"]
    if kind not in {k.value for k in StatementKind}:
        raise MapsError(f"{where(STATEMENTS, kind)}: unknown statement kind {kind!r} "
                        f"(known: {', '.join(k.value for k in StatementKind)})")
    origin = f"{where(STATEMENTS, kind)} (kind {kind})"
    return KindPattern(kind, compile_pattern(entry["caption"], origin), compile_pattern(entry["labels"], origin),
                       compile_pattern(entry["also"], origin) if "also" in entry else None)

