"""Choices of how an output looks, where there are any; the facts written are the same either way."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WriterOptions:
    # The inline document marks each tagged figure (a light tint and dotted underline) so a reader sees what was
    # tagged; False gives a faithful copy of the filing's look (--plain-inline).
    mark_tagged: bool = True
