"""Writers: facts to output files. Each output format is one module and one line in WRITERS."""
from __future__ import annotations

from typing import Callable

from converter.model import FactSet, Statement
from converter.writers.extension import render_calculation, render_labels, render_presentation, render_schema
from converter.writers.facts_table import FILE_NAME as FACTS_TABLE, render_facts_table
from converter.writers.inline import render_inline
from converter.writers.instance import render_instance
from converter.writers.naming import OutputNames
from converter.writers.oim import OIM_FORMATS
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

TableWriter = Callable[[FactSet, list[Statement], str], str]     # facts, statements, output folder's name

# Tables of the facts for data teams, written beside report.json whatever --format says: like report.json, they
# need the statements (a fact's statement kind and verdict), which the XBRL writers never see.
TABLES: dict[str, tuple[str, TableWriter]] = {
    "facts": (FACTS_TABLE, render_facts_table),
}

# The documents that hold facts (what Arelle is pointed at); every format writes the extension taxonomy too.
ENTRY_POINTS = ("instance", "inline")
# --format's words -> the outputs they ask for. xBRL-JSON and xBRL-CSV (writers.oim) are saved by Arelle from the
# validated instance, so they bring it with them.
FORMATS: dict[str, tuple[str, ...]] = {"both": ("instance", "inline"), "instance": ("instance",),
                                       "inline": ("inline",), "json": ("instance", "json"), "csv": ("instance", "csv")}


def chosen_formats(output_format: str) -> tuple[str, ...]:
    """'both', 'instance,csv', 'inline,json,csv' ... -> the outputs, in the order of ENTRY_POINTS then OIM_FORMATS.
    Raises ValueError naming a word that is not a format."""
    words = [word.strip() for word in output_format.split(",") if word.strip()]
    unknown = [word for word in words if word not in FORMATS]
    if unknown or not words:
        raise ValueError(f"{output_format!r}: not a format: choose from {', '.join(FORMATS)}, joined by commas")
    wanted = {output for word in words for output in FORMATS[word]}
    return tuple(name for name in (*ENTRY_POINTS, *OIM_FORMATS) if name in wanted)


def output_names(stem: str, source_name: str, output_format: str = "both") -> OutputNames:
    """The rendered outputs' file names (OIM files, which Arelle saves, are named by writers.oim)."""
    formats = chosen_formats(output_format)
    chosen = [name for name in WRITERS if name not in ENTRY_POINTS or name in formats]
    return OutputNames(source_name, {name: WRITERS[name][0].format(stem=stem) for name in chosen})


def render_output(name: str, facts: FactSet, names: OutputNames, options: WriterOptions) -> str:
    """One output's text. The writer options concern only the inline document's look, so only it takes them."""
    if name == "inline":
        return render_inline(facts, names, options)
    return WRITERS[name][1](facts, names)
