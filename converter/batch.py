"""Many filings at once: `legacy-xbrl batch INPUT... -o OUTDIR`.

Each filing is converted by `pipeline.convert` into OUTDIR/<name>/ (written atomically, as always), in worker
processes that live for the whole batch (Arelle is not thread-safe, and a warm worker pays Python's and Arelle's
start-up once). A filing that runs past the per-filing timeout has its worker killed and replaced; one that
crashes its worker is recorded as crashed; neither stops the others. Every outcome is appended to
OUTDIR/summary.jsonl the moment it is known, so an interrupted batch loses nothing finished, and `--resume`
skips what summary.jsonl records as done. OUTDIR/facts.csv gathers every finished folder's facts as it goes
(converter.batch_facts). With a Dask scheduler address the same per-filing work runs on a Dask distributed cluster
instead.
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import resource
import shutil
import signal
import sqlite3
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from converter.batch_facts import PARQUET, TABLE, CombinedTable, has_current_table, write_parquet
from converter.batch_restatements import RESTATEMENTS, count_restatements, write_restatements
from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert, write_failure

SUMMARY = "summary.jsonl"
DONE = ("ok", "invalid", "failed")          # outcomes --resume does not try again (failed: unless --retry-failed)
WRITTEN = ("ok", "invalid")                 # outcomes with an output folder (and rows in the facts table)
FAILURES = ("failed", "timeout", "crashed")
MAX_LIST_LINES = 100_000
# What a folder holds that is a filing: the extensions EDGAR served submissions and their documents under. Other
# files in a folder (INDEX.tsv, README.md, XBRL .xml) are reported as skipped; a file named outright is tried.
FILING_SUFFIXES = (".txt", ".htm", ".html", ".nc", ".sgml")


@dataclass(frozen=True)
class Task:
    source: str
    name: str                      # the output folder's name in OUTDIR
    outdir: str
    options: ConvertOptions


@dataclass
class Outcome:
    input: str
    output: str
    status: str                    # ok | invalid | failed | timeout | crashed
    facts: int = 0
    valid: bool | None = None
    seconds: float = 0.0
    error: str | None = None
    peak_memory_mb: float | None = None
    verdicts: dict[str, int] = field(default_factory=dict)     # statements by verdict (report.json's verdicts)
    withheld: int = 0                                          # facts the checks withheld


@dataclass
class BatchOptions:
    convert: ConvertOptions = field(default_factory=ConvertOptions)
    jobs: int = 0                  # 0: one worker per core
    resume: bool = False
    retry_failed: bool = False     # with resume: convert again what summary.jsonl records as failed
    timeout: float = 600.0         # seconds for one filing
    dask_scheduler: str | None = None


# --- inputs and names -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    missing: bool = False          # a listed path that is not there: the batch could not do all it was asked

    def line(self) -> str:
        return f"{'not found' if self.missing else 'skipped'}: {self.path}: {self.reason}"


@dataclass
class Inputs:
    filings: list[Path]
    skipped: list[Skipped]


def collect_inputs(arguments: list[Path]) -> list[Path]:
    return gather_inputs(arguments).filings


def gather_inputs(arguments: list[Path]) -> Inputs:
    """Files as given, folders searched recursively for files with a filing's extension (FILING_SUFFIXES), and
    text files that list one path per line; what is not taken is reported with the reason."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for argument in arguments:
        if argument.is_dir():
            _walk(argument, found, skipped)
        elif _is_path_list(argument):
            _read_listing(argument, found, skipped)
        else:
            found.append(argument)
    unique = dict.fromkeys(p.resolve() if p.exists() else p for p in found)
    return Inputs(list(unique), skipped)


def _walk(folder: Path, found: list[Path], skipped: list[Skipped]) -> None:
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() in FILING_SUFFIXES:
            found.append(path)
        else:
            skipped.append(Skipped(str(path), f"not a filing: {path.suffix or 'no extension'} is not one of "
                                              f"{', '.join(FILING_SUFFIXES)}"))


def _is_path_list(path: Path) -> bool:
    """A listing, not a filing: every non-blank line of it names an existing file or folder, or reads as a path
    (one name with a filing's extension or a '/', no runs of spaces as a statement's columns have)."""
    try:
        if not path.is_file() or path.stat().st_size > 50 * 2**20:
            return False
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="strict").splitlines()
                 if line.strip()][:MAX_LIST_LINES]
    except (OSError, UnicodeDecodeError):
        return False
    return bool(lines) and not lines[0].startswith("<") and all(_names_a_path(path, line) for line in lines)


def _names_a_path(listing: Path, line: str) -> bool:
    if _listed(listing, line).exists():
        return True
    return ("\t" not in line and "  " not in line
            and (line.lower().endswith(FILING_SUFFIXES) or "/" in line.rstrip("/")))


