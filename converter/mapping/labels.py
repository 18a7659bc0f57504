"""Row label -> us-gaap concept, from the curated patterns in taxonomy_maps/ (and a user's overrides first)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator

from converter.model import StatementKind, UsageError
from converter.resources import maps_dir
from converter.taxonomy import Taxonomy
from converter.text.maps import MapsError, compile_pattern, read_table, read_toml
from converter.text.vocabulary import vocabulary

_FOOTNOTE_MARK = re.compile(r"(\s*\((?:[a-z]|\d{1,2}|note \d+[a-z]?)\)|\*+|\s+\d)$", re.I)


@dataclass(frozen=True)
class LabelRule:
    statement: str        # a StatementKind value, or "any"
    pattern: re.Pattern[str]
    concept: str
    origin: str           # "FILE:LINE" for the report
    section: re.Pattern[str] | None = None   # searched in the heading or total printed last above the row
    member: tuple[str, str] | None = None    # (axis, member): the line is that part of the concept ("Products")


_KINDS = ("any", *(kind.value for kind in StatementKind))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"\b{re.escape(row['abbreviation'])}\b"), row["expansion"])
                 for _, row in read_table("abbreviations.csv", ("abbreviation", "expansion"), ","))


def strip_footnote_marks(label: str) -> str:
    text = label.strip()
    while _FOOTNOTE_MARK.search(text) and len(text) > 3:
        text = _FOOTNOTE_MARK.sub("", text)
    return text


@lru_cache(maxsize=1)
def _aside() -> re.Pattern[str]:
    """Asides that say nothing of what the line is: amounts ("(including ... of $1,328 and $2,149)"), the words of
    taxonomy_maps/text.toml (note references, "(unaudited)", a closing ", excluding depreciation"), and a
    parenthesis left open where a label was cut."""
    closing = read_toml("text.toml")["phrases"]["closing_aside_words"]      # ', excluding depreciation'
    return re.compile(rf"\s*\((?:[^()]*\d[^()]*|\s*(?:{vocabulary().aside_words})[^()]*)\)|\s*\([^()]*$"
                      rf"|,\s*(?:{closing})\b[^,()]*$", re.I)


@lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    text = _aside().sub("", strip_footnote_marks(label)).lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for pattern, expansion in _abbreviations():
        text = pattern.sub(expansion, text)
    return " ".join(text.split())


def load_rules(path: Path, origin: str, shown: str | None = None) -> list[LabelRule]:
    """CSV with columns statement (blank: any), pattern (a regular expression over the normalised label) or label
    (a label as printed), concept, and optionally section and member
    ('srt:ProductOrServiceAxis=us-gaap:ProductMember'). `origin` names the rules in the report, `shown` (default:
    origin) the file in error messages."""
    shown = shown or origin
    with open(path, newline="", encoding="utf-8") as handle:
        numbered = [(n, line) for n, line in enumerate(handle, start=1)
                    if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        return []
    header = [name.strip() for name in next(csv.reader([numbered[0][1]]))]
    _check_columns(header, f"{shown}:{numbered[0][0]}")
    rules = []
    for number, line in numbered[1:]:
        row = dict(zip(header, (cell.strip() for cell in next(csv.reader([line])))))
        where = f"{shown}:{number}"
        if not row.get("concept") or not (row.get("pattern") or row.get("label")):
            raise MapsError(f"{where}: a rule needs a concept and a pattern or label")
        pattern = row.get("pattern") or re.escape(normalise_label(row.get("label", "")))
        section, member = row.get("section"), row.get("member")
        statement = row.get("statement") or "any"
        if statement not in _KINDS:
            raise MapsError(f"{where}: unknown statement kind {statement!r} (known: {', '.join(_KINDS)})")
        if member and "=" not in member:
            raise MapsError(f"{where}: member {member!r} is not AXIS=MEMBER")
        rules.append(LabelRule(statement, compile_pattern(pattern, where, 0), row["concept"], f"{origin}:{number}",
                               compile_pattern(section, f"{where} (section)", 0) if section else None,
                               tuple(member.split("=", 1)) if member else None))
    return rules


def _check_columns(header: list[str], where: str) -> None:
    """A header without the columns rules are read from would make every rule fail later, far from its cause."""
    known = ("statement", "pattern", "label", "concept", "section", "member")
    unknown = [name for name in header if name not in known]
    if unknown or "concept" not in header or not {"pattern", "label"} & set(header):
        raise MapsError(f"{where}: the header must name the columns concept and pattern or label (and optionally "
                        f"statement, section, member); it has {', '.join(header) or 'none'}")


def load_overrides(path: Path) -> list[LabelRule]:
    """The user's --mapping-overrides file; any problem is a usage error naming the file and line."""
    try:
        return load_rules(path, f"override {path.name}", str(path))
    except FileNotFoundError:
        raise UsageError(f"{path}: mapping overrides: no such file") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: mapping overrides: not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{path}: mapping overrides: cannot be read ({error.strerror})") from None
    except MapsError as error:       # already names the file and line
        raise UsageError(str(error)) from None
    except csv.Error as error:
        raise UsageError(f"{path}: mapping overrides: not a CSV file ({error})") from None


