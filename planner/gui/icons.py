"""Toolbar and menu icons: small SVG files shipped in planner.resources/icons."""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resource_folder() -> Path:
    """Where planner.resources (icons, translations, fonts, regimens) is: every install this package supports
    (wheel, editable, the one-folder bundle) keeps its files as real files. Found from the import system's
    record rather than importlib.resources, whose first use costs the first paint milliseconds."""
    spec = find_spec("planner.resources")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        raise FileNotFoundError("planner.resources is not installed with the planner")
    return Path(locations[0])


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`; a missing file is a packaging error, so it raises."""
    entry = resource_folder() / "icons" / f"{name}.svg"
    if not entry.is_file():
        raise FileNotFoundError(f"icon {name!r} is not shipped in planner.resources/icons")
    return QIcon(str(entry))
