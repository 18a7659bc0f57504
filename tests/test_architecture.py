import shutil
import subprocess

import pytest

from tests.conftest import ROOT


def test_import_contract_keeps_dependencies_one_way():
    lint = shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
