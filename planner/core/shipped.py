"""Where the planner's shipped data files are: `planner.resources` (regimens, translations, fonts, icons).

One place for every reader (regimen loader, catalogs, PDF fonts, the window's icons and .qm files). Every
install this package supports (wheel, editable, the one-folder bundle) keeps them as real files, so a plain
path serves; it is found from the import system's record of the package, which costs nothing at start-up
(importlib.resources costs the window's first paint milliseconds on its first use).
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def shipped_folder() -> Path:
    spec = find_spec("planner.resources")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        raise FileNotFoundError("planner.resources is not installed with the planner")
    return Path(locations[0])


def shipped_file(*parts: str) -> Path:
    """`shipped_file("regimens", "x.toml")`: a path inside planner.resources (it may not exist)."""
    return shipped_folder().joinpath(*parts)
