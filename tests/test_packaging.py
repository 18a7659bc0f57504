"""The built wheel is complete: installed (not editable) into a fresh virtual environment, it converts the seed from
a folder that is not the checkout, so the mapping data and templates must come from the package itself."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import ROOT, SEED


def _run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=True, timeout=600,
                          **kwargs)


def test_wheel_installed_elsewhere_converts_the_seed(tmp_path, taxonomy_packages):
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path / "dist",
         ROOT)
    wheel = next((tmp_path / "dist").glob("legacy_xbrl-*.whl"))
    venv = tmp_path / "fresh"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    fresh_site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    # The dependencies (Arelle, lxml, ...) come from this environment's site-packages, added after the fresh one's;
    # a path added by a .pth file has its own .pth files ignored, so this checkout's editable install stays out.
    (fresh_site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "LEGACY_XBRL_TAXONOMY_PACKAGES": os.pathsep.join(map(str, taxonomy_packages))}
    for variable in ("LEGACY_XBRL_MAPS", "LEGACY_XBRL_TEMPLATES", "PYTHONPATH"):
        env.pop(variable, None)
    located = _run(python, "-c", "import converter; print(converter.__file__)", cwd=elsewhere, env=env).stdout
    assert Path(located.strip()).is_relative_to(venv), located
    _run(venv / "bin" / "legacy-xbrl", "convert", SEED, "-o", elsewhere / "out", "--no-validate", cwd=elsewhere,
         env=env)
    report = json.loads((elsewhere / "out" / "report.json").read_text())
    assert report["facts"] == 114
    assert {"out.xml", "out.xhtml", "out.xsd"} <= set(report["outputs"].values())
    assert all((elsewhere / "out" / name).is_file() for name in report["outputs"].values())
