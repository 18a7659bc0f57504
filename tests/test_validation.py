"""The warm validator (one Arelle controller per process, base-taxonomy mode 'none', the standard taxonomy's
concepts trusted by converter/arelle_trusted_taxonomy.py) reports exactly what a fresh
`python -m arelle.CntlrCmdLine --baseTaxonomyValidation none` process reports: every message of level warning and
above, with its code and text, on the seed, on corpus outputs, and on instances and inline documents broken on
purpose, so that no error is lost by the speed-up."""
from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from converter import arelle_trusted_taxonomy
from converter.pipeline import ConvertOptions, convert
from converter.validate import (BASE_TAXONOMY_MODE, ValidationResult, WarmValidator, arelle_session,
                                discard_warm_validator, warm_validator)

from tests.conftest import SHARED

CORPUS = SHARED / "corpus_raw"
APPLE_10Q = CORPUS / "sec-edgar" / "0000320193-97-000014.txt"         # text; extension concepts, a segment axis
MICROSOFT_10Q = CORPUS / "jimlindstrom-sec_edgar" / "microsoft" / "2009_09_30.html"   # HTML; product axis
_RECORD, _FIELD = "\x1e", "\x1f"     # separators no Arelle message holds, so multi-line messages stay whole
Message = tuple[str, str, str]       # level, code, text


# --- the two sides --------------------------------------------------------------------------------------------

def fresh_arelle(document: Path, packages: list[Path], log: Path) -> Counter[Message]:
    """What Arelle's own command line reports for the document in a new process, in the same base mode."""
    subprocess.run([sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(document), "--validate",
                    "--calc", "c11r", "--baseTaxonomyValidation", BASE_TAXONOMY_MODE,
                    "--internetConnectivity", "offline", "--disablePersistentConfig",
                    "--packages", "|".join(map(str, packages)), "--logFile", str(log),
                    "--logFormat", f"{_RECORD}%(levelname)s{_FIELD}%(messageCode)s{_FIELD}%(message)s"],
                   capture_output=True, timeout=300, check=False)
    records = [tuple(part.rstrip("\n").split(_FIELD, 2)) for part in log.read_text().split(_RECORD)[1:]]
    return Counter(record for record in records if _reported(record[0]))


@dataclass
class WarmRun:
    reported: Counter[Message]       # the messages of level warning and above
    infos: list[Message]
    result: ValidationResult


def warm_run(validator: WarmValidator, document: Path) -> WarmRun:
    result = validator.validate(document, online=False)
    records = list(validator.log.records)
    return WarmRun(Counter(r for r in records if _reported(r[0])), [r for r in records if not _reported(r[0])],
                   result)


def _reported(level: str) -> bool:
    return not level.startswith(("INFO", "DEBUG"))


def trust_line(infos: list[Message]) -> str | None:
    lines = [text for _, code, text in infos if code == "legacyXbrl:trustedStandardTaxonomy"]
    return lines[0] if lines else None


def own_concepts(outdir: Path) -> int:
    """Concepts (members included) the converter declared in the extension schema."""
    return sum(schema.read_text().count("<xs:element ") for schema in outdir.glob("*.xsd"))


# --- fixtures -------------------------------------------------------------------------------------------------

@pytest.fixture
def warm(taxonomy_packages: list[Path]) -> WarmValidator:
    """The process's one warm validator, shared by every test (rebuilt only after a test let it go)."""
    return warm_validator(taxonomy_packages)


@pytest.fixture(scope="module")
def fresh(taxonomy_packages: list[Path], tmp_path_factory: pytest.TempPathFactory):
    """Fresh-process results by document, each run once for the module (logs kept apart from the outputs)."""
    logs = tmp_path_factory.mktemp("arelle-logs")
    results: dict[Path, Counter[Message]] = {}

    def run(document: Path) -> Counter[Message]:
        if document not in results:
            results[document] = fresh_arelle(document, taxonomy_packages, logs / f"{len(results)}.log")
        return results[document]
    return run


def _converted(source: Path, folder: Path) -> Path:
    if not source.exists():
        pytest.skip(f"{source} is not here (../shared/corpus_raw)")
    return convert(source, folder / source.stem.replace(".", "_"), ConvertOptions(validate=False)).outdir


@pytest.fixture(scope="module")
def apple(tmp_path_factory: pytest.TempPathFactory, taxonomy_packages: list[Path]) -> Path:
    return _converted(APPLE_10Q, tmp_path_factory.mktemp("apple"))


@pytest.fixture(scope="module")
def microsoft(tmp_path_factory: pytest.TempPathFactory, taxonomy_packages: list[Path]) -> Path:
    return _converted(MICROSOFT_10Q, tmp_path_factory.mktemp("microsoft"))


