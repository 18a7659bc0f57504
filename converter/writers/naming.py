"""The file names of one conversion's outputs, which the outputs use to refer to each other."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputNames:
    source_name: str             # the input file, named in each output's header comment
    files: dict[str, str]        # output name ("instance", "schema", ...) -> file name


def fact_id(position: int) -> str:
    """The id of the fact at `position` (0-based) of FactSet.facts: its ix element's id in the inline document,
    and its `id` in report.json, so a reviewer can go from one to the other."""
    return f"f{position + 1}"
