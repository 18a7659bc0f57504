"""Concept metadata (type, period type, balance, abstract) from the taxonomy schemas."""
from __future__ import annotations

import urllib.request
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from converter.model import ConversionError
from converter.taxonomy.networks import StatementNetworks, load_networks
from converter.taxonomy.packages import PackageResolver

_XS = "{http://www.w3.org/2001/XMLSchema}"
_XBRLI = "{http://www.xbrl.org/2003/instance}"
US_GAAP_SCHEMA = "https://xbrl.fasb.org/us-gaap/{year}/elts/us-gaap-{year}.xsd"
DEI_SCHEMA = "https://xbrl.sec.gov/dei/{year}/dei-{year}.xsd"
SRT_SCHEMA = "https://xbrl.fasb.org/srt/{year}/elts/srt-{year}.xsd"    # axes such as ProductOrServiceAxis


@dataclass(frozen=True)
class Concept:
    prefix: str
    name: str
    type: str
    period_type: str
    balance: str | None
    abstract: bool

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"

    @property
    def is_monetary(self) -> bool:
        return self.type.endswith("monetaryItemType")

    @property
    def words(self) -> str:
        """The name as lower-case words: 'AccountsPayableCurrent' -> 'accounts payable current'."""
        return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", self.name)).lower()


@dataclass
class Taxonomy:
    concepts: dict[str, Concept]        # "us-gaap:Assets" -> Concept
    namespaces: dict[str, str]          # prefix -> namespace
    schema_urls: dict[str, str]         # prefix -> schema URL for the instance's schemaRef
    networks: StatementNetworks = field(default_factory=StatementNetworks)

    _presented: dict[tuple[str, ...], list[Concept]] = field(default_factory=dict, repr=False, compare=False)
    checked_rules: bool = field(default=False, repr=False, compare=False)    # concepts.csv's concepts all found

    def get(self, qname: str) -> Concept | None:
        return self.concepts.get(qname)

    def presented(self, codes: tuple[str, ...]) -> list[Concept]:
        """The non-abstract concepts these us-gaap statement networks present, found once per taxonomy (every
        filing a batch worker converts asks again)."""
        if codes not in self._presented:
            qnames = set().union(*(self.networks.members.get(code, set()) for code in codes))
            self._presented[codes] = [concept for qname in sorted(qnames)
                                      if (concept := self.concepts.get(qname)) is not None and not concept.abstract]
        return self._presented[codes]


def load_taxonomy(packages: list[Path], year: int = 2024, online: bool = False) -> Taxonomy:
    """The taxonomy knowledge, read once per process for the same packages (a batch worker converts many
    filings with it; mapping only reads it)."""
    identity = tuple((str(p.resolve()), p.stat().st_mtime_ns if p.exists() else 0) for p in packages)
    return _load_taxonomy(identity, year, online)


@lru_cache(maxsize=4)
def _load_taxonomy(identity: tuple[tuple[str, int], ...], year: int, online: bool) -> Taxonomy:
    packages = [Path(path) for path, _ in identity]
    resolver = PackageResolver(packages)
    taxonomy = Taxonomy({}, {}, {})
    for prefix, template in (("us-gaap", US_GAAP_SCHEMA), ("dei", DEI_SCHEMA), ("srt", SRT_SCHEMA)):
        url = template.format(year=year)
        content = resolver.read(url) or (_download(url) if online else None)
        if content is None:
            raise ConversionError(
                f"{url} is in none of the taxonomy packages ({len(packages)} given); pass --taxonomy-package, "
                f"set LEGACY_XBRL_TAXONOMY_PACKAGES, or allow downloads with --online")
        _add_schema(taxonomy, prefix, url, content)
    taxonomy.networks = load_networks(resolver, year)
    return taxonomy


def _add_schema(taxonomy: Taxonomy, prefix: str, url: str, content: bytes) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(content, parser)
    taxonomy.namespaces[prefix] = root.get("targetNamespace")
    taxonomy.schema_urls[prefix] = url
    for element in root.iterchildren(f"{_XS}element"):
        name = element.get("name")
        if name:
            taxonomy.concepts[f"{prefix}:{name}"] = Concept(
                prefix=prefix, name=name, type=element.get("type", ""),
                period_type=element.get(f"{_XBRLI}periodType", ""), balance=element.get(f"{_XBRLI}balance"),
                abstract=element.get("abstract") == "true")


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except OSError as error:
        raise ConversionError(f"could not download {url}: {error}") from None
