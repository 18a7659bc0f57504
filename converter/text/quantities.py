"""Quantities printed inside a line's label: par values, share counts, allowances, accumulated depreciation.

"Common stock, $.01 par value; 50,000,000 shares authorized; 12,345,678 and 12,000,000 shares issued" reads as
three quantities: par_value $.01, authorized 50,000,000, issued 12,345,678 and 12,000,000 (in column order). The
words are taxonomy_maps/label_facts.toml's; a clause holding any other word is not read, since a wrong number is
worse than a missing one. Which concept, period and scale each value takes is mapping's business."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from converter.text.dates import full_date, month_number
from converter.text.maps import MapsError, compile_pattern, read_toml, where
from converter.text.vocabulary import vocabulary

LABEL_FACTS = "label_facts.toml"
NO_PAR = "no_par"          # the kind that prints no figure: its value is 0
_CLAUSE_END = re.compile(r"[;()\[\]]|,(?=\s)")
_DATE_MARK = "\u00a7"        # a date printed in full, replaced by its ISO form between two marks
_KIND_MARK, _ZERO_MARK = "\u00a4", "\u00b5"
_TOKEN = re.compile(rf"{_DATE_MARK}(?P<date>\d{{4}}-\d\d-\d\d){_DATE_MARK}|{_KIND_MARK}(?P<kind_index>\d+){_KIND_MARK}"
                    rf"|(?P<zero>{_ZERO_MARK})"
                    r"|(?P<money>\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)|(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
                    r"|(?P<word>[A-Za-z]+(?:['\u2019-][A-Za-z]+)*)|(?P<filler>[\u2014\u2013:.,-])|(?P<space>\s+)|(?P<odd>.)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class PrintedValue:
    value: Decimal
    places: int                         # decimal places printed
    text: str                           # the figure as printed ('1,800,000,000', '.01'), or '' for a word ('none')
    dollars: bool = False               # printed with a dollar sign
    when: tuple[date | int, ...] = ()   # the dates or years it is printed for; () where the columns' order tells


@dataclass(frozen=True)
class LabelQuantity:
    kind: str                           # a key of [kinds] in label_facts.toml, or the bare kind ("shares")
    values: tuple[PrintedValue, ...]
    power: int | None = None            # the power of ten a word states ('3.5 billion'); None where none is printed


@dataclass(frozen=True)
class LabelReading:
    name: str                           # the line's own name, the label without its quantities ('Common stock')
    quantities: tuple[LabelQuantity, ...]


@dataclass(frozen=True)
class _Grammar:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    bare_shares: re.Pattern[str]
    bare_kind: str
    zero: re.Pattern[str]
    filler: frozenset[str]
    scale_words: dict[str, int]
    standing: frozenset[str]
    measures: dict[str, str]


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    data = read_toml(LABEL_FACTS)
    rules = data["grammar"]

    def pattern(key: str, text: str) -> re.Pattern[str]:
        return compile_pattern(text, f"{where(LABEL_FACTS, key)} ({key})")

    kinds = tuple((kind, pattern(kind, text)) for kind, text in data["kinds"].items())
    measures = dict(rules["measures"])
    unknown = [kind for kind in measures if kind not in data["kinds"] and kind != rules["bare_kind"]]
    if unknown or any(kind not in measures for kind, _ in kinds):
        raise MapsError(f"{where(LABEL_FACTS, 'measures')}: [grammar] measures must name each kind once")
    return _Grammar(kinds, pattern("bare_shares", rules["bare_shares"]), rules["bare_kind"],
                    pattern("zero", rules["zero"]), frozenset(rules["filler"]),
                    {word.lower(): int(power) for word, power in rules["scale_words"].items()},
                    frozenset(rules["standing"]), measures)


@lru_cache(maxsize=8192)
def read_label_quantities(label: str) -> LabelReading:
    """The quantities a label prints, clause by clause; a clause this grammar cannot read wholly gives none."""
    found: list[LabelQuantity] = []
    name_parts: list[str] = []
    previous_read = False       # whether the clause just before gave the last quantity found
    named_kind: str | None = None   # the kind the clause just before named without printing a figure
    text = _YEAR_FIRST.sub(_value_then_year, _SERIAL_COMMA.sub(r"\1 and ", full_date().sub(_iso_date_mark, label)))
    for position, (clause, in_parentheses) in enumerate(_clauses(_commas_in_kinds_marked(text))):
        clause = clause.replace(_COMMA_MARK, ",")
        if position == 0:
            name = _line_name(clause)
            name_parts.append(name)
            clause = clause[len(name):]
        read = [_read_group(group) for group in _kind_groups(clause)]
        if not read and not _names_quantity(clause) and not _all_filler(clause):
            name_parts.append(clause)
        if in_parentheses and named_kind and len(read) == 1 and read[0] is not None and _unnamed(read[0][0], named_kind):
            # 'less allowances (1999-$1,234; 1998-$1,100)', 'authorized (1,000,000 shares)': the figures of the
            # kind the clause before named
            read = [(named_kind, *read[0][1:])]
        named_kind = None if read else _kind_named_alone(clause)
        read_now = False
        for reading in read:
            if reading is None:
                continue
            kind, values, power = reading
            if _DATING.match(clause) and found and (previous_read or kind is not None):
                # ', at June 30, 2007 and 2006' dates the figures of the clause before it, if it prints no figure;
                # 'in 1996 and 4,300 shares' leaves unclear which figures its dates are for
                redated = _redated(found[-1], values) if kind is None else None
                found[-1:] = [redated] if redated else []
                continue
            dated_list = bool(found) and previous_read and all(v.when for v in found[-1].values)
            if kind is None or (kind == grammar().bare_kind and (in_parentheses or dated_list) and found
                                and grammar().measures[found[-1].kind] == "shares"):
                # '($64 at December 31, 1996)' after 'net of allowance ... of $71' dates more of the same quantity,
                # as '(41,730 shares at December 31, 1996)' after '... shares issued and outstanding' does, and
                # '2,334,567,890 shares in 1996' after 'Issued: 2,345,678,901 shares in 1997;'
                if (in_parentheses or dated_list) and previous_read and found and values and all(v.when for v in values):
                    last = found[-1]
                    found[-1] = LabelQuantity(last.kind, last.values + values, last.power if power is None else power)
                continue
            found.append(LabelQuantity(kind, values, power))
            read_now = True
        previous_read = read_now
    found = _without_disagreeing_kinds(found)
    name = " ".join(" ".join(name_parts).replace("(", " ").replace(")", " ").split()).strip(" ,-\u2014\u2013:")
    return LabelReading(name if found else label, tuple(found))


# '61,250, and 64,900 shares issued', '9,894,380, 9,918,707 and 10,121,148 shares': a list of figures, not clauses
_SERIAL_COMMA = re.compile(r"(\d),\s+(?:and\s+(?=[\d$])|(?=(?:\d{1,3}(?:,\d{3})+|\d+),?\s+and\s+[\d$]))")
# 'allowance of 1999 - $52; 1998 - $48', 'net of amortization 1999; $120 and 1998; none': each value printed after
# its year, read as the 'X in 1999' the clauses know (the punctuation between year and value is no clause end)
_FIGURE_OR_ZERO = r"\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?![\d,])|\bnone\b|\bnil\b"
_YEAR_THEN = r"\b(?:19|20)\d\d\s*[;:\u2014\u2013-]+\s*"
_YEAR_THEN_VALUE = re.compile(rf"\b(?P<year>(?:19|20)\d\d)\s*[;:\u2014\u2013-]+\s*(?P<value>{_FIGURE_OR_ZERO})", re.I)
_YEAR_FIRST = re.compile(rf"{_YEAR_THEN}(?:{_FIGURE_OR_ZERO})"
                         rf"(?:\s*(?:[;,]\s*(?:and\s+)?|and\s+){_YEAR_THEN}(?:{_FIGURE_OR_ZERO}))*", re.I)


def _value_then_year(match: re.Match) -> str:
    """'1999 - $52; 1998 - $48' as '$52 in 1999 and $48 in 1998': one list of dated values."""
    pairs = [f"{pair.group('value')} in {pair.group('year')}" for pair in _YEAR_THEN_VALUE.finditer(match.group(0))]
    return " and ".join(pairs)
_DATING = re.compile(r"^\s*(?:at|in|as of)\b", re.I)


def _redated(quantity: LabelQuantity, dating: tuple[PrintedValue, ...]) -> LabelQuantity | None:
    """The quantity with the dates a clause after it prints ('at June 30, 2007 and 2006', read as one dateless
    value); None where they do not pair with its values, it was dated already or the clause prints figures."""
    if len(dating) != 1 or dating[0].text or any(v.when for v in quantity.values):
        return None
    when = list(dating[0].when)
    values = _dated(list(quantity.values), when)
    return LabelQuantity(quantity.kind, values, quantity.power) if values else None


def _iso_date_mark(match: re.Match) -> str:
    try:
        printed = date(int(match.group("year")), month_number(match.group("month")) or 0, int(match.group("day")))
    except ValueError:
        return match.group(0)
    return f"{_DATE_MARK}{printed.isoformat()}{_DATE_MARK}"


_COMMA_MARK = "\u00b7"


def _commas_in_kinds_marked(text: str) -> str:
    """The commas inside a kind's words ('authorized, issued and outstanding') marked, so no clause ends there."""
    for _, pattern in grammar().kinds:
        text = pattern.sub(lambda m: m.group(0).replace(",", _COMMA_MARK), text)
    return text


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The label's clauses, each with whether it stands inside parentheses."""
    clauses, depth, start = [], 0, 0
    for match in _CLAUSE_END.finditer(text):
        clauses.append((text[start:match.start()], depth > 0))
        depth = max(0, depth + {"(": 1, "[": 1, ")": -1, "]": -1}.get(match.group(0), 0))
        start = match.end()
    clauses.append((text[start:], depth > 0))
    return [(clause, inside) for clause, inside in clauses if clause.strip()]


