"""Writers: facts to output files. Each output format is one module and one line in WRITERS."""
from __future__ import annotations

from typing import Callable

from converter.model import FactSet
from converter.writers.instance import render_instance

Writer = Callable[[FactSet, str], str]

# output name -> (file name pattern, renderer); an inline XBRL writer is the next line here.
WRITERS: dict[str, tuple[str, Writer]] = {
    "instance": ("{stem}.xml", render_instance),
}
