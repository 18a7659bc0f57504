"""xBRL-JSON and xBRL-CSV, the XBRL Open Information Model's formats, saved by Arelle's saveLoadableOIM plugin
from the validated instance: the reference processor serialises OIM, not this project. The pipeline hands this
module Arelle's model of the instance in the session that validated it, and then loads every file written back
through Arelle's OIM loader (converter.validate.load_oim_documents), which must read the instance's facts
exactly."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAVE_PLUGIN = "saveLoadableOIM"
_SAVE_HOOK = "SaveLoadableOim.Save"


@dataclass(frozen=True)
class OimFormat:
    entry: str                       # the file an OIM reader opens: xBRL-JSON's document, xBRL-CSV's metadata
    saved_as: str                    # the name given to the plugin, which derives xBRL-CSV's file names from it
    # files the entry names beside it, by the name report.json's outputs give them (xBRL-CSV's facts table)
    companions: tuple[tuple[str, str], ...] = ()

    def files(self, name: str, stem: str) -> dict[str, str]:
        """As report.json's outputs list them: the entry under the format's name, then its companions."""
        return {name: self.entry.format(stem=stem),
                **{key: pattern.format(stem=stem) for key, pattern in self.companions}}


# format name (as --format takes it) -> its files
OIM_FORMATS: dict[str, OimFormat] = {
    "json": OimFormat("{stem}.json", "{stem}.json"),
    "csv": OimFormat("{stem}-metadata.json", "{stem}.csv", (("csv_facts", "{stem}-facts.csv"),)),
}


def save_oim(model: Any, folder: Path, stem: str, formats: list[str]) -> list[str]:
    """Each format's files in `folder`, beside the instance: an OIM file names the taxonomy by the relative
    path the instance does (<stem>.xsd), so it must stand where the instance stands. Returns what could not be
    saved, one line each (the round trip then reports the file as not written)."""
    from arelle import PluginManager

    savers = list(PluginManager.pluginClassMethods(_SAVE_HOOK))
    if not savers:
        return [f"Arelle's {SAVE_PLUGIN} plugin is not loaded: {', '.join(formats)} not saved"]
    problems = []
    for name in formats:
        target = folder / OIM_FORMATS[name].saved_as.format(stem=stem)
        try:
            savers[0](model, str(target))
        except Exception as error:  # Arelle's own failure: one line in the verdict, not a traceback
            problems.append(f"{target.name}: Arelle could not save it: {type(error).__name__}: {error}")
    return problems
