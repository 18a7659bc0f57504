"""Statements: tables to financial statements (kind, columns and periods, scale, rows and measures), and the sums
each prints. Later stages use what this face hands on, never the modules behind it."""
from converter.statements.build import build_statements
from converter.statements.periods import start_of_span
from converter.statements.scale import printed_power
from converter.statements.structure import Link, Sums, find_sums, section_above, unbalanced_totals

__all__ = ["Link", "Sums", "build_statements", "find_sums", "printed_power", "section_above", "start_of_span",
           "unbalanced_totals"]
