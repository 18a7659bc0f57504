"""Writers: facts to output files. Each output format is one module and one line in WRITERS."""
from __future__ import annotations

from typing import Callable

from converter.model import FactSet
from converter.writers.extension import render_calculation, render_labels, render_presentation, render_schema
from converter.writers.inline import render_inline
from converter.writers.instance import render_instance
from converter.writers.naming import OutputNames
from converter.writers.options import WriterOptions

Writer = Callable[[FactSet, OutputNames], str]

# output name -> (file name pattern, renderer)
WRITERS: dict[str, tuple[str, Writer]] = {
    "instance": ("{stem}.xml", render_instance),
    "inline": ("{stem}.xhtml", render_inline),
    "schema": ("{stem}.xsd", render_schema),
    "labels": ("{stem}_lab.xml", render_labels),
    "presentation": ("{stem}_pre.xml", render_presentation),
    "calculation": ("{stem}_cal.xml", render_calculation),
}

# The documents that hold facts (what Arelle is pointed at); every format writes the extension taxonomy too.
ENTRY_POINTS = ("instance", "inline")
FORMATS: dict[str, tuple[str, ...]] = {"both": ("instance", "inline"), "instance": ("instance",),
                                       "inline": ("inline",)}


def output_names(stem: str, source_name: str, output_format: str = "both") -> OutputNames:
    chosen = [name for name in WRITERS if name not in ENTRY_POINTS or name in FORMATS[output_format]]
    return OutputNames(source_name, {name: WRITERS[name][0].format(stem=stem) for name in chosen})


def render_output(name: str, facts: FactSet, names: OutputNames, options: WriterOptions) -> str:
    """One output's text. The writer options concern only the inline document's look, so only it takes them."""
    if name == "inline":
        return render_inline(facts, names, options)
    return WRITERS[name][1](facts, names)
