"""The company extension taxonomy: a schema for the extension concepts and the statements' roles, with label,
presentation and calculation linkbases. The instance's DTS starts here, so its calculation linkbase (the sums the
statements print) is what Arelle's calculation check runs on."""
from __future__ import annotations

from converter import __version__
from converter.model import FactSet
from converter.writers.naming import OutputNames
from converter.writers.templating import render

LINKBASES = (("label", "labels"), ("presentation", "presentation"), ("calculation", "calculation"))


def render_schema(facts: FactSet, names: OutputNames) -> str:
    return render("extension.xsd.j2", **_context(facts, names),
                  linkbases=[(role, names.files[output]) for role, output in LINKBASES],
                  imports=[(facts.namespaces[prefix], url) for prefix, url in facts.schema_urls.items()])


def render_labels(facts: FactSet, names: OutputNames) -> str:
    return render("labels.xml.j2", **_context(facts, names))


def render_presentation(facts: FactSet, names: OutputNames) -> str:
    return render("presentation.xml.j2", **_context(facts, names))


def render_calculation(facts: FactSet, names: OutputNames) -> str:
    return render("calculation.xml.j2", **_context(facts, names))


def _context(facts: FactSet, names: OutputNames) -> dict:
    assert facts.extension is not None
    schema = names.files["schema"]
    role_base = facts.extension.namespace + ":role:"
    return {"version": __version__, "source_name": names.source_name, "extension": facts.extension,
            "networks": facts.networks, "schema": schema, "hrefs": _hrefs(facts, schema),
            "locators": _locator_labels(facts),
            "role_uris": {n.role_id: role_base + n.role_id for n in facts.networks}}


def _locator_labels(facts: FactSet) -> dict[str, str]:
    """The xlink:label of each concept's locator ('us-gaap_Revenues'), made once per concept rather than by a
    template filter at every locator and arc that names it."""
    qnames = {qname for network in facts.networks for summation in network.summations
              for qname in (summation.total, summation.item)}
    qnames.update(qname for network in facts.networks for qname in network.concepts)
    return {qname: qname.replace(":", "_") for qname in qnames}


def _hrefs(facts: FactSet, schema: str) -> dict[str, str]:
    """Locator targets for every concept the networks name: official schema URLs, or the extension schema."""
    hrefs = {}
    for network in facts.networks:
        for qname in [network.root, *network.concepts]:
            prefix, _, name = qname.partition(":")
            base = schema if prefix == facts.extension.prefix else facts.schema_urls[prefix]
            hrefs[qname] = f"{base}#{prefix}_{name}"
    return hrefs
