"""Validation with Arelle's Python API, offline unless asked otherwise.

Taxonomy files that are simply missing from the offline packages (the SEC's country and stpr schemas) are
reported as 'unavailable', apart from errors in the instance itself."""
from __future__ import annotations

import logging
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

_UNAVAILABLE_CODES = {"IOerror", "arelle:fileNotFound"}
# Logged by Arelle's OIM loader whenever loading the taxonomy logged an error: with the offline packages that is
# the missing country and stpr schemas, so it says nothing of the OIM file itself unless nothing else was missing
_OIM_TAXONOMY_CODE = "oime:invalidTaxonomy"
OIM_LOAD_PLUGIN = "loadFromOIM"
# called in the session that loaded a document, with its path and Arelle's model of it (to save what Arelle can
# write from it, such as OIM files, without loading it again)
ModelHook = Callable[[Path, Any], None]


@dataclass
class ValidationResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    ran: bool = True
    # what Arelle read, fact by fact: concept, entity, period, dimensions, unit, value, decimals
    facts: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.ran and not self.errors

    def summary(self) -> str:
        if not self.ran:
            return "not validated"
        verdict = "valid" if self.valid else f"INVALID: {len(self.errors)} error(s)"
        if self.unavailable:
            verdict += f"; validation incomplete: {len(self.unavailable)} taxonomy files unavailable offline"
        return verdict

    def as_dict(self) -> dict:
        return {"valid": self.valid, "ran": self.ran, "errors": self.errors, "warnings": self.warnings,
                "unavailable": self.unavailable, "calculation_inconsistencies": self.inconsistencies,
                "summary": self.summary()}


class ArelleLog(logging.Handler):
    """Arelle's log records as (level, message code, message)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[tuple[str, str, str]] = []

    @staticmethod
    def is_unavailable(code: str, message: str) -> bool:
        """A taxonomy file missing from the offline packages, not an error in the document."""
        return code in _UNAVAILABLE_CODES or "Could not load file" in message

    def emit(self, record: logging.LogRecord) -> None:
        code = str(getattr(record, "messageCode", "") or "")
        try:
            message = record.getMessage()
        except Exception:  # Arelle's message arguments can fail to format; keep the raw text
            message = str(record.msg)
        self.records.append((record.levelname, code, message))


def validate_documents(paths: list[Path], packages: list[Path], online: bool = False, plugins: str | None = None,
                       with_model: ModelHook | None = None) -> list[ValidationResult]:
    """Each XBRL instance or Inline XBRL document validated by Arelle (a session each: a session's package
    registry does not survive a second run). `plugins` are loaded in each session, for `with_model`."""
    results = []
    for path in paths:
        log = ArelleLog()
        with arelle_session() as session:
            session.run(arelle_options(path, packages, online, validate=True, calcs="c11r", keepOpen=True,
                                       plugins=plugins), logHandler=log)
            models = session.get_models()
            result = _classify(log.records)
            result.facts = [fact for model in models for fact in _fact_keys(model)]
            if with_model is not None and models:
                with_model(path, models[0])
        results.append(result)
    return results


def load_oim_documents(paths: list[Path], packages: list[Path], online: bool = False) -> list[ValidationResult]:
    """Each xBRL-JSON document or xBRL-CSV metadata file loaded back by Arelle's OIM loader, which checks it
    against the OIM specifications as it reads: its errors, and the facts Arelle read from it. XBRL validation is
    not run again (the instance these files were saved from has been validated, taxonomy and all)."""
    results = []
    for path in paths:
        if not path.exists():
            results.append(ValidationResult(errors=[f"{path.name} was not written"]))
            continue
        log = ArelleLog()
        with arelle_session() as session:
            session.run(arelle_options(path, packages, online, validate=False, keepOpen=True,
                                       plugins=OIM_LOAD_PLUGIN), logHandler=log)
            result = _classify(log.records)
            result.facts = [fact for model in session.get_models() for fact in _fact_keys(model)]
        results.append(result)
    return results


@contextmanager
def arelle_session():
    """An Arelle API session whose configuration lives in a temporary folder, not in the user's home."""
    from arelle.api.Session import Session

    with _quiet_arelle_home(), Session() as session:
        yield session


