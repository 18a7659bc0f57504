"""Every corpus filing's facts, held against tests/golden/corpus/ (see tests/corpus_golden.py). A change that moves
any fact of any filing fails here with the filings and facts it changed; `pytest --regen-golden` rewrites the files,
and the diff is then reviewed fact by fact before it is committed."""
from __future__ import annotations

import pytest

from tests.conftest import GOLDEN, SHARED
from tests.corpus_golden import convert_corpus

CORPUS = SHARED / "corpus_raw"
CORPUS_GOLDEN = GOLDEN / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "INDEX.tsv").exists(),
                                reason="../shared/corpus_raw is absent: the corpus golden facts need it")


def test_corpus_facts_equal_the_golden_files(request, taxonomy_packages):
    converted = convert_corpus(CORPUS)
    if request.config.getoption("--regen-golden"):
        CORPUS_GOLDEN.mkdir(parents=True, exist_ok=True)
        for stale in set(p.name for p in CORPUS_GOLDEN.glob("*.tsv")) - set(converted):
            (CORPUS_GOLDEN / stale).unlink()
        for name, lines in converted.items():
            (CORPUS_GOLDEN / name).write_text("\n".join(lines) + "\n")
    changed = []
    for name, lines in converted.items():
        path = CORPUS_GOLDEN / name
        expected = path.read_text().splitlines() if path.exists() else []
        missing, extra = sorted(set(expected) - set(lines)), sorted(set(lines) - set(expected))
        if missing or extra:
            changed.append(f"{name}: {len(missing)} missing {missing[:2]}, {len(extra)} unexpected {extra[:2]}")
    assert not changed, f"{len(changed)} filing(s) changed:\n" + "\n".join(changed[:20])
