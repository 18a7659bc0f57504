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


@lru_cache(maxsize=None)
def read_csv(name: str) -> tuple[tuple[int, dict[str, str]], ...]:
    """(line number, row) for each row that is not a '#' comment."""
    path = maps_dir() / name
    try:
        with open(path, newline="") as handle:
            lines = [(n, line) for n, line in enumerate(handle, start=1) if line.strip() and not line.lstrip().startswith("#")]
    except OSError as error:
        raise MapsError(f"{path}: cannot be read ({error.strerror})") from None
    header = next(csv.reader([lines[0][1]])) if lines else []
    rows = []
    for number, line in lines[1:]:
        values = [cell.strip() for cell in next(csv.reader([line]))]
        rows.append((number, dict(zip(header, values + [""] * (len(header) - len(values))))))
    return tuple(rows)


def compile_pattern(pattern: str, origin: str, flags: int = re.I) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise MapsError(f"{origin}: the regular expression does not compile ({error})") from None


def clear_caches() -> None:
    """Forget what was read, so that a changed LEGACY_XBRL_MAPS takes effect (tests, long-lived workers)."""
    read_toml.cache_clear()
    read_csv.cache_clear()
