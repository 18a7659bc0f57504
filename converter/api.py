"""A small Python API for pipelines: what the command line does, as functions.

    from converter import api
    result = api.convert("filing.txt", "out/acme")              # one filing: ConvertResult
    run = api.batch(["filings/"], "out/all", jobs=2)             # many: BatchResult, OUTDIR/facts.csv
    for fact in api.facts("out/all"):                            # every fact of the batch, one FactRow each
        print(fact.filing, fact.concept, fact.amount)

Errors are exceptions: ConversionError (one-line reason), UsageError (an option or folder that cannot be used)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from converter.batch import BatchOptions, BatchResult, gather_inputs, run_batch
from converter.batch_facts import PARQUET, TABLE, iter_facts
from converter.model import ConversionError, UsageError
from converter.pipeline import ConvertOptions, ConvertResult, check_options, check_output
from converter.pipeline import convert as _convert
from converter.writers.facts_table import COLUMNS, FactRow

__all__ = ["convert", "batch", "facts", "ConvertOptions", "ConvertResult", "BatchOptions", "BatchResult",
           "FactRow", "COLUMNS", "TABLE", "PARQUET", "ConversionError", "UsageError"]


def convert(path: str | Path, outdir: str | Path, options: ConvertOptions | None = None) -> ConvertResult:
    """One filing into OUTDIR (replaced whole), as `legacy-xbrl convert`; result.exit_code is the CLI's. The
    options are checked by the conversion itself, before any work."""
    return _convert(Path(path), Path(outdir), options or ConvertOptions())


def batch(inputs: Iterable[str | Path], outdir: str | Path, options: ConvertOptions | None = None, *,
          jobs: int = 0, resume: bool = False, timeout: float = 600.0) -> BatchResult:
    """Many filings (files, folders, listings) into OUTDIR/<name>/, as `legacy-xbrl batch`, with the combined
    OUTDIR/facts.csv (and facts.parquet where pyarrow is installed). Nothing is printed."""
    chosen = options or ConvertOptions()
    check_options(chosen)
    target = Path(outdir)
    check_output(target, replaced=False)
    found = gather_inputs([Path(p) for p in inputs])
    if not found.filings:
        raise ConversionError(f"{', '.join(str(p) for p in inputs)}: no filings found")
    return run_batch(found.filings, target, BatchOptions(convert=chosen, jobs=jobs, resume=resume,
                                                         timeout=timeout))


def facts(folder: str | Path) -> Iterator[FactRow]:
    """The facts of a batch's OUTDIR or of one conversion's folder (its facts.csv), row by row: every field text
    as written, `amount` the exact Decimal of a numeric fact."""
    return iter_facts(Path(folder))
