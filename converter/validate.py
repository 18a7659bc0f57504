"""Validation with Arelle's Python API, offline unless asked otherwise.

One warm Arelle controller per process (`WarmValidator`) validates every document the process writes, in
base-taxonomy mode 'none', with the plugin `arelle_trusted_taxonomy` limiting the per-concept checks to the
filing's own concepts: the filing's documents are validated in full, the unchanging standard taxonomy is not
re-checked for each. Why and how fast: docs/validation.md.

Taxonomy files that are simply missing from the offline packages (the SEC's country and stpr schemas) are
reported as 'unavailable', apart from errors in the instance itself."""
from __future__ import annotations

import logging
import os
import tempfile
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator

# The standard taxonomy's own documents are not validated again (`--baseTaxonomyValidation none`): only the
# filing's own documents, beside its entry document, are. The comparison test runs Arelle's CLI in this mode.
BASE_TAXONOMY_MODE = "none"
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
    """Each XBRL instance or Inline XBRL document validated by Arelle, on this process's warm controller.
    `plugins` ('|'-separated) are loaded in it too, for `with_model`, which sees each document's model before it
    is closed."""
    validator = warm_validator(packages, tuple(plugins.split("|")) if plugins else ())
    return [validator.validate(path, online, with_model) for path in paths]


def warm_validator(packages: list[Path], plugins: tuple[str, ...] = ()) -> WarmValidator:
    """The process's one warm validator for these packages and plugins (a new one if the packages changed, a
    plugin it lacks is asked for, or someone else's Arelle session closed Arelle's shared package and plugin
    registries)."""
    global _warm
    key = tuple(str(p) for p in packages)
    if _warm is None or _warm.packages != key or not set(plugins) <= set(_warm.extra_plugins) or not _warm.usable():
        wanted = tuple(dict.fromkeys((_warm.extra_plugins if _warm and _warm.packages == key else ()) + plugins))
        if _warm is not None:
            _warm.close()
        _warm = WarmValidator(key, extra_plugins=wanted)
    return _warm


def discard_warm_validator() -> None:
    global _warm
    if _warm is not None:
        _warm.close()
        _warm = None