def _entry(outdir: Path, suffix: str, stem: str | None = None) -> Path:
    """One output file of a conversion: its folder's name (the stem of every file) and the suffix."""
    return outdir / f"{stem or outdir.name}{suffix}"


# --- outputs as written ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("filing", ["seed", "apple", "microsoft"])
@pytest.mark.parametrize("suffix", [".xml", ".xhtml"])
def test_warm_validator_reports_what_a_fresh_arelle_reports(request, warm, fresh, filing, suffix):
    outdir = (request.getfixturevalue("seed_conversion").outdir if filing == "seed"
              else request.getfixturevalue(filing))
    document = _entry(outdir, suffix)
    run = warm_run(warm, document)
    assert run.reported == fresh(document)
    assert run.result.valid, run.result.errors
    # The fast path was taken: only the filing's own concepts went through the per-concept checks.
    assert (trust_line(run.infos) or "").startswith(
        f"Per-concept checks: {own_concepts(outdir)} concepts of the filing's own documents checked")


# --- outputs broken on purpose --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Breakage:
    what: str
    file_suffix: str          # which output file of the conversion is changed
    old: str                  # replaced once, where it first occurs (it must occur)
    new: str
    codes: tuple[str, ...]    # message codes Arelle must report for it (any one of them)
    mentions: str = ""        # ... in a message that says this (where the code alone could be another's)

    def found_in(self, messages: Counter[Message]) -> bool:
        return any(code in self.codes and self.mentions in text for _, code, text in messages)


INSTANCE_FACTS = [
    Breakage("a duration concept in an instant context", ".xml",
             '<us-gaap:Revenues contextRef="D19970329_19970627"', '<us-gaap:Revenues contextRef="I19960628"',
             ("xbrl.4.7.2:contextPeriodType",)),
    Breakage("a monetary fact in a unit that is not a currency", ".xml",
             '<us-gaap:CostOfRevenue contextRef="D19970329_19970627" unitRef="USD"',
             '<us-gaap:CostOfRevenue contextRef="D19970329_19970627" unitRef="USDPerShare"',
             ("xbrl.4.8.2:monetaryFactUnit-notSingleMeasure",)),
    Breakage("a letter in a number", ".xml", ">155000000</us-gaap:RestructuringCharges>",
             ">155X00000</us-gaap:RestructuringCharges>", ("xmlSchema:valueError",)),
    Breakage("a dimension member that is not declared", ".xml",
             ">apple:InProcessResearchAndDevelopment375NMMember</xbrldi:explicitMember>",
             ">apple:NoSuchMember</xbrldi:explicitMember>", ("xbrldie:ExplicitMemberUndefinedQNameError",)),
    Breakage("a total that its items do not add up to", ".xml", ">1797000000</us-gaap:CostsAndExpenses>",
             ">1997000000</us-gaap:CostsAndExpenses>", ("calc11e:inconsistentCalculationUsingRounding",),
             "from us-gaap:CostsAndExpenses"),
    Breakage("a period that ends before it starts", ".xml", "<xbrli:endDate>1996-06-28</xbrli:endDate>",
             "<xbrli:endDate>1995-06-28</xbrli:endDate>", ("xbrl.4.7.2:periodStartBeforeEnd",)),
    Breakage("a unit that is not there", ".xml", '<us-gaap:ShortTermInvestments contextRef="I19970627" unitRef="USD"',
             '<us-gaap:ShortTermInvestments contextRef="I19970627" unitRef="EUR"', ("xbrl.4.6.2:numericUnit",)),
]
EXTENSION_TAXONOMY = [
    Breakage("an extension concept with a period type that is none", ".xsd",
             'xbrli:periodType="instant" xbrli:balance="debit"/>', 'xbrli:periodType="sometimes" xbrli:balance="debit"/>',
             ("xbrl.5.1.1.1:itemPeriodType",)),
    Breakage("a balance on an extension concept that is not monetary", ".xsd",
             'type="dtr-types:domainItemType"\n      substitutionGroup="xbrli:item" nillable="true"',
             'type="dtr-types:domainItemType"\n      substitutionGroup="xbrli:item" nillable="true" xbrli:balance="debit"',
             ("xbrl.5.1.1.2:itemBalance",)),
    Breakage("an extension concept of a type that is not declared", ".xsd",
             'name="LandAndBuildings" id="apple_LandAndBuildings" type="xbrli:monetaryItemType"',
             'name="LandAndBuildings" id="apple_LandAndBuildings" type="xbrli:noSuchItemType"', ("xmlSchema:valueError",),
             "noSuchItemType"),
    Breakage("a calculation arc to a label no locator has", "_cal.xml",
             'xlink:to="us-gaap_Revenues"', 'xlink:to="us-gaap_NoSuchLocator"',
             ("xbrl.3.5.3.9.3:arcResource",)),
]
INLINE_FACTS = [
    Breakage("a duration concept in an instant context (inline)", ".xhtml",
             'name="us-gaap:Revenues" contextRef="D19970329_19970627"', 'name="us-gaap:Revenues" contextRef="I19960628"',
             ("xbrl.4.7.2:contextPeriodType",)),
    Breakage("a monetary fact in a unit that is not a currency (inline)", ".xhtml",
             'name="us-gaap:CostOfRevenue" contextRef="D19970329_19970627" unitRef="USD"',
             'name="us-gaap:CostOfRevenue" contextRef="D19970329_19970627" unitRef="USDPerShare"',
             ("xbrl.4.8.2:monetaryFactUnit-notSingleMeasure",)),
    Breakage("a figure its format cannot read", ".xhtml", 'scale="6">155</ix:nonFraction>',
             'scale="6">15S</ix:nonFraction>', ("ix11.10.1.1:transformValueError",)),
    Breakage("a dimension member that is not declared (inline)", ".xhtml",
             ">apple:InProcessResearchAndDevelopment375NMMember</xbrldi:explicitMember>",
             ">apple:NoSuchMember</xbrldi:explicitMember>", ("xbrldie:ExplicitMemberUndefinedQNameError",)),
    Breakage("a total that its items do not add up to (inline)", ".xhtml",
             'id="f30" format="ixt:num-dot-decimal" scale="6">1,797<',
             'id="f30" format="ixt:num-dot-decimal" scale="6">1,997<',
             ("calc11e:inconsistentCalculationUsingRounding",), "from us-gaap:CostsAndExpenses"),
]


