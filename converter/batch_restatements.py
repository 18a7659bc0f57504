"""A company's figure stated in two filings of one batch (this year's comparative column against last year's report)
either agrees or is reported: the later filing restated it, or one of the two was read wrong, and an archive team
should look at both. Found when a run ends, from the batch's facts table (OUTDIR/facts.csv), and listed in
OUTDIR/restatements.csv, one row per pair of filings in the order of their periods.

The facts go through an SQLite file beside the table (stdlib, on disk), so a batch of millions of facts is grouped
without holding them in memory: only the facts of keys printed with two values come back, sorted."""
from __future__ import annotations

import csv
import os
import sqlite3
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from itertools import groupby
from pathlib import Path
from typing import Iterable, Iterator

from converter.batch_facts import TABLE, iter_facts
from converter.text.numbers import agree_at_precision
from converter.writers.facts_table import FactRow

RESTATEMENTS = "restatements.csv"
UNNAMED_ENTITY = "UNKNOWN"        # a filing with neither CIK nor registrant name: no company to compare within
# What makes two rows of the table the same fact of the same company.
KEY = ("entity_scheme", "entity", "concept", "period_start", "period_end", "instant", "dimensions", "unit")
_STORED = (*KEY, "entity_name", "value", "decimals", "filing", "document_period_end")
_BLOCK = 10_000                   # rows inserted at a time


@dataclass(frozen=True)
class Restatement:
    """One figure two filings of a company state differently."""
    entity: str
    entity_name: str
    concept: str
    period_start: str
    period_end: str
    instant: str
    dimensions: str
    unit: str
    earlier_filing: str
    earlier_value: str
    later_filing: str
    later_value: str
    difference: str               # sign | scale | value


COLUMNS = tuple(f.name for f in fields(Restatement))


def write_restatements(outdir: Path) -> int:
    """OUTDIR/restatements.csv from OUTDIR/facts.csv (written beside it and swapped in); returns its rows."""
    if not (outdir / TABLE).exists():
        return 0
    database = outdir / f".{RESTATEMENTS}.sqlite"
    temporary = outdir / f".{RESTATEMENTS}.tmp"
    database.unlink(missing_ok=True)
    rows = 0
    try:
        with sqlite3.connect(database) as connection, open(temporary, "w", encoding="utf-8", newline="") as target:
            _store(connection, iter_facts(outdir))
            writer = csv.writer(target, lineterminator="\n")
            writer.writerow(COLUMNS)
            for restatement in _restatements(_facts_of_two_values(connection)):
                writer.writerow([getattr(restatement, column) for column in COLUMNS])
                rows += 1
        os.replace(temporary, outdir / RESTATEMENTS)
    finally:
        database.unlink(missing_ok=True)
        temporary.unlink(missing_ok=True)
    return rows


def count_restatements(outdir: Path) -> int | None:
    """The rows of the list an earlier run made; None where there is none."""
    try:
        with open(outdir / RESTATEMENTS, newline="", encoding="utf-8") as handle:
            return sum(1 for _ in csv.reader(handle)) - 1
    except OSError:
        return None


def _store(connection: sqlite3.Connection, facts: Iterable[FactRow]) -> None:
    connection.execute(f"CREATE TABLE facts ({', '.join(_STORED)})")
    insert = f"INSERT INTO facts VALUES ({', '.join('?' * len(_STORED))})"
    block = []
    for fact in facts:
        if fact.value and fact.entity != UNNAMED_ENTITY:
            block.append(tuple(getattr(fact, column) for column in _STORED))
            if len(block) == _BLOCK:
                connection.executemany(insert, block)
                block.clear()
    connection.executemany(insert, block)


def _facts_of_two_values(connection: sqlite3.Connection) -> Iterator[dict[str, str]]:
    """The stored facts whose key holds two or more values, by key and then by the filings' periods."""
    key = ", ".join(KEY)
    query = (f"SELECT {', '.join(f'f.{c}' for c in _STORED)} FROM facts f JOIN "
             f"(SELECT {key} FROM facts GROUP BY {key} HAVING COUNT(DISTINCT value) > 1) k USING ({key}) "
             f"ORDER BY {', '.join(f'f.{c}' for c in KEY)}, f.document_period_end, f.filing")
    for record in connection.execute(query):
        yield dict(zip(_STORED, record))


def _restatements(facts: Iterable[dict[str, str]]) -> Iterator[Restatement]:
    """Each filing's figure against the one of the filing before it (by period) that states the same fact."""
    for _, group in groupby(facts, key=lambda fact: tuple(fact[c] for c in KEY)):
        stated = list(group)
        for earlier, later in zip(stated, stated[1:]):
            difference = _difference(earlier, later)
            if difference:
                yield Restatement(
                    entity=later["entity"], entity_name=later["entity_name"], concept=later["concept"],
                    period_start=later["period_start"], period_end=later["period_end"], instant=later["instant"],
                    dimensions=later["dimensions"], unit=later["unit"], earlier_filing=earlier["filing"],
                    earlier_value=earlier["value"], later_filing=later["filing"], later_value=later["value"],
                    difference=difference)


def _difference(earlier: dict[str, str], later: dict[str, str]) -> str | None:
    """None where the two agree to the coarser of their precisions ('150' in millions is '150,123' in thousands);
    else what kind of difference: a turned sign, a power of 1000 (a scale read differently), or another value."""
    try:
        first, second = Decimal(earlier["value"]), Decimal(later["value"])
    except InvalidOperation:
        return None
    if agree_at_precision(first, _places(earlier), second, _places(later)):
        return None
    if first == -second:
        return "sign"
    if first and second and _power_of_thousand(abs(first / second)):
        return "scale"
    return "value"


def _places(fact: dict[str, str]) -> int:
    """The fact's decimals; where it states none (an exact figure), the places its value is written with."""
    if fact["decimals"]:
        return int(fact["decimals"])
    exponent = Decimal(fact["value"]).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _power_of_thousand(ratio: Decimal) -> bool:
    return any(ratio == Decimal(10) ** power for power in (3, 6, 9, -3, -6, -9))
