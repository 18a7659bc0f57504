"""The batch on the console: a rich progress bar with rate and time left while it runs, a table when done, and
what to do next (retry the failed, resume after an interruption)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table

from converter.batch import SUMMARY, BatchOptions, BatchResult, Outcome, Skipped, run_batch
from converter.batch_facts import TABLE
from converter.batch_restatements import RESTATEMENTS

STATUSES = ("ok", "invalid", "failed", "timeout", "crashed")


def run_with_progress(inputs: list[Path], outdir: Path, options: BatchOptions, console: Console,
                      skipped: Sequence[Skipped] = ()) -> BatchResult:
    for entry in skipped:
        console.print(entry.line(), markup=False, highlight=False)
    progress = Progress(TextColumn("[bold]converting"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), console=console, transient=False)
    bar = progress.add_task("batch", total=len(inputs), rate="")

    def planned(todo: int, done_before: int) -> None:
        progress.update(bar, total=todo)
        if done_before:
            console.print(f"resuming: {done_before} filing(s) already done, {todo} to go", markup=False)

    def finished(outcome: Outcome) -> None:
        progress.advance(bar)
        elapsed = progress.tasks[0].elapsed or 1e-9
        progress.update(bar, rate=f"{progress.tasks[0].completed / elapsed:.2f} filings/s")
        if outcome.status not in ("ok",):
            progress.console.print(f"{outcome.status}: {outcome.error or outcome.input}", markup=False,
                                   highlight=False)
    with progress:
        result = run_batch(inputs, outdir, options, on_outcome=finished, on_plan=planned)
    if not result.interrupted:
        console.print(summary_table(result, outdir, skipped))
        console.print(facts_line(result, outdir), markup=False, highlight=False)
        if result.restatements:
            console.print(restatements_line(result, outdir), markup=False, highlight=False)
        for line in next_steps(result, outdir):
            console.print(line, markup=False, highlight=False)
    return result


def summary_table(result: BatchResult, outdir: Path, skipped: Sequence[Skipped] = ()) -> Table:
    """The whole batch by status: this run's filings and those an earlier run did (kept by --resume)."""
    earlier = f", {result.skipped} done before (kept by --resume)" if result.skipped else ""
    table = Table(title=f"{len(result.whole)} filing(s): {len(result.outcomes)} converted in {result.seconds:.1f} s"
                        f"{earlier}; see {outdir / SUMMARY}")
    table.add_column("status")
    table.add_column("filings", justify="right")
    table.add_column("facts", justify="right")
    table.add_column("seconds per filing", justify="right")
    for status in STATUSES:
        chosen = [o for o in result.whole if o.status == status]
        if chosen:
            table.add_row(status, str(len(chosen)), f"{sum(o.facts for o in chosen):,}",
                          f"{sum(o.seconds for o in chosen) / len(chosen):.2f}")
    for label, missing in (("skipped (not a filing)", False), ("not found", True)):
        count = sum(1 for entry in skipped if entry.missing == missing)
        if count:
            table.add_row(label, str(count), "", "")
    table.caption = verdict_line(result.whole)
    return table


def verdict_line(outcomes: Sequence[Outcome]) -> str:
    """Statements by verdict over the batch, and the facts withheld: which filings need a person first."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        for verdict, count in outcome.verdicts.items():
            counts[verdict] = counts.get(verdict, 0) + count
    return (f"statements: {verdicts_text(counts) or 'none'}; {sum(o.withheld for o in outcomes):,} facts withheld "
            f"(per filing in {SUMMARY})")


def verdicts_text(counts: dict[str, int]) -> str:
    """'3 verified, 1 partly verified': the statements by verdict, as report.json counts them."""
    return ", ".join(f"{count} {verdict}" for verdict, count in counts.items() if count)


def facts_line(result: BatchResult, outdir: Path) -> str:
    """Where the batch's facts are, as one table."""
    parquet = f" and {result.parquet}" if result.parquet else " (and facts.parquet with pyarrow installed)"
    return f"facts: {result.fact_rows:,} rows in {outdir / TABLE}{parquet}, one per fact of every output folder"


def restatements_line(result: BatchResult, outdir: Path) -> str:
    return (f"restatements: {result.restatements:,} figure(s) of a company stated otherwise by two of its filings "
            f"(restated, or one read wrong), listed in {outdir / RESTATEMENTS}")


def next_steps(result: BatchResult, outdir: Path) -> list[str]:
    """How to go on from here, said only when there is something to do."""
    lines = []
    failed = result.count("failed")
    if failed:
        lines.append(f"{failed} filing(s) failed (reasons in {outdir / SUMMARY}); to convert them again, run the "
                     "same command with --retry-failed")
    stopped = result.count("timeout") + result.count("crashed")
    if stopped:
        lines.append(f"{stopped} filing(s) timed out or crashed; to try them again, run the same command with "
                     "--resume")
    return lines


def interrupted_message(result: BatchResult, total: int, outdir: Path) -> str:
    done = len(result.whole)
    return (f"interrupted: {done} of {total} filing(s) done, recorded in {outdir / SUMMARY}; to convert the rest, "
            "run the same command with --resume")
