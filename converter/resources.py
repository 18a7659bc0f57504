"""Where the project's own data lives: mapping data and output templates, overridable for installed copies.

In a checkout they are the top-level folders `taxonomy_maps/` and `templates/`; an installed wheel carries them
inside the package (pyproject.toml maps them there), beside this file."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


def _shipped(name: str) -> Path:
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PROJECT_ROOT / name


def maps_dir() -> Path:
    return Path(os.environ.get("LEGACY_XBRL_MAPS") or _shipped("taxonomy_maps"))


def templates_dir() -> Path:
    return Path(os.environ.get("LEGACY_XBRL_TEMPLATES") or _shipped("templates"))
