"""Locating taxonomy packages (Arelle-style zips with META-INF/catalog.xml) and resolving official URLs into them."""
from __future__ import annotations

import os
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from converter.model import ConversionError
from converter.resources import PROJECT_ROOT

ENV_VAR = "LEGACY_XBRL_TAXONOMY_PACKAGES"
DEFAULT_DIR = PROJECT_ROOT.parent / "shared" / "taxonomies"
_CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"


def find_packages(explicit: list[str] | None = None) -> list[Path]:
    """Packages named on the command line, else in the environment variable, else ../shared/taxonomies if present."""
    named = list(explicit or [])
    if not named and os.environ.get(ENV_VAR):
        named = [p for p in os.environ[ENV_VAR].split(os.pathsep) if p]
    if not named:
        return _zips_in(DEFAULT_DIR) if DEFAULT_DIR.is_dir() else []
    packages: list[Path] = []
    for name in named:
        path = Path(name).expanduser()
        if path.is_dir():
            packages.extend(_zips_in(path))
        elif path.is_file():
            packages.append(path)
        else:
            raise ConversionError(f"taxonomy package not found: {name}")
    return packages


def _zips_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.zip"))


@dataclass(frozen=True)
class _Rewrite:
    package: Path
    uri_start: str
    member_prefix: str


class PackageResolver:
    """Maps official taxonomy URLs to members of the packages, following each package's catalog rewrites."""

    def __init__(self, packages: list[Path]):
        self.rewrites: list[_Rewrite] = []
        for package in packages:
            self.rewrites.extend(_catalog_rewrites(package))

    def list(self, folder_url: str) -> list[str]:
        """The official URLs of the package members under folder_url (one level)."""
        urls = []
        for rewrite in self.rewrites:
            if folder_url.startswith(rewrite.uri_start):
                folder = posixpath.normpath(rewrite.member_prefix + folder_url[len(rewrite.uri_start):]) + "/"
                with zipfile.ZipFile(rewrite.package) as archive:
                    urls.extend(folder_url + name[len(folder):] for name in archive.namelist()
                                if name.startswith(folder) and "/" not in name[len(folder):] and name != folder)
        return sorted(set(urls))

    def read(self, url: str) -> bytes | None:
        for rewrite in self.rewrites:
            if url.startswith(rewrite.uri_start):
                member = posixpath.normpath(rewrite.member_prefix + url[len(rewrite.uri_start):])
                with zipfile.ZipFile(rewrite.package) as archive:
                    if member in archive.namelist():
                        return archive.read(member)
        return None


def _catalog_rewrites(package: Path) -> list[_Rewrite]:
    try:
        with zipfile.ZipFile(package) as archive:
            catalogs = [n for n in archive.namelist() if n.endswith("META-INF/catalog.xml")]
            rewrites = []
            for catalog in catalogs:
                root = etree.fromstring(archive.read(catalog), etree.XMLParser(resolve_entities=False, no_network=True))
                base = posixpath.dirname(catalog)
                for entry in root.iter(f"{_CATALOG_NS}rewriteURI"):
                    prefix = posixpath.normpath(posixpath.join(base, entry.get("rewritePrefix", ""))) + "/"
                    rewrites.append(_Rewrite(package, entry.get("uriStartString", ""), prefix))
            return rewrites
    except (zipfile.BadZipFile, OSError, etree.XMLSyntaxError) as error:
        raise ConversionError(f"unreadable taxonomy package {package}: {error}") from None
