"""Taxonomy knowledge read from the taxonomy packages themselves: concept types, period types, balances."""
from converter.taxonomy.concepts import Concept, Taxonomy, load_taxonomy
from converter.taxonomy.packages import find_packages

__all__ = ["Concept", "Taxonomy", "load_taxonomy", "find_packages"]
