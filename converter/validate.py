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

_UNAVAILABLE_CODES = {"IOerror", "arelle:fileNotFound"}


@dataclass
class ValidationResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    ran: bool = True
    facts: list[tuple[str, ...]] = field(default_factory=list)   # what Arelle read: concept, period, unit, value

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


def validate_documents(paths: list[Path], packages: list[Path], online: bool = False) -> list[ValidationResult]:
    """Each XBRL instance or Inline XBRL document validated by Arelle (a session each: a session's package
    registry does not survive a second run)."""
    results = []
    for path in paths:
        log = ArelleLog()
        with arelle_session() as session:
            session.run(arelle_options(path, packages, online, validate=True, calcs="c11r", keepOpen=True),
                        logHandler=log)
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
    """Facts as comparable tuples, so an inline document can be checked against its instance fact for fact."""
    keys = []
    for fact in model.facts:
        context, unit = fact.context, fact.unit
        period = (str(context.instantDatetime) if context.isInstantPeriod
                  else f"{context.startDatetime}..{context.endDatetime}") if context is not None else ""
        measures = " / ".join(" ".join(str(m) for m in part) for part in unit.measures) if unit is not None else ""
        value = fact.xValue if fact.isNumeric else fact.value
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        keys.append((str(fact.qname), period, measures, str(value), str(fact.decimals or "")))
    return sorted(keys)


def _classify(records: list[tuple[str, str, str]]) -> ValidationResult:
    result = ValidationResult()
    for level, code, message in records:
        line = f"[{code}] {message}" if code else message
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
