"""The application starts, paints its window and quits, in a subprocess (a second QApplication in one
process would abort), on a fresh database and preferences under tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_app_starts_paints_and_quits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    database = tmp_path / "ward.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "planner.gui.app", "--quit-after-first-paint", "--database", str(database),
         "--settings", str(tmp_path / "settings.ini")],
        capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")
    assert "Traceback" not in result.stderr
    assert database.exists()  # the worker opened (created) it before the app quit
    assert oct(database.stat().st_mode & 0o777) == "0o600"


@pytest.mark.slow
def test_bad_today_option_exits_with_a_message(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "planner.gui.app", "--today", "05/01/2026", "--database", str(tmp_path / "d.db"),
         "--settings", str(tmp_path / "s.ini")],
        capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


@pytest.mark.slow
def test_without_options_the_default_database_is_opened(tmp_path):
    # The autouse fixture points $PLANNER_DATABASE and $PLANNER_SETTINGS into tmp_path: `make run`'s case.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "planner.gui.app", "--quit-after-first-paint"],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "default.sqlite3").exists()


def test_no_display_is_explained_not_aborted():
    from planner.gui.app import missing_display_problem

    assert "no display" in missing_display_problem(["cycle-planner"], env={})
    assert missing_display_problem(["cycle-planner"], env={"DISPLAY": ":0"}) == ""
    assert missing_display_problem(["cycle-planner"], env={"QT_QPA_PLATFORM": "offscreen"}) == ""
    assert missing_display_problem(["cycle-planner", "-platform", "offscreen"], env={}) == ""


def test_an_empty_database_option_is_refused_not_the_default() -> None:
    from planner.gui.app import parse_args

    with pytest.raises(SystemExit) as caught:
        parse_args(["cycle-planner", "--database", ""])
    assert caught.value.code == 2
    assert parse_args(["cycle-planner", "--database", "ward.sqlite3"]).database == "ward.sqlite3"


def test_the_window_paints_without_the_heavy_libraries(tmp_path):
    """Issue 14: start-up <= 1.5x a bare QMainWindow, so pandas, reportlab, SQLAlchemy and pyqtgraph are
    imported later (the database opens after the first paint; the forecast page when first shown)."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from planner.gui.main_window import MainWindow\n"
        "from planner.gui.settings import Settings\n"
        "window = MainWindow(Settings())\n"
        "window.show()\n"
        "window.repaint()\n"
        "app.processEvents()\n"
        "heavy = ('pandas', 'reportlab', 'sqlalchemy', 'alembic', 'pyqtgraph', 'numpy')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PLANNER_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                            check=True)
    assert result.stdout.strip().splitlines()[-1:] in ([], [""])
