"""The concepts of the per-share arithmetic (taxonomy_maps/earnings_per_share.toml): each earnings per share with the
weighted shares it divides by, and the income to the common holders. The per-share check and the label-fact reader
both read them here."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from converter.text.maps import MapsError, read_toml

EARNINGS_PER_SHARE = "earnings_per_share.toml"


@dataclass(frozen=True)
class PerSharePair:
    earnings_per_share: tuple[str, ...]
    weighted_shares: tuple[str, ...]


@dataclass(frozen=True)
class PerShareArithmetic:
    pairs: tuple[PerSharePair, ...]      # basic first
    income_to_common: tuple[str, ...]    # in order of preference
    weighted_shares: frozenset[str]      # every pair's

    @property
    def basic(self) -> PerSharePair:
        return self.pairs[0]


@lru_cache(maxsize=1)
def per_share_arithmetic() -> PerShareArithmetic:
    data = read_toml(EARNINGS_PER_SHARE)
    try:
        pairs = tuple(PerSharePair(_names(p["earnings_per_share"]), _names(p["weighted_shares"])) for p in data["pairs"])
        income = _names(data["income_to_common"])
    except (KeyError, TypeError) as error:
        raise MapsError(f"{EARNINGS_PER_SHARE}: pairs of earnings_per_share and weighted_shares, and "
                        f"income_to_common, are required, each a list of concept names ({error})") from None
    if not pairs or not income:
        raise MapsError(f"{EARNINGS_PER_SHARE}: at least one pair and one income concept are required")
    return PerShareArithmetic(pairs, income, frozenset(name for pair in pairs for name in pair.weighted_shares))


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise TypeError(f"{value!r} is not a list of concept names")
    return tuple(value)
