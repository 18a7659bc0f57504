"""What the data outputs cost and whether they hold (a measurement, not a test):

1. OIM: a few filings converted with validation, `--format instance` beside `--format instance,json,csv`: the
   seconds xBRL-JSON and xBRL-CSV add (saved from the validated instance, each loaded back through Arelle), the
   facts Arelle read back from each, and whether they were the instance's, fact for fact;
2. the batch's facts table: every corpus filing converted by `batch` without validation; rows, sizes, the seconds
   the combined table's rebuild (what each run and --resume start with) and the parquet copy take, rows whose
   statement fact has no label;
3. reading the table back: `api.facts` and, where pyarrow is installed, the parquet file.

Usage: python benchmarks/data_outputs.py [--corpus DIR] [--jobs N] [--oim N]"""
from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from converter import api
from converter.batch import read_summary
from converter.batch_facts import PARQUET, TABLE, CombinedTable, parquet_available, write_parquet
from converter.model import ConversionError
from converter.taxonomy import find_packages
from converter.validate import load_oim_documents

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus_raw"
SEED = ROOT / "examples" / "sonus-8k-2003-04-09.txt"


def corpus_filings(corpus: Path) -> list[Path]:
    with open(corpus / "INDEX.tsv", newline="") as handle:
        return [corpus / row["path"] for row in csv.DictReader(handle, delimiter="\t")]


def timed_convert(source: Path, outdir: Path, output_format: str):
    started = time.perf_counter()
    result = api.convert(source, outdir, api.ConvertOptions(output_format=output_format))
    return result, time.perf_counter() - started


def measure_oim(filings: list[Path], folder: Path, console: Console) -> None:
    table = Table("filing", "facts", "instance s", "with json, csv s", "added s", "json read back", "csv read back",
                  "identical", title="OIM outputs (validated; each OIM file loaded back through Arelle)")
    added = []
    timed_convert(SEED, folder / "warm-up", "instance")     # the taxonomy is read once per process: not counted
    for number, source in enumerate(filings):
        try:
            plain, plain_seconds = timed_convert(source, folder / f"plain{number}", "instance")
            oim, oim_seconds = timed_convert(source, folder / f"oim{number}", "instance,json,csv")
        except ConversionError as error:
            console.print(f"skipped: {error}", markup=False)
            continue
        outputs = oim.report["outputs"]
        documents = load_oim_documents([oim.outdir / outputs["json"], oim.outdir / outputs["csv"]], find_packages())
        identical = all(d.facts == oim.validation.facts for d in documents) and oim.validation.valid
        added.append(oim_seconds - plain_seconds)
        table.add_row(source.name, str(oim.report["facts"]), f"{plain_seconds:.2f}", f"{oim_seconds:.2f}",
                      f"{oim_seconds - plain_seconds:.2f}", str(len(documents[0].facts)),
                      str(len(documents[1].facts)), "yes" if identical else "NO")
    console.print(table)
    if added:
        console.print(f"OIM adds {sum(added) / len(added):.2f} s per filing on average ({len(added)} filings)")


def measure_table(filings: list[Path], outdir: Path, jobs: int, console: Console) -> None:
    started = time.perf_counter()
    run = api.batch(filings, outdir, api.ConvertOptions(validate=False), jobs=jobs)
    batch_seconds = time.perf_counter() - started
    recorded = [o for o in read_summary(outdir).values() if o.status in ("ok", "invalid")]
    started = time.perf_counter()
    rows = CombinedTable(outdir).rebuild(outdir / o.output for o in recorded)
    rebuild_seconds = time.perf_counter() - started
    started = time.perf_counter()
    facts = list(api.facts(outdir))
    read_seconds = time.perf_counter() - started
    unlabelled = sum(1 for fact in facts if fact.statement and not fact.label)
    table = Table("measure", "value", title=f"batch facts table ({len(filings)} corpus files, no validation)")
    table.add_row("filings converted (ok)", str(len(recorded)))
    table.add_row("rows (= facts of the recorded folders)", f"{rows:,} (= {sum(o.facts for o in recorded):,})")
    table.add_row("batch wall time, s", f"{batch_seconds:.1f} ({len(run.outcomes)} filings, {jobs} workers)")
    table.add_row(f"{TABLE} size, MB", f"{(outdir / TABLE).stat().st_size / 2**20:.2f}")
    table.add_row("rebuild from the folders, s", f"{rebuild_seconds:.3f}")
    table.add_row("api.facts over the table, s", f"{read_seconds:.3f}")
    table.add_row("statement facts printed without a label", str(unlabelled))
    if parquet_available():
        import pyarrow.parquet as pq
        started = time.perf_counter()
        write_parquet(outdir)
        table.add_row(f"{PARQUET} written, s", f"{time.perf_counter() - started:.3f}")
        table.add_row(f"{PARQUET} size, MB", f"{(outdir / PARQUET).stat().st_size / 2**20:.2f}")
        started = time.perf_counter()
        parquet = pq.read_table(outdir / PARQUET)
        table.add_row(f"{PARQUET} read, s", f"{time.perf_counter() - started:.3f} ({parquet.num_rows:,} rows, "
                                            f"value {parquet.schema.field('value').type})")
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--oim", type=int, default=3, help="corpus filings for the OIM measurement, with the seed (0: no OIM measurement)")
    args = parser.parse_args()
    console = Console(highlight=False, width=120)
    filings = corpus_filings(args.corpus)
    if args.oim > 0:
        with tempfile.TemporaryDirectory() as folder:
            measure_oim([SEED, *filings[:: max(1, len(filings) // args.oim)][: args.oim]], Path(folder), console)
    with tempfile.TemporaryDirectory() as folder:
        measure_table(filings, Path(folder) / "out", args.jobs, console)


if __name__ == "__main__":
    main()
