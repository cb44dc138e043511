"""Shared test set-up: Qt runs offscreen, and no test touches a real user profile or database."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_profile(tmp_path, monkeypatch):
    """Preferences, the default database and the data folders all live under the test's tmp_path."""
    monkeypatch.setenv("PLANNER_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
