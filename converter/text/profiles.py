"""One profile per statement kind (taxonomy_maps/kinds.toml): the period type of its columns, how its printed signs
read, the networks and root it is presented under, and which of its layouts the statement stage looks for. Every
stage reads a kind's knowledge here; the file is checked when first read."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from converter.model import StatementKind
from converter.text.maps import MapsError, read_toml, where

KINDS = "kinds.toml"
_FLAGS = ("signed_printing", "moves_money", "per_share_sections", "roll_forward", "activities", "sides")
_REQUIRED = ("networks", "root", "title", "period_type", "natural_balance")
_KEYS = {*_REQUIRED, "adds_as_printed", "share_counts", *_FLAGS}
_SHARE_COUNTS = {"basic", "basic_per_share", "combined", "combined_per_share"}


@dataclass(frozen=True)
class KindProfile:
    kind: StatementKind
    networks: tuple[str, ...]       # us-gaap stm network codes
    root: str
    title: str
    period_type: str                # "instant" | "duration"
    natural_balance: str | None     # "credit" | "debit"; None where both sides are printed (a balance sheet)
    adds_as_printed: frozenset[str] = frozenset()
    signed_printing: bool = False
    moves_money: bool = False
    per_share_sections: bool = False
    roll_forward: bool = False
    activities: bool = False
    sides: bool = False
    share_counts: dict[str, str] | None = None     # basic, basic_per_share, combined, combined_per_share

    @property
    def instant(self) -> bool:
        return self.period_type == "instant"


def profile(kind: StatementKind) -> KindProfile:
    return _profiles()[kind]


@lru_cache(maxsize=1)
def carried_income() -> frozenset[str]:
    """The income concepts some kind adds as printed: the figure a flow statement carries over from the income
    statement, which must agree between them."""
    return frozenset().union(*(p.adds_as_printed for p in _profiles().values()))


def _check_types(entry: dict, origin: str) -> None:
    for key in ("networks", "adds_as_printed"):
        if key in entry and not (isinstance(entry[key], list) and all(isinstance(v, str) for v in entry[key])):
            raise MapsError(f"{origin}: {key} must be a list of strings")
    for key in ("root", "title", "period_type", "natural_balance"):
        if key in entry and not isinstance(entry[key], str):
            raise MapsError(f"{origin}: {key} must be a string")
    for key in _FLAGS:
        if key in entry and not isinstance(entry[key], bool):
            raise MapsError(f"{origin}: {key} must be true or false")


@lru_cache(maxsize=1)
def _profiles() -> dict[StatementKind, KindProfile]:
    data = read_toml(KINDS)
    profiles = {}
    for name, entry in data.items():
        origin = where(KINDS, f"[{name}]")
        try:
            kind = StatementKind(name)
        except ValueError:
            raise MapsError(f"{origin}: unknown statement kind {name!r}") from None
        unknown = set(entry) - _KEYS
        if unknown:
            raise MapsError(f"{origin}: unknown setting(s) {', '.join(sorted(unknown))}")
        absent = [key for key in _REQUIRED if key not in entry]
        if absent:
            raise MapsError(f"{origin}: missing setting(s) {', '.join(absent)}")
        if entry.get("period_type") not in ("instant", "duration"):
            raise MapsError(f"{origin}: period_type must be \"instant\" or \"duration\"")
        if entry.get("natural_balance") not in ("credit", "debit", "none"):
            raise MapsError(f"{origin}: natural_balance must be \"credit\", \"debit\" or \"none\"")
        _check_types(entry, origin)
        counts = entry.get("share_counts")
        if counts is not None and set(counts) != _SHARE_COUNTS:
            raise MapsError(f"{origin}: share_counts must name {', '.join(sorted(_SHARE_COUNTS))}")
        balance = entry["natural_balance"]
        profiles[kind] = KindProfile(kind, tuple(entry["networks"]), entry["root"], entry["title"],
                                     entry["period_type"], None if balance == "none" else balance,
                                     frozenset(entry.get("adds_as_printed", ())),
                                     **{flag: bool(entry.get(flag, False)) for flag in _FLAGS},
                                     share_counts=dict(counts) if counts else None)
    missing = [kind.value for kind in StatementKind if kind not in profiles]
    if missing:
        raise MapsError(f"{where(KINDS, '[')}: no profile for {', '.join(missing)}")
    return profiles
