"""The one reader of taxonomy_maps/: every stage gets the mapping knowledge through here, parsed once per process,
and a file that cannot be used stops the run with one line naming the file, the line and the problem."""
from __future__ import annotations

import csv
import re
import tomllib
from functools import lru_cache
from typing import Any

from converter.model import ConversionError
from converter.resources import maps_dir


class MapsError(ConversionError):
    """taxonomy_maps/ (or the folder LEGACY_XBRL_MAPS names) holds a file the tool cannot use."""


def where(name: str, needle: str) -> str:
    """'taxonomy_maps/statements.toml:42': the first line of the file that holds `needle`, for messages."""
    path = maps_dir() / name
    try:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if needle in line:
                return f"{path}:{number}"
    except OSError:
        pass
    return str(path)


@lru_cache(maxsize=None)
def read_toml(name: str) -> dict[str, Any]:
    path = maps_dir() / name
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise MapsError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise MapsError(f"{path}: not valid TOML ({error})") from None


def compile_pattern(pattern: str, origin: str, flags: int = re.I) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise MapsError(f"{origin}: the regular expression does not compile ({error})") from None


@lru_cache(maxsize=None)
def read_table(name: str, columns: tuple[str, ...], delimiter: str = "\t") -> tuple[tuple[int, dict[str, str]], ...]:
    """A table of taxonomy_maps/ (tab-separated, or delimiter=',' for CSV; '#' lines are comments, the first other
    line names the columns): (line number, row) pairs; a missing column or a row of another length is an error
    naming the file and line."""
    path = maps_dir() / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise MapsError(f"{path}: cannot be read ({error.strerror})") from None
    numbered = [(n, cells) for n, line in enumerate(lines, start=1) if line.strip() and line[0] != "#"
                for cells in csv.reader([line], delimiter=delimiter)]
    if not numbered or not set(columns) <= set(numbered[0][1]):
        raise MapsError(f"{path}:{numbered[0][0] if numbered else 1}: the header must name the columns "
                        f"{', '.join(columns)}")
    header = numbered[0][1]
    rows = []
    for number, cells in numbered[1:]:
        if len(cells) != len(header):
            raise MapsError(f"{path}:{number}: {len(cells)} cells where the header names {len(header)}")
        rows.append((number, dict(zip(header, cells))))
    return tuple(rows)
