"""Where the project's own data lives: mapping data and output templates, overridable for installed copies."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def maps_dir() -> Path:
    return Path(os.environ.get("LEGACY_XBRL_MAPS", PROJECT_ROOT / "taxonomy_maps"))


def templates_dir() -> Path:
    return Path(os.environ.get("LEGACY_XBRL_TEMPLATES", PROJECT_ROOT / "templates"))