def _broken(outdir: Path, folder: Path, breakages: list[Breakage], entry_suffix: str) -> Path:
    """A copy of the conversion's files with every breakage applied; the entry document to validate."""
    for source in outdir.iterdir():
        if source.is_file():
            shutil.copy(source, folder / source.name)
    for breakage in breakages:
        target = _entry(folder, breakage.file_suffix, outdir.name)
        text = target.read_text()
        assert breakage.old in text, f"the output no longer holds what '{breakage.what}' changes"
        target.write_text(text.replace(breakage.old, breakage.new, 1))
    return _entry(folder, entry_suffix, outdir.name)


@pytest.mark.parametrize("breakages, entry_suffix", [(INSTANCE_FACTS, ".xml"), (EXTENSION_TAXONOMY, ".xml"),
                                                     (INLINE_FACTS, ".xhtml")],
                         ids=["instance facts", "extension taxonomy", "inline facts"])
def test_every_error_of_a_broken_document_is_still_found(warm, fresh, apple, tmp_path, breakages, entry_suffix):
    document = _broken(apple, tmp_path, breakages, entry_suffix)
    run = warm_run(warm, document)
    expected = fresh(document)
    assert run.reported == expected
    for breakage in breakages:
        assert breakage.found_in(expected), (f"{breakage.what}: no {breakage.codes} {breakage.mentions} in "
                                             f"{sorted({code for _, code, _ in expected})}")
    assert trust_line(run.infos) is not None


# --- where the trust does not apply ---------------------------------------------------------------------------

def test_an_untested_arelle_gets_full_checks_and_a_warning(monkeypatch, taxonomy_packages, fresh, apple):
    """On an Arelle the plugin was not tested on, it is not loaded: every concept is checked, as Arelle's own
    command line does, with a warning that says so; the messages are still the fresh process's."""
    assert arelle_trusted_taxonomy.supported("2.47.3") and not arelle_trusted_taxonomy.supported("2.99.0")
    discard_warm_validator()
    monkeypatch.setattr(arelle_trusted_taxonomy, "TESTED_ARELLE_VERSIONS", ("0.0.0",))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            untrusting = warm_validator(taxonomy_packages)
        assert any("is not a version the trusted standard taxonomy was tested on" in str(w.message) for w in caught)
        document = _entry(apple, ".xml")
        result = untrusting.validate(document, online=False)
        assert any("[legacy-xbrl:fullConceptChecks] Arelle" in warning for warning in result.warnings)
        reported = Counter(r for r in untrusting.log.records if _reported(r[0]))
        assert trust_line(list(untrusting.log.records)) is None
        assert reported == fresh(document)
    finally:
        discard_warm_validator()


def test_the_warm_validator_survives_an_arelle_session(seed_conversion, taxonomy_packages):
    """The viewer's `arelle.api.Session` closes Arelle's shared registries when it ends; the next validation
    builds a new warm controller and still reads every fact."""
    document = _entry(seed_conversion.outdir, ".xml")
    before = warm_validator(taxonomy_packages).validate(document, online=False)
    with arelle_session():
        pass
    after = warm_validator(taxonomy_packages).validate(document, online=False)
    assert after.valid and after.facts == before.facts and len(after.facts) == 114
