"""Validation with Arelle's Python API, offline unless asked otherwise.

Taxonomy files that are simply missing from the offline packages (the SEC's country and stpr schemas) are
reported as 'unavailable', apart from errors in the instance itself."""
from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_UNAVAILABLE_CODES = {"IOerror", "arelle:fileNotFound"}


@dataclass
class ValidationResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    ran: bool = True

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


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[tuple[str, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        code = str(getattr(record, "messageCode", "") or "")
        try:
            message = record.getMessage()
        except Exception:  # Arelle's message arguments can fail to format; keep the raw text
            message = str(record.msg)
        self.records.append((record.levelname, code, message))


def validate_instance(instance: Path, packages: list[Path], online: bool = False) -> ValidationResult:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    collector = _Collector()
    options = RuntimeOptions(
        entrypointFile=str(instance), validate=True, calcs="c11r", disablePersistentConfig=True,
        internetConnectivity="online" if online else "offline",
        packages=[str(p) for p in packages] or None, logFormat="[%(messageCode)s] %(message)s")
    with _quiet_arelle_home(), Session() as session:
        session.run(options, logHandler=collector)
    return _classify(collector.records)


def _classify(records: list[tuple[str, str, str]]) -> ValidationResult:
    result = ValidationResult()
    for level, code, message in records:
        line = f"[{code}] {message}" if code else message
        if code in _UNAVAILABLE_CODES or "Could not load file" in message:
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
