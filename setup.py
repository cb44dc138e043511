"""Packages are found automatically; `resources/` at the top of the repository is shipped as the
`planner.resources` package (with its data folders) so that an installed wheel finds the regimen
files, icons and translations. All other metadata is in pyproject.toml."""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCE_FOLDERS = sorted(p.name for p in Path(__file__).parent.joinpath("resources").iterdir()
                          if p.is_dir() and not p.name.startswith(("_", ".")))

setup(
    packages=[
        *find_packages(include=["planner", "planner.*"]),
        "planner.resources",
        *(f"planner.resources.{name}" for name in RESOURCE_FOLDERS),
    ],
    package_dir={"planner.resources": "resources"},
)
