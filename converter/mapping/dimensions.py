"""Which part of the company a line states, as the axis and member its facts' contexts name
(taxonomy_maps/dimensions.toml): a business segment's block of lines, or a component of equity whose changes a
statement of stockholders' equity prints as a section of its own."""
from __future__ import annotations

import re
from functools import lru_cache

from converter.mapping.labels import normalise_label
from converter.model import ColumnRole, Statement
from converter.text.maps import read_toml
from converter.text.profiles import profile
from converter.text.vocabulary import vocabulary


def _data() -> dict:
    return read_toml("dimensions.toml")


def axes() -> dict[str, str]:
    return _data()["axes"]


def component_total() -> str:
    """The concept a component's balances take with its member ('Balance at end of year' under 'Common Stock')."""
    return _data()["equity"]["component_total"]


@lru_cache(maxsize=1)
def _component_headings() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(entry["heading"]), entry["member"]) for entry in _data()["equity_component"])


def equity_components(statement: Statement) -> dict[int, str]:
    """Row -> the equity component member of the section it stands in: from a component's heading down to its
    closing balance, across the sub-headings between ('Retained earnings' ... 'Other comprehensive income:' ...
    'Balance, end of period')."""
    if not profile(statement.kind).roll_forward or any(c.role is ColumnRole.SEGMENT for c in statement.columns):
        return {}       # components printed across the columns: the lines down the page are no component's
    members: dict[int, str] = {}
    current = None
    for index, row in enumerate(statement.rows):
        if row.is_heading:
            heading = normalise_label(row.label)
            current = next((m for pattern, m in _component_headings() if pattern.search(heading)), current)
            continue
        if current:
            members[index] = current
        if vocabulary().structure["closing_balance"].search(row.label):
            current = None
    return members