def _line_name(first_clause: str) -> str:
    """The words the label starts with before its first quantity: 'Common stock and paid-in capital-- shares
    authorized 9,000' is named 'Common stock and paid-in capital'."""
    words = grammar()
    starts = [m.start() for _, pattern in words.kinds if (m := pattern.search(first_clause))]
    starts += [m.start() for m in re.finditer(rf"[\d$]|{_DATE_MARK}", first_clause)]
    for pattern in (words.bare_shares, words.zero):
        starts += [m.start() for m in pattern.finditer(first_clause)]
    return first_clause[:min(starts)] if starts else first_clause


_KIND_BEFORE_COLON = re.compile(rf"{_KIND_MARK}\d+{_KIND_MARK}\s*$")
_GROUP_BREAK = re.compile(r"\band\b|[\u2014\u2013]|--")


def _kind_groups(clause: str) -> list[str]:
    """A clause cut where a second kind begins: '25,000,000 shares authorized and none issued', 'par value
    $2.50--900,000,000 shares authorized'; the words of each kind are replaced by its mark ('issued and
    outstanding' is one kind, never cut). A clause printing no figure and no zero word is no group."""
    words = grammar()
    for index, (_, pattern) in enumerate(words.kinds):
        clause = pattern.sub(f" {_KIND_MARK}{index}{_KIND_MARK} ", clause)
    clause = words.zero.sub(f" {_ZERO_MARK} ", clause)
    groups, start = [], 0
    for colon in re.finditer(":", clause):
        before = clause[start:colon.start()]
        heading = _KIND_BEFORE_COLON.search(before)
        if heading and (_KIND_MARK in before[:heading.start()] or not _has_figure(before[:heading.start()])):
            # 'Authorized: 4,800,000,000 shares Issued: 2,345,678,901 shares': a kind printed just before a colon,
            # after no figure of its own, names the figures after it
            if _has_figure(before[:heading.start()]):
                groups.append(before[:heading.start()])
            start += heading.start()
        elif _KIND_MARK in before and _has_figure(before):
            # '$0.01 par value: 400,000 and 600,000 shares authorized': a kind with its figure ends at the colon
            groups.append(before)
            start = colon.end()
    clause, start = clause[start:], 0
    for cut in _GROUP_BREAK.finditer(clause):
        ahead = _GROUP_BREAK.search(clause, cut.end())
        segment = clause[cut.end():ahead.start() if ahead else len(clause)]
        if _KIND_MARK in clause[start:cut.start()] and _KIND_MARK in segment:
            groups.append(clause[start:cut.start()])
            start = cut.end()
    groups.append(clause[start:])
    no_par = next(index for index, (kind, _) in enumerate(words.kinds) if kind == NO_PAR)
    return [group for group in groups if _has_figure(group) or f"{_KIND_MARK}{no_par}{_KIND_MARK}" in group]


