"""Arelle's interactive iXBRL viewer (PyPI ixbrl-viewer) around the inline document, offline: the viewer's own
script, shipped in the package, is copied beside the page, so a reviewer can click any figure and see its
concept, period and label with no network."""
from __future__ import annotations

from pathlib import Path

from converter.validate import ArelleLog, arelle_options, arelle_session


SCRIPT_NAME = "ixbrlviewer.js"    # the name the plugin copies its script under, beside the page
# The viewer's features, as its command-line options name them: it opens with every tagged fact highlighted, so a
# reviewer sees at once what was tagged and what was not (the viewer's own default is off).
FEATURES = {"viewer_feature_highlight_facts_on_startup": True}


def write_viewer(inline: Path, destination: Path, packages: list[Path], online: bool = False) -> list[str]:
    """Writes `destination` (an .html page) and ixbrlviewer.js beside it; returns Arelle's errors, if any."""
    import iXBRLViewerPlugin

    options = arelle_options(inline, packages, online, plugins=iXBRLViewerPlugin.load_plugin_url(),
                             pluginOptions={"saveViewerDest": str(destination), "useStubViewer": False,
                                            **FEATURES})
    log = ArelleLog()
    with arelle_session() as session:
        session.run(options, logHandler=log)
    problems = [f"[{code}] {message}" for level, code, message in log.records
                if level in ("ERROR", "CRITICAL") and not log.is_unavailable(code, message)]
    if not destination.exists() or not (destination.parent / SCRIPT_NAME).exists():
        problems.append(f"the viewer was not written ({destination.name}, {SCRIPT_NAME})")
    return problems
