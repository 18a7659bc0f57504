"""Writers: facts to output files. Each output format is one module and one line in WRITERS."""
from __future__ import annotations

from typing import Callable

from converter.model import FactSet
from converter.writers.extension import render_calculation, render_labels, render_presentation, render_schema
from converter.writers.instance import render_instance
from converter.writers.naming import OutputNames

Writer = Callable[[FactSet, OutputNames], str]

# output name -> (file name pattern, renderer)
WRITERS: dict[str, tuple[str, Writer]] = {
    "instance": ("{stem}.xml", render_instance),
    "schema": ("{stem}.xsd", render_schema),
    "labels": ("{stem}_lab.xml", render_labels),
    "presentation": ("{stem}_pre.xml", render_presentation),
    "calculation": ("{stem}_cal.xml", render_calculation),
}


def output_names(stem: str, source_name: str) -> OutputNames:
    return OutputNames(source_name, {name: pattern.format(stem=stem) for name, (pattern, _) in WRITERS.items()})
