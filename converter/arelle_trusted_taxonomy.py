"""An Arelle plugin: checks that depend only on the standard taxonomy's own files are not run again for every
filing; everything of the filing itself still is.

With `--baseTaxonomyValidation none` Arelle already trusts the standard taxonomy's documents in its DTS checks
(`ValidateXbrlDTS` checks only the documents it takes for the filing's own: beside the entry document or in its
package). Two other checks still walked all of us-gaap, srt and dei for each filing, although their answers come
from those documents alone and never change; this plugin extends the same trust, by the same test, to them:

- the per-concept loop of `ValidateXbrl.validate` (period type, balance, item type, enumeration domains, typed
  dimensions: ~18,000 concepts, 1.5 to 1.9 s a filing). On `Validate.XBRL.Start` the model's `qnameConcepts` is
  replaced by a copy whose `values()` (what that loop iterates, and nothing else in validation does) yields only
  the filing's own concepts, while every lookup by name (facts, contexts, dimensions, arcs) still finds all of
  them; `Validate.XBRL.Finally`, which Arelle calls right after the loop, puts the full mapping back;
- the check, once a DTS is loaded, that the names each schema declaration refers to resolve
  (`XmlValidateSchema.validate`): on `ModelDocument.Discover` the model's list of schemas to check is replaced by
  one that takes only the filing's own schemas.

Only Arelle versions this was tested on are changed (TESTED_ARELLE_VERSIONS): on any other the hooks do nothing,
so validation is complete there, only slower. Arelle loads this file by its path, as a top-level module, so it
imports nothing from the converter package."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Iterable, Iterator

# Versions on which tests/test_validation.py found the warm worker's messages equal to a fresh Arelle process's.
TESTED_ARELLE_VERSIONS = ("2.47.3",)
PLUGIN_NAME = "legacy-xbrl trusted standard taxonomy"
_FULL_MAPPING = "legacyXbrlAllConcepts"      # where the full mapping waits on the model during validation


def arelle_version() -> str:
    from arelle import Version

    return str(Version.__version__)


def supported(version: str | None = None) -> bool:
    """Whether this Arelle's concept loop and extension test are the ones the plugin was tested against."""
    return (version or arelle_version()) in TESTED_ARELLE_VERSIONS


class ConceptsForTheConceptLoop(dict):
    """All concepts by name, but iterated by value as the filing's own concepts alone."""

    def __init__(self, concepts: dict, own: list) -> None:
        super().__init__(concepts)
        self.own = own

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        return iter(self.own)


def trusting(model: Any) -> bool:
    """The standard taxonomy is trusted only on a tested Arelle, and only where Arelle trusts its declarations too
    (base-taxonomy mode 'none')."""
    return supported() and model.modelManager.baseTaxonomyValidationMode.value == "none"


def is_filings_own(model: Any, document: Any) -> bool:
    """Arelle's own test of a document being the filing's (beside its entry document or in its package), the one
    base-taxonomy mode 'none' goes by; any other document is the standard taxonomy's."""
    from arelle.ValidateXbrlDTS import _isExtensionTaxonomyDocument

    return _isExtensionTaxonomyDocument(SimpleNamespace(modelXbrl=model), document)


def filings_own_concepts(model: Any, concepts: dict) -> list:
    """The concepts of the filing's own documents; a concept without a document is kept, to be checked."""
    own_document: dict[int, bool] = {}       # a few documents hold all the concepts: judge each once
    kept = []
    for concept in concepts.values():
        document = concept.modelDocument
        if document is None:
            kept.append(concept)
            continue
        if id(document) not in own_document:
            own_document[id(document)] = is_filings_own(model, document)
        if own_document[id(document)]:
            kept.append(concept)
    return kept


class OwnSchemasToCheck(set):
    """The schemas whose declarations' references are checked once the DTS is loaded: the filing's own only."""

    def __init__(self, model: Any, schemas: Iterable[Any]) -> None:
        super().__init__(schema for schema in schemas if is_filings_own(model, schema))
        self.model = model

    def add(self, schema: Any) -> None:
        if is_filings_own(self.model, schema):
            super().add(schema)


def discover(document: Any, *args: Any, **kwargs: Any) -> bool:
    """Before each document's discovery (the entry document's first): only the filing's own schemas will be
    checked. Returns False: Arelle discovers the document itself."""
    model = document.modelXbrl
    if not isinstance(model.schemaDocsToValidate, OwnSchemasToCheck) and trusting(model):
        model.schemaDocsToValidate = OwnSchemasToCheck(model, model.schemaDocsToValidate)
    return False


def validate_start(val: Any, parameters: Any = None, *args: Any, **kwargs: Any) -> None:
    model = val.modelXbrl
    if not trusting(model):
        return
    concepts = model.qnameConcepts
    own = filings_own_concepts(model, concepts)
    setattr(model, _FULL_MAPPING, concepts)
    model.qnameConcepts = ConceptsForTheConceptLoop(concepts, own)
    # An info line, so that a run shows the trust was applied and to how many concepts (tests read it).
    model.info("legacyXbrl:trustedStandardTaxonomy",
               "Per-concept checks: %(checked)s concepts of the filing's own documents checked, %(trusted)s of the "
               "standard taxonomy trusted", modelObject=model, checked=len(own), trusted=len(concepts) - len(own))


def validate_finally(val: Any, *args: Any, **kwargs: Any) -> None:
    model = val.modelXbrl
    full = getattr(model, _FULL_MAPPING, None)
    if full is None:
        return
    full.update(model.qnameConcepts)       # anything added while validating is kept
    model.qnameConcepts = full
    delattr(model, _FULL_MAPPING)


__pluginInfo__ = {
    "name": PLUGIN_NAME,
    "version": "1.0",
    "description": "Trusts the standard taxonomy in the per-concept and schema reference checks (base mode none).",
    "license": "Apache-2.0",
    "author": "legacy-xbrl",
    "copyright": "legacy-xbrl contributors",
    "ModelDocument.Discover": discover,
    "Validate.XBRL.Start": validate_start,
    "Validate.XBRL.Finally": validate_finally,
}
