from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.pipeline import ConvertOptions, convert
from converter.taxonomy import find_packages

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sonus-8k-2003-04-09.txt"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite the golden fact files from the current output (review the diff before committing)")


@pytest.fixture(scope="session")
def taxonomy_packages() -> list[Path]:
    packages = find_packages()
    if not packages:
        pytest.skip("no taxonomy packages: ../shared/taxonomies is absent and LEGACY_XBRL_TAXONOMY_PACKAGES is unset")
    return packages


@pytest.fixture(scope="session")
def seed_conversion(tmp_path_factory: pytest.TempPathFactory, taxonomy_packages: list[Path]):
    """The seed converted once with Arelle validation; many tests read its report and instance."""
    outdir = tmp_path_factory.mktemp("seed") / "sonus"
    return convert(SEED, outdir, ConvertOptions())


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare a list of facts with tests/golden/NAME.json; --regen-golden rewrites the file instead."""
    def check(name: str, facts: list[dict]) -> None:
        path = GOLDEN / f"{name}.json"
        ordered = sorted(facts, key=lambda f: json.dumps(f, sort_keys=True))
        if request.config.getoption("--regen-golden"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(ordered, indent=1, sort_keys=True) + "\n")
        expected = json.loads(path.read_text())
        missing = [f for f in expected if f not in ordered]
        extra = [f for f in ordered if f not in expected]
        assert not missing and not extra, f"golden {name}: missing {missing[:5]}, unexpected {extra[:5]}"
    return check
