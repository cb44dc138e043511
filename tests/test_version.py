"""One version everywhere: pyproject.toml (the wheel, the bundle's Windows version resource), planner.__version__
(`--version`, Help > About) and the installed metadata."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

import planner
from planner.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_versions_agree():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert planner.__version__ == declared == version("cycle-planner")


def test_cli_prints_its_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.split() == ["planner", planner.__version__]
