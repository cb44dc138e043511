"""Toolbar and menu icons: small SVG files shipped in planner.resources/icons."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`; a missing file is a packaging error, so it raises."""
    entry = resources.files("planner.resources") / "icons" / f"{name}.svg"
    if not entry.is_file():
        raise FileNotFoundError(f"icon {name!r} is not shipped in planner.resources/icons")
    # An installed wheel or editable install keeps resources as plain files, so the path is usable directly.
    return QIcon(str(entry))
