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


@pytest.fixture(autouse=True)
def _debug_internal_errors(monkeypatch):
    """The CLI's last-resort handler re-raises under PLANNER_DEBUG=1: a bug fails the test with its traceback
    instead of becoming `error: internal error (...)` and exit 70."""
    monkeypatch.setenv("PLANNER_DEBUG", "1")
