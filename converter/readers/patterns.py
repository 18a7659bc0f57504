"""Text patterns both table readers share: printed numbers, years, and the phrases of column headers."""
from __future__ import annotations

import re

NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# A footnote mark printed after a figure: "1,234(a)", "1,234*", "1,234\u2020".
FOOTNOTE_MARK = r"(?:\s*(?:\([a-z]\)|\*+|\u2020|\u2021))?"
YEAR = re.compile(r"^(?:19|20)\d\d$")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")


def month_number(name: str) -> int | None:
    """'March', 'Mar.', 'MAR' -> 3."""
    prefix = name[:3].lower()
    return next((number for number, full in enumerate(MONTH_NAMES, start=1) if full.startswith(prefix)), None) \
        if len(prefix) == 3 else None
# Text in the label column of a header line that still describes the columns: "Years ended December 31
# (In millions)" over "1993  1992  1991".
COLUMN_PHRASE = re.compile(
    rf"\b(?:ended|ending|months?|weeks?|quarters?|years?|as of|in (?:thousands|millions|billions)|dollars|{MONTH})",
    re.I)