def _has_figure(text: str) -> bool:
    """Whether the text prints a figure, a year or a word for zero (its kinds replaced by their marks)."""
    return bool(re.search(rf"(?<!{_KIND_MARK})\d|{_ZERO_MARK}", re.sub(rf"{_KIND_MARK}\d+{_KIND_MARK}", "", text)))


def _read_group(group: str) -> tuple[str | None, tuple[PrintedValue, ...], int | None] | None:
    """(kind, values, power) of one group of a clause, or None where it holds a word the grammar lacks."""
    words = grammar()
    kinds: list[str] = []
    values: list[PrintedValue] = []
    when: list[date | int] = []
    powers: set[int] = set()
    after_month = False
    before_kind = 0             # how many figures stand before the kind's words
    for token in _TOKEN.finditer(group):
        kind = token.lastgroup
        if kind == "odd" or (after_month and kind == "number"):
            return None           # 'December 31' without its year dates nothing
        if kind != "space":
            after_month = kind == "word" and _is_month(token.group(0).lower())
        if kind == "kind_index":
            kinds.append(words.kinds[int(token.group("kind_index"))][0])
            before_kind = len(values)
        elif kind == "date":
            when.append(date.fromisoformat(token.group("date")))
        elif kind == "zero":
            values.append(PrintedValue(Decimal(0), 0, ""))
        elif kind in ("money", "number"):
            printed = token.group(0)
            if kind == "number" and _YEAR.match(printed):
                when.append(int(printed))
            elif any(ch.isdigit() for ch in printed):
                values.append(_printed_value(printed))
        elif kind == "word" and not _known_word(token.group(0).lower(), powers):
            return None
    if len(set(kinds)) > 1 or len(powers) > 1 or 0 < before_kind < len(values):
        return None           # '$0.01 par value 400,000': which figure is the kind's the words do not say
    if not kinds and not values and when:
        # dates alone ('at June 30, 2007 and 2006'): one value that is no figure, for the clause before
        return None, (PrintedValue(Decimal(0), 0, "", tuple(when)),), None
    kind = kinds[0] if kinds else (words.bare_kind if values and words.bare_shares.search(group) else None)
    if kind == NO_PAR and not values:
        values.append(PrintedValue(Decimal(0), 0, ""))
    if not values or not _consistent(kind, values):
        return None
    dated = _dated(values, when)
    return (kind, dated, next(iter(powers), None)) if dated is not None else None


