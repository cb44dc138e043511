"""Help > About: version, database location and engine, accounts, audit state."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from planner import __version__
from planner.gui.about import about_html
from planner.gui.main_window import MainWindow
from planner.gui.settings import Settings
from planner.store.about import DatabaseFacts
from tests.gui.shell_helpers import TODAY


def test_text_of_a_healthy_database():
    html = about_html(DatabaseFacts("/data/ward <1>.sqlite3", "SQLite", False, ()))
    assert __version__ in html
    assert "/data/ward &lt;1&gt;.sqlite3" in html  # escaped: a path is not markup
    assert "SQLite" in html
    assert "off (single-user)" in html
    assert "no problems" in html


def test_text_lists_the_problems_of_the_check():
    html = about_html(DatabaseFacts("postgresql://nurse:***@db/ward", "PostgreSQL", True,
                                    ("Schema version is 0002, this program expects 0004.",)))
    assert "PostgreSQL" in html and "postgresql://nurse:***@db/ward" in html
    assert "found problems (1)" in html and "<li>Schema version is 0002" in html
    assert "off (single-user)" not in html


def test_text_before_the_database_is_open():
    assert "not open" in about_html(None)


@pytest.mark.slow
def test_help_about_shows_the_open_database(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.open_database(tmp_path / "ward.sqlite3")
    qtbot.waitUntil(lambda: window.store is not None, timeout=15000)
    window.menu_actions.about.trigger()
    assert len(shown) == 1
    assert str((tmp_path / "ward.sqlite3").resolve()) in shown[0]
    assert "SQLite" in shown[0] and "off (single-user)" in shown[0] and "no problems" in shown[0]
    window.close()
