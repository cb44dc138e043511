"""Shared test set-up: Qt runs offscreen, and no test touches a real user profile or database."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The same regional settings on every machine: "auto" public holidays follow the computer's country, and a
# test must not see a developer's national holidays.
os.environ["LC_ALL"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _private_profile(tmp_path, monkeypatch):
    """Preferences, the default database and the data folders all live under the test's tmp_path."""
    monkeypatch.setenv("PLANNER_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