def _without_disagreeing_kinds(found: list[LabelQuantity]) -> list[LabelQuantity]:
    """A kind printed twice with other figures for the same dates ('$0.001 par value ... and par value of $3',
    an aggregate) is read in neither place: which is the per-share figure the words do not say."""
    figures: dict[tuple[str, tuple], set[tuple[Decimal, ...]]] = {}
    for quantity in found:
        by_date: dict[tuple, tuple[Decimal, ...]] = {}
        for value in quantity.values:
            by_date[value.when] = by_date.get(value.when, ()) + (value.value,)
        for when, values in by_date.items():
            figures.setdefault((quantity.kind, when), set()).add(values)
    disagreeing = {kind for (kind, _), printed in figures.items() if len(printed) > 1}
    return [quantity for quantity in found if quantity.kind not in disagreeing]


def _unnamed(kind: str | None, named_before: str) -> bool:
    """Whether figures read as of this kind may be of the kind named just before: none named, or bare shares
    after a kind of share count."""
    words = grammar()
    return kind is None or (kind == words.bare_kind and words.measures[named_before] == "shares")


def _kind_named_alone(clause: str) -> str | None:
    """The one kind a clause names with only filler words beside it ('less allowances'), or None."""
    if re.search(r"\d", clause):
        return None
    named, rest = [], clause
    for kind, pattern in grammar().kinds:     # in order: 'issued and outstanding' before 'issued'
        if pattern.search(rest):
            named.append(kind)
            rest = pattern.sub(" ", rest)
    return named[0] if len(named) == 1 and _all_filler(rest) else None


def _names_quantity(text: str) -> bool:
    words = grammar()
    return bool(re.search(r"\d", text) or words.bare_shares.search(text)
                or any(pattern.search(text) for _, pattern in words.kinds))


def _all_filler(text: str) -> bool:
    return all(word.lower() in grammar().filler for word in re.findall(r"[A-Za-z]+", text))


def _known_word(word: str, powers: set[int]) -> bool:
    words = grammar()
    if word in words.scale_words:
        powers.add(words.scale_words[word])
        return True
    return word in words.filler or _is_month(word)


def _is_month(word: str) -> bool:
    """'June', 'Sept', 'Dec' (not 'market', which starts like March)."""
    return len(word) >= 3 and any(name.startswith(word) for name in vocabulary().months + ("sept",))


def _printed_value(printed: str) -> PrintedValue:
    digits = printed.lstrip("$").strip().replace(",", "")
    places = len(digits.partition(".")[2])
    return PrintedValue(Decimal(digits), places, printed.lstrip("$").strip(), printed.startswith("$"))


def _consistent(kind: str | None, values: list[PrintedValue]) -> bool:
    """A share count is never printed with a dollar sign."""
    return kind is None or grammar().measures.get(kind) != "shares" or not any(v.dollars for v in values)


def _dated(values: list[PrintedValue], when: list[date | int]) -> tuple[PrintedValue, ...] | None:
    """Values with the dates printed for them: as many dates as values pair in order; one value printed for
    several dates holds at each ('210,400 shares in 2001 and 2000'); no dates leave the order to the columns."""
    if not when:
        return tuple(values)
    if len(when) == len(values):
        return tuple(replace(v, when=(w,)) for v, w in zip(values, when))
    if len(values) == 1:
        return (replace(values[0], when=tuple(when)),)
    return None
