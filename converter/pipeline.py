"""One filing through every stage: read, find statements, map, write, validate, report.

Outputs are written to a staging folder beside OUTDIR and moved into place only when complete, so OUTDIR never
holds a half-written conversion."""
from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from converter.checks import check_facts
from converter.mapping import map_filing
from converter.mapping.labels import check_override_concepts, load_overrides
from converter.model import ColumnRole, ConversionError, Statement, UsageError
from converter.readers import read_filing
from converter.statements import build_statements
from converter.taxonomy import find_packages, load_taxonomy
from converter.validate import ValidationResult, combine, load_oim_documents, validate_documents
from converter.viewer import SCRIPT_NAME as VIEWER_SCRIPT, write_viewer
from converter.writers import ENTRY_POINTS, TABLES, chosen_formats, output_names, render_output
from converter.writers.oim import OIM_FORMATS, SAVE_PLUGIN, save_oim
from converter.writers.options import WriterOptions
from converter.writers.report import build_report, dumps

EXIT_OK, EXIT_CONVERSION_ERROR, EXIT_USAGE, EXIT_INVALID = 0, 1, 2, 3
REPORT = "report.json"


@dataclass
class ConvertOptions:
    cik: str | None = None
    validate: bool = True
    taxonomy_packages: list[str] = field(default_factory=list)
    online: bool = False
    mapping_overrides: Path | None = None
    taxonomy_year: int = 2024
    output_format: str = "both"      # keys of writers.FORMATS joined by commas ("instance,json,csv")
    viewer: bool = False             # also write the inline document inside Arelle's iXBRL viewer
    mark_tagged: bool = True         # the inline document marks its tagged figures (False: --plain-inline)
    keep_unverified: bool = False    # write the facts the checks withhold (report.json still lists them)


@dataclass
class ConvertResult:
    outdir: Path
    report: dict
    validation: ValidationResult

    @property
    def exit_code(self) -> int:
        return EXIT_INVALID if self.validation.ran and not self.validation.valid else EXIT_OK


def convert(source: Path, outdir: Path, options: ConvertOptions) -> ConvertResult:
    check_options(options)
    staging = _early_staging(outdir)
    try:
        filing = read_filing(source)
        statements = build_statements(filing.tables, filing.form_type)
        if not statements and not filing.schedules:
            raise ConversionError(f"{source}: no financial statement found ({len(filing.tables)} tables read)")
        packages = find_packages(options.taxonomy_packages)
        taxonomy = load_taxonomy(packages, options.taxonomy_year, options.online)
        facts = map_filing(filing, statements, taxonomy, options.cik, options.mapping_overrides)
        if not any(f.concept.startswith("us-gaap:") for f in facts.facts):
            raise ConversionError(f"{source}: {_untagged_reason(statements)}")
        check_facts(facts, len(statements), options.keep_unverified)
        stem = outdir.name
        if staging is None:
            with _writing(outdir):
                outdir.parent.mkdir(parents=True, exist_ok=True)
                staging = _staging_folder(Path(tempfile.mkdtemp(prefix=_STAGING.format(outdir.name),
                                                                dir=outdir.parent)))
        names = output_names(stem, source.name, options.output_format)
        writer = WriterOptions(mark_tagged=options.mark_tagged)
        with _writing(outdir):
            for name, file_name in names.files.items():
                (staging / file_name).write_text(render_output(name, facts, names, writer), encoding="utf-8")
            for file_name, render_table in TABLES.values():
                (staging / file_name).write_text(render_table(facts, statements, stem), encoding="utf-8")
        outputs = dict(names.files)
        oim = [name for name in chosen_formats(options.output_format) if name in OIM_FORMATS]
        for name in oim:
            outputs.update(OIM_FORMATS[name].files(name, stem))
        _check_distinct(outdir, outputs)
        validation = (_validate(staging, stem, outputs, oim, packages, options) if options.validate
                      else ValidationResult(ran=False))
        if options.viewer:
            outputs["viewer"] = _viewer(source, staging, stem, outputs, packages, options)
            outputs["viewer_script"] = VIEWER_SCRIPT
        report = build_report(source.name, outputs, validation.as_dict(), facts, statements)
        with _writing(outdir):
            (staging / REPORT).write_text(dumps(report), encoding="utf-8")
            _publish(staging, outdir)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return ConvertResult(outdir, report, validation)


def _untagged_reason(statements: list[Statement]) -> str:
    """Why statements gave no us-gaap fact: none of their columns is the company's own figures, or no line maps."""
    roles = {column.role for statement in statements for column in statement.columns if column.period}
    if statements and roles and ColumnRole.REPORTED not in roles:
        kinds = ", ".join(sorted({role.value.replace("_", " ") for role in roles}))
        return (f"{len(statements)} statement(s) found, none of them the company's own figures ({kinds} columns "
                "only: a parent company's statements, pro forma or another currency's)")
    return f"{len(statements)} statement(s) found but no line could be tagged"


_STAGING = ".{}.partial-"       # the prefix of the folder the outputs are written in before they are published


def _early_staging(outdir: Path) -> Path | None:
    """OUTDIR checked as check_output checks it; where OUTDIR's folder exists (always in a batch), the new folder
    that check makes is kept as the staging folder rather than removed and made again (a new folder costs as much
    as a small output file). None where OUTDIR's folder is still to be made: it is made once the filing converts."""
    probe = _probe(outdir, replaced=True, prefix=_STAGING.format(outdir.name))
    if probe.parent == outdir.parent:
        with _writing(outdir):
            return _staging_folder(probe)
    os.rmdir(probe)
    return None


def _staging_folder(folder: Path) -> Path:
    folder.chmod(0o755 & ~_umask())
    return folder


