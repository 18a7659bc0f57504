"""The file names of one conversion's outputs, which the outputs use to refer to each other."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputNames:
    source_name: str             # the input file, named in each output's header comment
    files: dict[str, str]        # output name ("instance", "schema", ...) -> file name
