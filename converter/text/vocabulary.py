"""The recognition patterns of taxonomy_maps/statements.toml, compiled once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from converter.resources import maps_dir


@dataclass(frozen=True)
class KindPattern:
    kind: str
    caption: re.Pattern[str]
    labels: re.Pattern[str]
    also: re.Pattern[str] | None = None     # without a caption, some row must match this too


@dataclass(frozen=True)
class Vocabulary:
    kinds: list[KindPattern]
    columns: dict[str, re.Pattern[str]]
    rows: dict[str, re.Pattern[str]]
    scale: dict[str, re.Pattern[str]]
    structure: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with open(maps_dir() / "statements.toml", "rb") as handle:
        data = tomllib.load(handle)

    def compiled(section: dict[str, str]) -> dict[str, re.Pattern[str]]:
        return {key: re.compile(value, re.I) for key, value in section.items()}

    kinds = [KindPattern(k["kind"], re.compile(k["caption"], re.I), re.compile(k["labels"], re.I),
                         re.compile(k["also"], re.I) if "also" in k else None) for k in data["kind"]]
    return Vocabulary(kinds, compiled(data["columns"]), compiled(data["rows"]), compiled(data["scale"]),
                      compiled(data["structure"]))
