"""The us-gaap statement networks (the package's stm/ folder): which concepts each statement presents, and the
summations its calculation networks define. Used to restrict label candidates by statement kind and to confirm the
sums a statement prints."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from lxml import etree

from converter.taxonomy.packages import PackageResolver

STM_FOLDER = "https://xbrl.fasb.org/us-gaap/{year}/stm/"
_LINK = "{http://www.xbrl.org/2003/linkbase}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_NETWORK_FILE = re.compile(r"us-gaap-stm-(?P<code>[a-z]+)(?:-[a-z]+)?\d?-(?P<linkbase>pre|cal)-\d{4}\.xml$")


@dataclass
class StatementNetworks:
    members: dict[str, set[str]] = field(default_factory=dict)         # 'sfp', 'soi', ... -> concept qnames
    summations: dict[tuple[str, str], int] = field(default_factory=dict)  # (total, item) -> weight

    def presents(self, codes: tuple[str, ...], qname: str) -> bool:
        return any(qname in self.members.get(code, ()) for code in codes)


def load_networks(resolver: PackageResolver, year: int) -> StatementNetworks:
    networks = StatementNetworks()
    folder = STM_FOLDER.format(year=year)
    for url in resolver.list(folder):
        match = _NETWORK_FILE.search(posixpath.basename(url))
        content = resolver.read(url) if match else None
        if content is None:
            continue
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
        if match["linkbase"] == "pre":
            networks.members.setdefault(match["code"], set()).update(_located_concepts(root))
        else:
            networks.summations.update(_summations(root))
    return networks


def _located_concepts(root: etree._Element) -> set[str]:
    return {_qname(loc.get(f"{_XLINK}href", "")) for loc in root.iter(f"{_LINK}loc")}


def _summations(root: etree._Element) -> dict[tuple[str, str], int]:
    found = {}
    for link in root.iter(f"{_LINK}calculationLink"):
        labels = {loc.get(f"{_XLINK}label"): _qname(loc.get(f"{_XLINK}href", "")) for loc in link.iter(f"{_LINK}loc")}
        for arc in link.iter(f"{_LINK}calculationArc"):
            total, item = labels.get(arc.get(f"{_XLINK}from")), labels.get(arc.get(f"{_XLINK}to"))
            if total and item:
                found[(total, item)] = 1 if float(arc.get("weight", "1")) > 0 else -1
    return found


def _qname(href: str) -> str:
    """'../elts/us-gaap-2024.xsd#us-gaap_Assets' -> 'us-gaap:Assets'."""
    prefix, _, name = href.rpartition("#")[2].partition("_")
    return f"{prefix}:{name}"
