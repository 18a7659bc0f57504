"""Command line: `legacy-xbrl convert INPUT -o OUTDIR`, `legacy-xbrl batch INPUT... -o OUTDIR` and
`legacy-xbrl inspect INPUT`. Exit codes: 0 valid output, 1 conversion error, 2 usage error, 3 output written but
validation found errors, 130 interrupted (Ctrl-C)."""
from __future__ import annotations

import argparse
from collections import Counter
import sys
import traceback
from pathlib import Path

from rich.console import Console

from converter import __version__
from converter.batch import FAILURES, BatchOptions, gather_inputs
from converter.batch_console import interrupted_message, run_with_progress, verdicts_text
from converter.inspection import inspect_filing
from converter.model import ConversionError, UsageError
from converter.pipeline import (EXIT_CONVERSION_ERROR, EXIT_INVALID, EXIT_USAGE, ConvertOptions, check_options,
                                check_output, convert)
from converter.taxonomy.packages import ENV_VAR
from converter.writers import chosen_formats

# Messages are printed as they are: no markup, no highlighting, and no emoji codes, which would turn a file and line
# such as "statements.toml:100:" into "statements.toml" and a picture.
_err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
_out = Console(highlight=False, soft_wrap=True, emoji=False)
EXIT_INTERRUPTED = 130             # 128 + SIGINT, as shells report a command Ctrl-C stopped
# inspect's tables are as wide as their content when written to a file or pipe: a terminal's 80 columns would cut
# the periods, and nobody reads the file in that terminal
PIPE_WIDTH = 10_000


def _conversion_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", dest="output_format", type=_formats, default="both", metavar="FORMAT[,...]",
                        help="instance (.xml), inline (.xhtml: the filing itself, tagged in place), both (default), "
                             "json (xBRL-JSON), csv (xBRL-CSV), joined by commas ('both,json,csv'); json and csv are "
                             "saved by Arelle from the validated instance, written with them; the extension "
                             "taxonomy, report.json and facts.csv are always written")
    parser.add_argument("--no-validate", dest="validate", action="store_false", help="skip Arelle validation")
    parser.add_argument("--taxonomy-package", action="append", default=[], metavar="PATH",
                        help=f"taxonomy package zip, or a folder of them (repeatable; default: ${ENV_VAR}, "
                             "else ../shared/taxonomies beside the project when present)")
    parser.add_argument("--online", action="store_true",
                        help="let Arelle fetch taxonomy files missing from the packages over the network")
    parser.add_argument("--mapping-overrides", type=Path, metavar="FILE",
                        help="CSV of statement,pattern,concept rules applied before the built-in ones")
    parser.add_argument("--plain-inline", dest="mark_tagged", action="store_false",
                        help="leave tagged figures unmarked in the inline document (a faithful copy of the filing's "
                             "look); by default they have a light tint and a dotted underline")
    parser.add_argument("--keep-unverified", action="store_true",
                        help="write the facts the checks withhold (a printed total or a second printing contradicts "
                             "them) anyway; report.json lists them as withheld with \"written\": true")
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")


def _formats(text: str) -> str:
    try:
        chosen_formats(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="legacy-xbrl", description="Legacy SEC EDGAR filings to XBRL 2.1.")
    parser.add_argument("--version", action="version", version=f"legacy-xbrl {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    convert_cmd = commands.add_parser("convert", help="convert one filing")
    convert_cmd.add_argument("input", type=Path, help="the filing: .txt, .htm or an EDGAR submission")
    convert_cmd.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                             help="folder for the outputs and report.json (replaced whole when it exists)")
    convert_cmd.add_argument("--cik", help="the registrant's CIK (1 to 10 digits), where the filing has no SEC header")
    convert_cmd.add_argument("--viewer", action="store_true",
                             help="also write OUTDIR/<name>_viewer.html: the inline document in Arelle's interactive "
                                  "iXBRL viewer, working offline (its script is copied beside it)")
    _conversion_options(convert_cmd)
    batch_cmd = commands.add_parser("batch", help="convert many filings in parallel")
    batch_cmd.add_argument("inputs", type=Path, nargs="+", metavar="INPUT",
                           help="filings, folders (searched recursively) or text files listing paths")
    batch_cmd.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                           help="one folder per filing is written here, and summary.jsonl")
    batch_cmd.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    batch_cmd.add_argument("--resume", action="store_true", help="skip filings summary.jsonl records as done")
    batch_cmd.add_argument("--retry-failed", action="store_true",
                           help="like --resume, but convert again the filings summary.jsonl records as failed")
    batch_cmd.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                           help="time one filing may take before its worker is stopped (default 600)")
    batch_cmd.add_argument("--dask-scheduler", metavar="ADDRESS",
                           help="run the conversions on a Dask distributed cluster (tcp://host:8786)")
    _conversion_options(batch_cmd)
    inspect_cmd = commands.add_parser("inspect", help="show the documents and statements the tool finds")
    inspect_cmd.add_argument("input", type=Path, help="the filing")
    inspect_cmd.add_argument("--no-rows", dest="rows", action="store_false", help="statement headers only")
    inspect_cmd.add_argument("--debug", action="store_true", help="show a traceback on failure")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "viewer", False) and "inline" not in chosen_formats(args.output_format):
        parser.error("--viewer shows the inline document: use --format inline or both")
    if args.command == "batch" and (args.jobs < 0 or args.timeout <= 0):
        parser.error("--jobs must be 0 or more and --timeout positive")
    label = args.input if hasattr(args, "input") else args.output
    try:
        if args.command == "inspect":
            inspect_filing(args.input, _out if _out.is_terminal else _wide_console(), rows=args.rows)
            return 0
        if args.command == "batch":
            return _batch(args)
        result = convert(args.input, args.output, _convert_options(args))
    except UsageError as error:        # judged before any work: nothing was read or written
        _err.print(f"legacy-xbrl: error: {error}", markup=False)
        return EXIT_USAGE
    except ConversionError as error:
        _err.print(f"legacy-xbrl: error: {error}", markup=False)
        return EXIT_CONVERSION_ERROR
    except KeyboardInterrupt:          # outputs are staged, so there is nothing half-written to explain
        _err.print("legacy-xbrl: interrupted", markup=False)
        return EXIT_INTERRUPTED
    except Exception as error:  # the user gets one line, never a traceback, unless they ask for it
        if args.debug:
            traceback.print_exc()
        _err.print(f"legacy-xbrl: error: {label}: internal error: {type(error).__name__}: {error} "
                   "(rerun with --debug for details)", markup=False)
        return EXIT_CONVERSION_ERROR
    _print_summary(result)
    return result.exit_code