def _check_distinct(outdir: Path, outputs: dict[str, str]) -> None:
    """Outputs are named after OUTDIR, so OUTDIR 'report' would make xBRL-JSON report.json, which the report is."""
    fixed = {REPORT, *(file_name for file_name, _ in TABLES.values())}
    clash = sorted(fixed.intersection(outputs.values()))
    if clash:
        raise ConversionError(f"{outdir}: its outputs would include {clash[0]}, which is the conversion's own "
                              "file: choose another OUTDIR name")


def check_options(options: ConvertOptions) -> None:
    """What can be judged before any filing is read: a CIK that is none, an overrides file the tool cannot use
    (its concepts checked against the taxonomy the conversion will load). Each problem is a UsageError."""
    if options.cik is not None and not re.fullmatch(r"\d{1,10}", options.cik.strip()):
        raise UsageError(f"--cik {options.cik}: not a CIK: a CIK is 1 to 10 digits")
    try:
        formats = chosen_formats(options.output_format)
    except ValueError as error:
        raise UsageError(f"--format {error}") from None
    oim = [name for name in formats if name in OIM_FORMATS]
    if oim and not options.validate:
        raise UsageError(f"--format {','.join(oim)}: saved by Arelle from the validated instance, so it cannot "
                         "go with --no-validate")
    if options.mapping_overrides is not None:
        rules = load_overrides(options.mapping_overrides)
        taxonomy = load_taxonomy(find_packages(options.taxonomy_packages), options.taxonomy_year, options.online)
        check_override_concepts(options.mapping_overrides, rules, taxonomy)


def check_output(outdir: Path, replaced: bool = True) -> None:
    """OUTDIR can be written, judged before any work so that a run never fails at its end for want of a place.
    A replaced OUTDIR (convert) is staged beside it, so its parent must take new folders; a batch writes inside
    OUTDIR. Missing folders are created later, so the nearest existing one is the one tried."""
    os.rmdir(_probe(outdir, replaced, prefix=f".{outdir.name}.probe-"))


def _probe(outdir: Path, replaced: bool, prefix: str) -> Path:
    """check_output's checks; the new folder its real attempt made, in the nearest existing folder."""
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"{outdir}: cannot write here: it exists and is not a folder")
    place = _nearest_existing(outdir.parent if replaced else outdir)
    if not place.is_dir():
        raise UsageError(f"{outdir}: cannot write here: {place} is a file, not a folder")
    try:        # a real attempt: permissions alone say nothing for root, read-only mounts or /proc
        return Path(tempfile.mkdtemp(prefix=prefix, dir=place))
    except OSError as error:
        reason = f"{place} does not take new folders" if error.errno == errno.ENOENT else write_failure(error)
        raise UsageError(f"{outdir}: cannot write here: {reason}") from None


def _nearest_existing(path: Path) -> Path:
    """As given (relative stays relative, so messages name what the user typed)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def write_failure(error: OSError) -> str:
    """Why a folder or file could not be written, in the words of the one-line errors."""
    reasons = {errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.EROFS: "read-only file system", errno.ENOSPC: "no space left on the device",
               errno.EDQUOT: "disk quota exceeded", errno.ENOTDIR: "a part of the path is a file, not a folder",
               errno.ENOENT: "this file system does not take new files"}
    return reasons.get(error.errno, (error.strerror or type(error).__name__).lower())


@contextmanager
def _writing(outdir: Path) -> Iterator[None]:
    """An OSError while writing the outputs names OUTDIR (not the input) and says why, in one line."""
    try:
        yield
    except OSError as error:
        raise ConversionError(f"{outdir}: cannot write here: {write_failure(error)}") from None


def _validate(staging: Path, stem: str, outputs: dict[str, str], oim: list[str], packages: list[Path],
              options: ConvertOptions) -> ValidationResult:
    """Arelle's verdict on the entry documents; the OIM files are saved from the instance in the session that
    validated it, then loaded back, and must hold exactly its facts (combine compares them, as it compares the
    inline document's)."""
    entries = [outputs[name] for name in ENTRY_POINTS if name in outputs]
    not_saved: list[str] = []

    def save_from_instance(path: Path, model: object) -> None:
        if path.name == outputs["instance"]:
            not_saved.extend(save_oim(model, staging, stem, oim))
    results = validate_documents([staging / entry for entry in entries], packages, options.online,
                                 plugins=SAVE_PLUGIN if oim else None, with_model=save_from_instance if oim else None)
    documents = dict(zip(entries, results))
    oim_entries = [outputs[name] for name in oim]
    documents.update(zip(oim_entries, load_oim_documents([staging / entry for entry in oim_entries], packages,
                                                         options.online)))
    combined = combine(documents)
    combined.errors.extend(not_saved)
    return combined


def _viewer(source: Path, staging: Path, stem: str, outputs: dict[str, str], packages: list[Path],
            options: ConvertOptions) -> str:
    if "inline" not in outputs:
        raise ConversionError(f"{source}: --viewer needs the inline document (--format inline or both)")
    name = f"{stem}_viewer.html"
    problems = write_viewer(staging / outputs["inline"], staging / name, packages, options.online)
    if problems:
        raise ConversionError(f"{source}: the iXBRL viewer could not be written: {problems[0]}")
    return name


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _publish(staging: Path, outdir: Path) -> None:
    """Swap the finished staging folder into place; an existing OUTDIR is replaced whole or not at all."""
    if outdir.exists() and not outdir.is_dir():
        raise ConversionError(f"{outdir}: exists and is not a folder")
    backup = None
    if outdir.exists():
        backup = outdir.with_name(f".{outdir.name}.previous")
        shutil.rmtree(backup, ignore_errors=True)
        outdir.rename(backup)
    staging.rename(outdir)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
