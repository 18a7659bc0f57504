"""A batch's one tidy table of facts: OUTDIR/facts.csv holds every output folder's facts.csv (writers.facts_table)
under one header, appended as filings finish; OUTDIR/facts.parquet, where pyarrow is installed, the same rows with
a decimal value column, written when a run ends.

Consistency after a kill rests on order: a filing's rows are appended (and flushed to disk) before its line goes
to summary.jsonl, and every run starts by rebuilding the table from the folders summary.jsonl keeps. Rows of a
filing killed between the two, or cut off mid-row, belong to no recorded filing and are dropped; a recorded
filing's rows are copied from its folder, which was swapped in whole. So the table never lacks or repeats a row."""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from converter.writers.facts_table import COLUMNS, FILE_NAME, FactRow

TABLE = FILE_NAME                  # OUTDIR/facts.csv, named as each folder's own
PARQUET = "facts.parquet"
_HEADER = ",".join(COLUMNS) + "\n"
_BLOCK_BYTES = 16 * 2**20          # of facts.csv read at a time for the parquet copy (a row group each)


class CombinedTable:
    """OUTDIR/facts.csv, open for appending for the length of a run."""

    def __init__(self, outdir: Path):
        self.path = outdir / TABLE
        self.handle = None

    def rebuild(self, folders: Iterable[Path]) -> int:
        """The table made again from these output folders' own tables, in order (written beside it and swapped
        in, so a kill now leaves the old table or the new one, never half of one). Returns the rows written."""
        self.close()                    # appending goes on in the new file, not in the one replaced
        temporary = self.path.with_name(f".{TABLE}.tmp")
        rows = 0
        with open(temporary, "w", encoding="utf-8", newline="") as target:
            target.write(_HEADER)
            for folder in folders:
                rows += _copy_rows(folder / FILE_NAME, target)
            _sync(target)
        os.replace(temporary, self.path)
        return rows

    def append(self, folder: Path) -> int:
        """A finished folder's rows, on disk before the caller records the filing as done."""
        if self.handle is None:
            self.handle = open(self.path, "a", encoding="utf-8", newline="")
            if self.handle.tell() == 0:
                self.handle.write(_HEADER)
        rows = _copy_rows(folder / FILE_NAME, self.handle)
        _sync(self.handle)
        return rows

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def has_current_table(folder: Path) -> bool:
    """The folder's facts.csv has this version's columns (a folder written before facts.csv existed has none,
    so --resume converts its filing again rather than leave its facts out of the table)."""
    try:
        with open(folder / FILE_NAME, encoding="utf-8", newline="") as handle:
            return handle.readline() == _HEADER
    except OSError:
        return False


def _copy_rows(source: Path, target) -> int:
    """The rows of one folder's table as they are written (a value stays its exact text), counted as CSV rows:
    a quoted value may hold a line break."""
    with open(source, encoding="utf-8", newline="") as handle:     # line breaks inside values kept as written
        body = handle.read()
    header, _, rows = body.partition("\n")
    if header + "\n" != _HEADER:
        raise ValueError(f"{source}: not a facts table of this version (its columns differ)")
    target.write(rows)
    return sum(1 for _ in csv.reader(io.StringIO(rows)))


def _sync(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def iter_facts(folder: Path) -> Iterator[FactRow]:
    """Every row of folder/facts.csv, a batch's OUTDIR or one conversion's, as FactRows (all text; `amount`
    gives the exact Decimal)."""
    with open(Path(folder) / TABLE, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            yield FactRow(**record)


# --- parquet --------------------------------------------------------------------------------------------------

def parquet_available() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def write_parquet(outdir: Path) -> Path | None:
    """OUTDIR/facts.parquet from OUTDIR/facts.csv, where pyarrow is installed (None otherwise): `value` as a
    decimal with the scale the most precise value needs (Arrow's cast from the text is exact and refuses to
    round), `decimals` and `source_line` as integers, the rest text, empty cells null. Read and written in
    blocks, so memory stays flat however large the batch; written beside it and swapped in, so a reader never
    sees half a file."""
    if not parquet_available() or not (outdir / TABLE).exists():
        return None
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(_decimal_type(_value_shape(_text_batches(outdir / TABLE))))
    temporary = outdir / f".{PARQUET}.tmp"
    with pq.ParquetWriter(temporary, schema) as writer:
        for batch in _text_batches(outdir / TABLE):
            writer.write_table(pa.Table.from_batches([batch]).cast(schema))
    os.replace(temporary, outdir / PARQUET)
    return outdir / PARQUET


def parquet_schema(value_type):
    import pyarrow as pa

    typed = {"value": value_type, "decimals": pa.int32(), "source_line": pa.int32()}
    return pa.schema([(column, typed.get(column, pa.string())) for column in COLUMNS])


def _text_batches(path: Path):
    """The table's rows in blocks, every column as text (nothing inferred: '000-30229' stays a file number)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    options = pcsv.ConvertOptions(column_types={column: pa.string() for column in COLUMNS},
                                  strings_can_be_null=True)
    with pcsv.open_csv(path, read_options=pcsv.ReadOptions(block_size=_BLOCK_BYTES),
                       parse_options=pcsv.ParseOptions(newlines_in_values=True), convert_options=options) as reader:
        yield from reader


@dataclass
class _Shape:
    scale: int = 0                 # digits after the point the most precise value has
    whole_digits: int = 1          # digits before it the largest value has


def _value_shape(batches) -> _Shape:
    """Values are plain decimal text ('-4381000', '0.02'), never an exponent (model.lexical)."""
    import pyarrow.compute as pc

    shape = _Shape()
    for batch in batches:
        values = pc.replace_substring(pc.drop_null(batch.column("value")), "-", "")
        if len(values) == 0:
            continue
        length, point = pc.utf8_length(values), pc.find_substring(values, ".")
        has_point = pc.greater_equal(point, 0)
        scale = pc.if_else(has_point, pc.subtract(pc.subtract(length, point), 1), 0)
        whole = pc.if_else(has_point, point, length)
        shape.scale = max(shape.scale, pc.max(scale).as_py())
        shape.whole_digits = max(shape.whole_digits, pc.max(whole).as_py())
    return shape


def _decimal_type(shape: _Shape):
    """decimal128 while 38 digits hold every value at the common scale, decimal256 (76) beyond."""
    import pyarrow as pa

    precision = shape.whole_digits + shape.scale
    if precision <= 38:
        return pa.decimal128(38, shape.scale)
    if precision <= 76:
        return pa.decimal256(76, shape.scale)
    raise ValueError(f"a fact value of {precision} digits does not fit a parquet decimal")