def _listed(listing: Path, line: str) -> Path:
    candidate = Path(line)
    return candidate if candidate.is_absolute() else listing.parent / candidate


def _read_listing(listing: Path, found: list[Path], skipped: list[Skipped]) -> None:
    for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        path = _listed(listing, line.strip())
        if path.is_dir():
            _walk(path, found, skipped)
        elif path.exists():
            found.append(path)
        else:
            skipped.append(Skipped(str(path), f"listed in {listing}:{number}", missing=True))


def output_names(inputs: list[Path]) -> dict[Path, str]:
    """A folder name per input: its file name's stem, with as many parent folder names before it as it takes to
    tell it from the other inputs ('ba-2003_filing' and 'ge-1994_filing')."""
    def candidate(path: Path, depth: int) -> str:
        parts = [*path.parent.parts[-depth:], path.stem] if depth else [path.stem]
        return "_".join(_safe(part) for part in parts if part not in ("/", ""))
    names: dict[Path, str] = {}
    for depth in range(0, 64):
        pending = [p for p in inputs if p not in names]
        if not pending:
            break
        counts: dict[str, int] = {}
        for path in inputs:
            counts[candidate(path, depth)] = counts.get(candidate(path, depth), 0) + 1
        for path in pending:
            if counts[candidate(path, depth)] == 1 or depth >= len(path.parent.parts):
                names[path] = candidate(path, depth)
    taken: dict[str, int] = {}
    for path in inputs:                      # identical paths down to the root: number them
        base = names[path]
        taken[base] = taken.get(base, 0) + 1
        if taken[base] > 1:
            names[path] = f"{base}-{taken[base]}"
    return names


def _safe(part: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in part).strip(".")
    return cleaned or "filing"


# --- the summary file -----------------------------------------------------------------------------------------

def read_summary(outdir: Path) -> dict[str, Outcome]:
    """The last complete record of each input; a line cut short by an interruption is ignored."""
    records: dict[str, Outcome] = {}
    path = outdir / SUMMARY
    if not path.exists():
        return records
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = Outcome(**json.loads(line))
        except (ValueError, TypeError):
            continue
        records[record.input] = record
    return records


def _rewrite_summary(outdir: Path, records: Iterable[Outcome]) -> None:
    temporary = outdir / f".{SUMMARY}.tmp"
    temporary.write_text("".join(json.dumps(asdict(r)) + "\n" for r in records), encoding="utf-8")
    os.replace(temporary, outdir / SUMMARY)


class SummaryWriter:
    def __init__(self, outdir: Path):
        self.handle = open(outdir / SUMMARY, "a", encoding="utf-8")

    def write(self, outcome: Outcome) -> None:
        self.handle.write(json.dumps(asdict(outcome)) + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        self.handle.close()


# --- one filing -----------------------------------------------------------------------------------------------

def convert_task(task: Task) -> Outcome:
    """The per-filing work, the same in a local worker and on a Dask worker."""
    started = time.monotonic()
    outcome = Outcome(task.source, task.name, "failed")
    try:
        result = convert(Path(task.source), Path(task.outdir) / task.name, task.options)
        outcome.facts = result.report["facts"]
        outcome.verdicts = result.report["verdicts"]
        outcome.withheld = len(result.report["withheld"])
        outcome.valid = result.report["validation"]["valid"] if result.validation.ran else None
        outcome.status = "invalid" if result.exit_code else "ok"
        if result.exit_code:
            outcome.error = "; ".join(result.validation.errors[:3])
    except ConversionError as error:
        outcome.error = str(error)
    except Exception as error:  # one filing's surprise must not end the batch
        outcome.error = f"internal error: {type(error).__name__}: {error}"
    outcome.seconds = round(time.monotonic() - started, 3)
    outcome.peak_memory_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return outcome


# --- local workers --------------------------------------------------------------------------------------------

def _worker_main(connection: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C reaches the whole group: the parent stops workers
    warm = False
    while True:
        task = connection.recv()
        if task is None:
            return
        connection.send(convert_task(task))
        if not warm:
            _freeze_long_lived_heap()
            warm = True


def _freeze_long_lived_heap() -> None:
    """After its first filing, what a worker holds lives as long as the worker: Python's and Arelle's modules,
    the warm Arelle controller, the taxonomy knowledge. Moved out of reach of the garbage collector, it is no
    longer walked by the full collections that each validation's hundreds of thousands of new objects trigger
    (measured: a sixth to a quarter of a validation's time)."""
    gc.collect()
    gc.freeze()


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child,), daemon=True)
        with _sigint_ignored():        # inherited by the new interpreter, so Ctrl-C during its start-up is quiet
            self.process.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0

    def give(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self.connection.send(task)

    def stop(self, kill: bool = False) -> None:
        if kill or not self.process.is_alive():
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=10)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_local(tasks: list[Task], jobs: int, timeout: float, record: Callable[[Outcome], None]) -> None:
    context = multiprocessing.get_context("spawn")     # no forking of the parent's threads (the progress bar)
    queue = deque(tasks)
    workers = [_Worker(context) for _ in range(min(jobs, len(tasks)))]
    finished = False
    try:
        while queue or any(w.task for w in workers):
            for worker in workers:
                if worker.task is None and queue:
                    worker.give(queue.popleft())
            busy = [w for w in workers if w.task is not None]
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=0.5)
            for index, worker in enumerate(workers):
                if worker.task is not None:
                    workers[index] = _collect(worker, ready, timeout, record, context)
        finished = True
    finally:
        for worker in workers:
            worker.stop(kill=not finished)