def combine(results: dict[str, ValidationResult]) -> ValidationResult:
    """One verdict for a conversion's entry documents (file name -> result): errors and warnings named by file,
    calculation inconsistencies as the first document reports them (the others hold the same facts), and an
    error where an inline document's facts are not exactly the instance's."""
    ran = [(name, result) for name, result in results.items() if result.ran]
    if not ran:
        return ValidationResult(ran=False)
    combined = ValidationResult(inconsistencies=ran[0][1].inconsistencies, facts=ran[0][1].facts)
    for name, result in ran:
        combined.errors.extend(f"{name}: {e}" for e in result.errors)
        combined.warnings.extend(f"{name}: {w}" for w in result.warnings)
        combined.unavailable.extend(u for u in result.unavailable if u not in combined.unavailable)
        if result.facts != combined.facts and not result.errors:
            missing = len(set(combined.facts) - set(result.facts))
            extra = len(set(result.facts) - set(combined.facts))
            combined.errors.append(f"{name}: its facts are not those of {ran[0][0]} ({missing} missing, "
                                   f"{extra} not in it, {len(result.facts)} against {len(combined.facts)})")
    return combined


def arelle_options(path: Path, packages: list[Path], online: bool, **extra: object):
    """Arelle's run options for one document: the packages, offline unless asked, our log format."""
    from arelle.RuntimeOptions import RuntimeOptions

    return RuntimeOptions(
        entrypointFile=str(path), disablePersistentConfig=True, internetConnectivity="online" if online else "offline",
        packages=[str(p) for p in packages] or None, logFormat="[%(messageCode)s] %(message)s", **extra)


def _fact_keys(model) -> list[tuple[str, ...]]:
    """Facts as comparable tuples (concept, entity, period, dimensions, unit, value, decimals), so an inline
    document or an OIM file can be checked against its instance fact for fact."""
    keys = []
    for fact in model.facts:
        context, unit = fact.context, fact.unit
        period = (str(context.instantDatetime) if context.isInstantPeriod
                  else f"{context.startDatetime}..{context.endDatetime}") if context is not None else ""
        entity = " ".join(context.entityIdentifier) if context is not None else ""
        measures = " / ".join(" ".join(str(m) for m in part) for part in unit.measures) if unit is not None else ""
        value = fact.xValue if fact.isNumeric else fact.value
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        keys.append((str(fact.qname), entity, period, _dimension_key(context), measures, str(value),
                     str(fact.decimals or "")))
    return sorted(keys)


def _dimension_key(context) -> str:
    """'axis=member' pairs in axis order; a typed dimension by its member's text."""
    if context is None:
        return ""
    pairs = sorted((str(axis), str(member.memberQname) if member.isExplicit else member.stringValue)
                   for axis, member in context.qnameDims.items())
    return "; ".join(f"{axis}={member}" for axis, member in pairs)


def _classify(records: list[tuple[str, str, str]]) -> ValidationResult:
    result = ValidationResult()
    for level, code, message in records:
        line = f"[{code}] {message}" if code else message
        if code == _OIM_TAXONOMY_CODE and result.unavailable:
            continue                    # the files already counted as unavailable, said again
        if ArelleLog.is_unavailable(code, message):
            result.unavailable.append(line)
        elif code.startswith("calc11e:inconsistentCalculation") or code == "xbrl.5.2.5.2:calcInconsistency":
            result.inconsistencies.append(line)
        elif level in ("ERROR", "CRITICAL"):
            result.errors.append(line)
        elif level == "WARNING":
            result.warnings.append(line)
    return result


class _quiet_arelle_home:
    """Arelle writes its configuration under XDG_CONFIG_HOME; keep that out of the user's home directory."""

    def __enter__(self) -> None:
        self.previous = os.environ.get("XDG_CONFIG_HOME")
        self.folder = tempfile.TemporaryDirectory(prefix="legacy-xbrl-arelle-")
        os.environ["XDG_CONFIG_HOME"] = self.folder.name

    def __exit__(self, *exc: object) -> None:
        if self.previous is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = self.previous
        self.folder.cleanup()