def _wide_console() -> Console:
    return Console(highlight=False, soft_wrap=True, width=PIPE_WIDTH, emoji=False)


def _convert_options(args: argparse.Namespace) -> ConvertOptions:
    return ConvertOptions(cik=getattr(args, "cik", None), validate=args.validate,
                          taxonomy_packages=args.taxonomy_package, online=args.online,
                          mapping_overrides=args.mapping_overrides, output_format=args.output_format,
                          viewer=getattr(args, "viewer", False), mark_tagged=args.mark_tagged,
                          keep_unverified=args.keep_unverified)


def _batch(args: argparse.Namespace) -> int:
    convert_options = _convert_options(args)
    check_options(convert_options)                  # a bad option stops the batch before its first filing
    check_output(args.output, replaced=False)
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        raise ConversionError(f"{missing[0]}: no such file or folder")
    inputs = gather_inputs(args.inputs)
    if not inputs.filings:
        reason = f" ({len(inputs.skipped)} passed over; first: {inputs.skipped[0].line()})" if inputs.skipped else ""
        raise ConversionError(f"{args.inputs[0]}: no filings found{reason}")
    options = BatchOptions(convert=convert_options, jobs=args.jobs, resume=args.resume,
                           retry_failed=args.retry_failed, timeout=args.timeout, dask_scheduler=args.dask_scheduler)
    result = run_with_progress(inputs.filings, args.output, options, _out, inputs.skipped)
    if result.interrupted:
        _err.print(f"legacy-xbrl: {interrupted_message(result, len(inputs.filings), args.output)}", markup=False)
        return EXIT_INTERRUPTED
    not_found = any(entry.missing for entry in inputs.skipped)      # a listed filing not there: not all was done
    if not_found or any(result.count(status) for status in FAILURES):     # the whole batch, earlier runs' part too
        return EXIT_CONVERSION_ERROR
    return EXIT_INVALID if result.count("invalid") else 0


def _facts_summary(report: dict) -> str:
    """'114 facts: 108 from 3 statements (balance_sheet, income_statement x2; 3 verified), 6 from the cover'; the
    statements the form should hold and none was found of; the facts withheld."""
    sources = report["fact_sources"]
    kinds = ", ".join(f"{kind} x{n}" if n > 1 else kind
                      for kind, n in Counter(s["kind"] for s in report["statements"]).items())
    verdicts = verdicts_text(report["verdicts"]) or "none checked"
    parts = [f"{sources['statements']} from {len(report['statements'])} statements ({kinds}; {verdicts})"
             if report["statements"] else "none from statements"]
    parts += [f"{sources[key]} from {name}" for key, name in (("schedules", "the EX-27 schedules"),
                                                             ("cover", "the cover")) if sources[key]]
    summary = f"{report['facts']} facts: {', '.join(parts)}"
    if report["missing_statements"]:
        summary += f"; not found: {', '.join(report['missing_statements'])}"
    if report["withheld"]:
        summary += f"; {len(report['withheld'])} withheld (see report.json)"
    return summary


def _print_summary(result) -> None:
    report = result.report
    for issue in report["issues"]:
        if issue["severity"] != "note":
            _err.print(f"legacy-xbrl: {issue['severity']}: {issue['code']}: {issue['message']}", markup=False)
    for error in report["validation"]["errors"][:20]:
        _err.print(f"legacy-xbrl: validation error: {error}", markup=False)
    _out.print(f"{report['input']}: {_facts_summary(report)}; {len(report['unmapped'])} rows unmapped", markup=False)
    _out.print(f"wrote {result.outdir}/ ({', '.join(report['outputs'].values())}, report.json, facts.csv); "
               f"{report['validation']['summary']}", markup=False)


if __name__ == "__main__":
    sys.exit(main())