def _collect(worker: _Worker, ready: list, timeout: float, record: Callable[[Outcome], None],
             context: multiprocessing.context.BaseContext) -> _Worker:
    """The worker's result if it has one; a worker past its time, or dead, is replaced and its filing recorded."""
    task = worker.task
    assert task is not None
    if worker.connection in ready:
        try:
            outcome = worker.connection.recv()
            worker.task = None
            record(outcome)
            return worker
        except (EOFError, OSError):
            pass
    elapsed = time.monotonic() - worker.started
    if worker.process.is_alive() and elapsed <= timeout:
        return worker
    status, reason = (("timeout", f"no result after {timeout:g} s") if worker.process.is_alive()
                      else ("crashed", f"the worker ended (exit code {worker.process.exitcode})"))
    worker.stop(kill=True)
    for partial in Path(task.outdir).glob(f".{task.name}.partial-*"):
        shutil.rmtree(partial, ignore_errors=True)
    record(Outcome(task.source, task.name, status, seconds=round(elapsed, 3), error=f"{task.source}: {reason}"))
    return _Worker(context)


# --- a Dask cluster -------------------------------------------------------------------------------------------

def run_dask(tasks: list[Task], scheduler: str, record: Callable[[Outcome], None]) -> None:
    """The same per-filing work as Dask tasks, recorded as they finish. A task whose worker dies is recorded as
    crashed. Dask cannot stop a running task, so the per-filing timeout is not applied here: bound it with the
    workers' own limits (`--lifetime`, memory limits) on the cluster."""
    from dask.distributed import Client, as_completed

    with Client(scheduler, timeout=60) as client:
        futures = {client.submit(convert_task, task, pure=False, key=f"legacy-xbrl-{task.name}"): task
                   for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            try:
                record(future.result())
            except Exception as error:
                record(Outcome(task.source, task.name, "crashed",
                               error=f"{task.source}: {type(error).__name__}: {error}"))


# --- the batch ------------------------------------------------------------------------------------------------

@dataclass
class BatchResult:
    outcomes: list[Outcome]        # converted in this run
    earlier: list[Outcome]         # recorded as done by an earlier run and kept (--resume)
    seconds: float
    interrupted: bool = False      # Ctrl-C: the filings in flight were stopped and their staging folders removed
    fact_rows: int = 0             # rows of OUTDIR/facts.csv: the facts of every recorded folder
    parquet: Path | None = None    # OUTDIR/facts.parquet, where pyarrow is installed
    restatements: int = 0          # rows of OUTDIR/restatements.csv: a company's figure two filings state otherwise

    @property
    def skipped(self) -> int:
        return len(self.earlier)

    @property
    def whole(self) -> list[Outcome]:
        """Every filing of the batch, this run's and the earlier runs' kept ones: what the exit code says."""
        return self.earlier + self.outcomes

    def count(self, status: str) -> int:
        return sum(1 for o in self.whole if o.status == status)


def plan(inputs: list[Path], outdir: Path, options: BatchOptions) -> tuple[list[Task], list[Outcome]]:
    """The tasks still to run and the earlier outcomes kept: with --resume, inputs summary.jsonl records as done
    are skipped (keeping the names they were written under; failed ones too unless --retry-failed), and the
    summary is compacted to those records. A folder without this version's facts.csv is converted again, so that
    the batch's facts table leaves none of its facts out."""
    outdir.mkdir(parents=True, exist_ok=True)
    remove_partials(outdir)
    names = output_names(inputs)
    done: dict[str, Outcome] = {}
    if options.resume or options.retry_failed:
        kept = ("ok", "invalid") if options.retry_failed else DONE
        done = {source: outcome for source, outcome in read_summary(outdir).items()
                if outcome.status in kept
                and (outcome.status == "failed" or has_current_table(outdir / outcome.output))}
    earlier = [done[str(p)] for p in inputs if str(p) in done]
    _rewrite_summary(outdir, earlier)
    taken = {outcome.output for outcome in done.values()}
    tasks = [Task(str(p), _free_name(names[p], taken), str(outdir), options.convert)
             for p in inputs if str(p) not in done]
    return tasks, earlier


def remove_partials(outdir: Path) -> None:
    """Staging folders of conversions that never finished (a kill, a Ctrl-C): never part of the output."""
    for stale in outdir.glob(".*.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _remove_unrecorded(outdir: Path, tasks: list[Task], recorded: Iterable[Outcome]) -> None:
    """Ctrl-C may land between a worker swapping a folder in and its outcome reaching summary.jsonl: such a folder
    belongs to no recorded filing (--resume converts it again), so it goes, as a staging folder does."""
    kept = {outcome.output for outcome in recorded}
    for task in tasks:
        if task.name not in kept:
            shutil.rmtree(outdir / task.name, ignore_errors=True)


def _free_name(name: str, taken: set[str]) -> str:
    chosen, number = name, 1
    while chosen in taken or chosen in (SUMMARY, TABLE, PARQUET):     # OUTDIR's own files
        number += 1
        chosen = f"{name}-{number}"
    taken.add(chosen)
    return chosen


def _folders(outdir: Path, outcomes: Iterable[Outcome]) -> list[Path]:
    return [outdir / outcome.output for outcome in outcomes if outcome.status in WRITTEN]


def run_batch(inputs: list[Path], outdir: Path, options: BatchOptions,
              on_outcome: Callable[[Outcome], None] = lambda outcome: None,
              on_plan: Callable[[int, int], None] = lambda todo, skipped: None) -> BatchResult:
    started = time.monotonic()
    tasks, earlier = plan(inputs, outdir, options)
    (outdir / PARQUET).unlink(missing_ok=True)      # stale until this run ends and writes it again
    if tasks:
        (outdir / RESTATEMENTS).unlink(missing_ok=True)     # so is the list, once a filing is to be added
    table = CombinedTable(outdir)
    rows = table.rebuild(_folders(outdir, earlier))     # the kept filings' rows, nothing of a filing cut off
    on_plan(len(tasks), len(earlier))
    outcomes: list[Outcome] = []
    summary = SummaryWriter(outdir)
    interrupted = False

    def record(outcome: Outcome) -> None:
        nonlocal rows
        if outcome.status in WRITTEN:
            try:
                rows += table.append(outdir / outcome.output)   # before the summary line: its rows are in
            except (OSError, ValueError) as error:       # its folder's table is missing or foreign: the filing
                outcome.status = "failed"                # fails, the others go on, the table holds no part of it
                outcome.error = f"{outdir / outcome.output / TABLE}: not added to the batch's facts table: {error}"
                rows = table.rebuild(_folders(outdir, earlier + outcomes))
        summary.write(outcome)
        outcomes.append(outcome)
        on_outcome(outcome)
    try:
        if options.dask_scheduler:
            run_dask(tasks, options.dask_scheduler, record)
        elif tasks:
            run_local(tasks, options.jobs or os.cpu_count() or 1, options.timeout, record)
    except KeyboardInterrupt:      # run_local has stopped its workers on the way out
        interrupted = True
    finally:
        summary.close()
        table.close()
    if interrupted:
        remove_partials(outdir)
        # Ctrl-C may land between a line written and its outcome noted: summary.jsonl, which --resume goes by, counts
        recorded = read_summary(outdir)
        _remove_unrecorded(outdir, tasks, recorded.values())
        outcomes = [o for source, o in recorded.items() if source not in {e.input for e in earlier}]
        rows = table.rebuild(_folders(outdir, recorded.values()))  # and between a filing's rows and its line
    parquet = _parquet(outdir)
    restated = _restatements(outdir) if not interrupted else 0
    return BatchResult(outcomes, earlier, round(time.monotonic() - started, 3), interrupted, rows, parquet, restated)


def _parquet(outdir: Path) -> Path | None:
    try:
        return write_parquet(outdir)
    except OSError as error:       # facts.csv stands whole; the parquet copy is made again by the next run
        raise ConversionError(f"{outdir / PARQUET}: cannot write here: {write_failure(error)}") from None


def _restatements(outdir: Path) -> int:
    """Found again from the whole table (an earlier run's filings included) by a run that converted a filing; a run
    with nothing to do keeps the list an earlier run made."""
    listed = count_restatements(outdir)
    if listed is not None:
        return listed
    try:
        return write_restatements(outdir)
    except OSError as error:       # facts.csv stands whole; the next run lists them again
        raise ConversionError(f"{outdir / RESTATEMENTS}: cannot write here: {write_failure(error)}") from None
    except sqlite3.Error as error:
        raise ConversionError(f"{outdir / RESTATEMENTS}: cannot be made: {error}") from None