def check_override_concepts(path: Path, rules: list[LabelRule], taxonomy: Taxonomy) -> None:
    """A rule naming a concept the taxonomy lacks would be passed over on every row, silently: refuse it."""
    for line, problem in _unusable_concepts(rules, taxonomy):
        raise UsageError(f"{path}:{line}: {problem}")


def check_builtin_concepts(taxonomy: Taxonomy) -> None:
    """The same for taxonomy_maps/concepts.csv, against the taxonomy a conversion loads (once per taxonomy: the
    taxonomy remembers it was checked)."""
    if taxonomy.checked_rules:
        return
    for line, problem in _unusable_concepts(list(_builtin_rules()), taxonomy):
        raise MapsError(f"{maps_dir() / 'concepts.csv'}:{line}: {problem}")
    taxonomy.checked_rules = True


def _unusable_concepts(rules: list[LabelRule], taxonomy: Taxonomy) -> Iterator[tuple[str, str]]:
    for rule in rules:
        for qname in (rule.concept, *(rule.member or ())):
            concept = taxonomy.get(qname)
            if concept is None or (qname == rule.concept and concept.abstract):
                problem = ("an abstract concept, which takes no values" if concept
                           else "not a concept of the loaded taxonomy")
                yield rule.origin.rsplit(":", 1)[1], f"{qname} is {problem}"


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[LabelRule, ...]:
    return tuple(load_rules(maps_dir() / "concepts.csv", "taxonomy_maps/concepts.csv"))


@lru_cache(maxsize=None)
def _builtin_rules_for(kind: StatementKind) -> tuple[LabelRule, ...]:
    """Sorted out once per process: a LabelMap is made for every filing, and the built-in rules number hundreds."""
    return tuple(_for_kind(_builtin_rules(), kind))


@lru_cache(maxsize=16384)
def _builtin_matches(kind: StatementKind, normalised: str) -> tuple[LabelRule, ...]:
    """The built-in rules whose pattern matches a normalised label, in priority order, kept for the process: each
    is a scan of hundreds of patterns, and a batch meets the same labels ('total current assets', 'net income') in
    filing after filing."""
    return tuple(rule for rule in _builtin_rules_for(kind) if rule.pattern.fullmatch(normalised))


def _for_kind(rules: Iterable[LabelRule], kind: StatementKind) -> list[LabelRule]:
    return [rule for rule in rules if rule.statement in ("any", kind.value)]


class LabelMap:
    def __init__(self, overrides: Path | None = None):
        self.overrides = load_overrides(overrides) if overrides else []
        self._overrides_by_kind: dict[StatementKind, list[LabelRule]] = {}

    def _overrides_for(self, kind: StatementKind) -> list[LabelRule]:
        if kind not in self._overrides_by_kind:
            self._overrides_by_kind[kind] = _for_kind(self.overrides, kind)
        return self._overrides_by_kind[kind]

    def lookup(self, kind: StatementKind, label: str, section: str = "") -> LabelRule | None:
        return next(self.candidates(kind, label, section), None)

    def candidates(self, kind: StatementKind, label: str, section: str = "") -> Iterator[LabelRule]:
        """The rules matching a label, in priority order: the user's, then the built-in ones."""
        normalised = normalise_label(label)
        if not normalised:
            return iter(())
        context = normalise_label(section)
        matching = chain((rule for rule in self._overrides_for(kind) if rule.pattern.fullmatch(normalised)),
                         _builtin_matches(kind, normalised))
        return (rule for rule in matching if rule.section is None or rule.section.search(context))
