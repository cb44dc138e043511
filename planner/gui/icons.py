"""Toolbar and menu icons: small SVG files shipped in planner.resources/icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from planner.core.shipped import shipped_file


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`; a missing file is a packaging error, so it raises."""
    entry = shipped_file("icons", f"{name}.svg")
    if not entry.is_file():
        raise FileNotFoundError(f"icon {name!r} is not shipped in planner.resources/icons")
    return QIcon(str(entry))
