"""An Arelle plugin: the per-concept checks of XBRL 2.1 validation see only the filing's own (extension) concepts.

`ValidateXbrl.validate` checks every concept of the DTS one by one (period type, balance, item type, enumeration
domains, typed dimensions): some 18,000 us-gaap, srt and dei concepts per instance, 1.5 to 1.9 s each time,
although their answers depend only on the standard taxonomy's own declarations, which never change between
filings. With `--baseTaxonomyValidation none` Arelle already trusts those documents' element declarations
(`ValidateXbrlDTS` checks only the documents it takes for the filing's own: beside the entry document or in its
package); this plugin extends the same trust to the concept loop, and to nothing else.

How: on `Validate.XBRL.Start` the model's `qnameConcepts` is replaced by a copy whose `values()` (what the concept
loop iterates, and nothing else in validation does) yields only the concepts of the filing's own documents, while
every lookup by name (facts, contexts, dimensions, calculation and presentation arcs) still finds all of them;
`Validate.XBRL.Finally`, which Arelle calls right after that loop, puts the full mapping back.

Only Arelle versions this was tested on are changed (TESTED_ARELLE_VERSIONS): on any other the hooks do nothing,
so validation is complete there, only slower. Arelle loads this file by its path, as a top-level module, so it
imports nothing from the converter package."""
from __future__ import annotations

from typing import Any, Iterator

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


def filings_own_concepts(val: Any, concepts: dict) -> list:
    """The concepts of the documents Arelle itself takes for the filing's own (beside the entry document or in
    its package: the test base-taxonomy mode 'none' goes by); a concept declared anywhere else is the standard
    taxonomy's. A concept without a document is kept, to be checked."""
    from arelle.ValidateXbrlDTS import _isExtensionTaxonomyDocument

    own_document: dict[int, bool] = {}       # a few documents hold all the concepts: judge each once
    kept = []
    for concept in concepts.values():
        document = concept.modelDocument
        if document is None:
            kept.append(concept)
            continue
        if id(document) not in own_document:
            own_document[id(document)] = _isExtensionTaxonomyDocument(val, document)
        if own_document[id(document)]:
            kept.append(concept)
    return kept


def validate_start(val: Any, parameters: Any = None, *args: Any, **kwargs: Any) -> None:
    model = val.modelXbrl
    if not supported() or model.modelManager.baseTaxonomyValidationMode.value != "none":
        return      # the standard taxonomy is trusted only where Arelle trusts its declarations too
    concepts = model.qnameConcepts
    own = filings_own_concepts(val, concepts)
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
    "description": "Trusts the standard taxonomy's concepts in the per-concept checks (base taxonomy mode none).",
    "license": "Apache-2.0",
    "author": "legacy-xbrl",
    "copyright": "legacy-xbrl contributors",
    "Validate.XBRL.Start": validate_start,
    "Validate.XBRL.Finally": validate_finally,
}
