"""Fact-level golden files for the filings of ../shared/corpus_raw: what each conversion writes, one line per fact
(concept, period, dimensions, unit, decimals, value), so that a re-layout or a fix shows exactly which facts it
changed. The files hold facts derived from the corpus, never the corpus itself."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from converter.model import ConversionError
from converter.pipeline import ConvertOptions, convert

HEADER = "# concept\tperiod\tdimensions\tunit\tdecimals\tvalue"


def golden_name(relative_path: str) -> str:
    """'haoweichan-sec-10k-extract/ba-2003/filing.htm' -> 'haoweichan-sec-10k-extract__ba-2003__filing.htm.tsv'."""
    return relative_path.replace("/", "__") + ".tsv"


def fact_lines(path: Path) -> list[str]:
    """The facts one conversion writes (no validation), as sorted golden lines; a refusal is one line too."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            report = convert(path, Path(folder) / "out", ConvertOptions(validate=False)).report
        except ConversionError as error:
            return [f"# refused: {str(error).split(': ', 1)[-1]}"]
    lines = {"\t".join([fact["concept"], fact["period"], json.dumps(fact.get("dimensions") or {}, sort_keys=True),
                        fact.get("unit") or "", str(fact.get("decimals", "")), fact["value"]])
             for fact in report["fact_list"]}
    return sorted(lines)


def corpus_entries(corpus: Path) -> list[str]:
    with open(corpus / "INDEX.tsv", newline="") as handle:
        return [row["path"] for row in csv.DictReader(handle, delimiter="\t")]


def convert_corpus(corpus: Path, jobs: int | None = None) -> dict[str, list[str]]:
    """Golden file name -> its lines, for every filing of the corpus index."""
    paths = corpus_entries(corpus)
    with ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        results = pool.map(fact_lines, [corpus / p for p in paths])
        return {golden_name(p): [HEADER, *lines] for p, lines in zip(paths, results)}