class WarmValidator:
    """One Arelle controller kept for the life of a process, so that Python, Arelle, the taxonomy packages'
    catalogs and the plugin are loaded once, not once per document (a batch worker validates hundreds).

    Per document, Arelle's own `CntlrCmdLine.run` loads the document and its DTS afresh and validates it as the
    command line would with `--baseTaxonomyValidation none --calc c11r`: the filing's extension schema,
    linkbases, instance and inline document in full (XBRL 2.1, dimensions, Calculations 1.1, iXBRL), the
    standard taxonomy's own declarations trusted (see arelle_trusted_taxonomy.py). The model is closed once its
    facts are read, so memory stays flat. `arelle.api.Session` cannot serve here: each run closes Arelle's
    package registry, which a reused controller never reopens."""

    def __init__(self, packages: tuple[str, ...], trust_standard_taxonomy: bool = True,
                 extra_plugins: tuple[str, ...] = ()) -> None:
        """`trust_standard_taxonomy=False` leaves the plugin out (benchmarks/validation_speed.py compares);
        `extra_plugins` are Arelle's own, loaded beside it (saveLoadableOIM, for the OIM outputs)."""
        from arelle.CntlrCmdLine import createCntlrAndPreloadPlugins

        self.packages = packages
        self.extra_plugins = extra_plugins
        trusted = trusted_taxonomy_plugin() if trust_standard_taxonomy else None
        self.refused = trust_standard_taxonomy and trusted is None     # an Arelle the plugin was not tested on
        self.plugins = "|".join(([trusted] if trusted else []) + list(extra_plugins)) or None
        self.home = tempfile.TemporaryDirectory(prefix="legacy-xbrl-arelle-")   # Arelle's config and cache
        with _config_home(self.home.name):
            self.controller = createCntlrAndPreloadPlugins(uiLang=None, disablePersistentConfig=True,
                                                           arellePluginModules={})
        self.log = ArelleLog()
        self.controller.startLogging(logHandler=self.log, logLevel="DEBUG")
        self.controller.postLoggingInit()
        self.runs = 0

    def validate(self, path: Path, online: bool, with_model: ModelHook | None = None) -> ValidationResult:
        self.log.records.clear()
        first = self.runs == 0      # packages and plugins stay registered after the first run
        options = arelle_options(path, [Path(p) for p in self.packages] if first else [], online,
                                 validate=True, calcs="c11r", keepOpen=True,
                                 baseTaxonomyValidationMode=BASE_TAXONOMY_MODE,
                                 plugins=self.plugins if first and self.plugins else None)
        self.runs += 1
        manager = self.controller.modelManager
        try:
            self.controller.run(options)
            result = _classify(self.log.records)
            result.facts = [fact for model in manager.loadedModelXbrls for fact in _fact_keys(model)]
            if with_model is not None and manager.loadedModelXbrls:
                with_model(path, manager.loadedModelXbrls[0])
        finally:
            for model in list(manager.loadedModelXbrls):
                _close_model(manager, model)
        if self.refused:
            result.warnings.append(untested_arelle_warning())
        return result

    def usable(self) -> bool:
        """False once an `arelle.api.Session` (the viewer's) has closed the registries this controller uses."""
        from arelle import PackageManager, PluginManager

        return (PluginManager.getInstance().isInitialized
                and PackageManager.getInstance().packagesConfig is not None)

    def close(self) -> None:
        """Closes the controller and Arelle's shared registries (as a Session's end does), so that the next
        controller starts from nothing: no packages or plugins of this one."""
        from arelle import PackageManager, PluginManager

        try:
            self.controller.close()
            PackageManager.close()
            PluginManager.close()
        finally:
            self.home.cleanup()


def _close_model(manager, model) -> None:
    """What `ModelManager.close` does but its full garbage collection (0.1 to 0.2 s a document, most of a warm
    validation's closing): `ModelXbrl.close` breaks the model's own reference cycles and Python's generational
    collector takes the rest. Measured over 60 validations in one process: memory flat at 210 to 225 MB."""
    while model in manager.loadedModelXbrls:
        manager.loadedModelXbrls.remove(model)
    if manager.modelXbrl is model:
        manager.modelXbrl = manager.loadedModelXbrls[0] if manager.loadedModelXbrls else None
    model.close()


def trusted_taxonomy_plugin() -> str | None:
    """The plugin's path for Arelle, or None (with a warning on stderr, once) on an Arelle it was not tested on:
    validation is then complete, only slower."""
    from converter import arelle_trusted_taxonomy as plugin

    if plugin.supported():
        return plugin.__file__
    warnings.warn(untested_arelle_warning(), RuntimeWarning, stacklevel=2)
    return None


def untested_arelle_warning() -> str:
    from converter import arelle_trusted_taxonomy as plugin

    return (f"[legacy-xbrl:fullConceptChecks] Arelle {plugin.arelle_version()} is not a version the trusted "
            f"standard taxonomy was tested on ({', '.join(plugin.TESTED_ARELLE_VERSIONS)}): every concept of "
            f"the standard taxonomy is checked again, which is slower")


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
    """An Arelle API session whose configuration lives in a temporary folder, not in the user's home. Its end
    closes Arelle's shared registries, so the warm validator is let go first and rebuilt when next needed."""
    from arelle.api.Session import Session

    discard_warm_validator()
    with tempfile.TemporaryDirectory(prefix="legacy-xbrl-arelle-") as home, _config_home(home), \
            Session() as session:
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


_warm: WarmValidator | None = None


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


@contextmanager
def _config_home(folder: str) -> Iterator[None]:
    """Arelle takes its configuration and cache folders from XDG_CONFIG_HOME when its controller is made; point
    it at our own folder, never the user's home directory."""
    previous = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = folder
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = previous
