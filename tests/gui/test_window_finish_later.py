"""The app paints its window before building what the first paint does not show (issue 14: launch to first
paint <= 1.5x a bare window); finish_setup() then makes the same window the eager constructor makes."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from planner.gui.main_window import PAGE_EMPTY, MainWindow
from planner.gui.settings import Settings
from planner.store import PatientStore
from tests.gui.shell_helpers import TODAY, add_patient


def _menus(win: MainWindow) -> list[tuple[str, list[str]]]:
    return [(action.text(), [a.text() for a in action.menu().actions()])
            for action in win.menuBar().actions() if isinstance(action.menu(), QMenu)]


def test_a_window_finished_later_is_the_window_built_at_once(qtbot, tmp_path):
    eager = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(eager)
    later = MainWindow(Settings(), today=TODAY, finish_later=True)
    qtbot.addWidget(later)
    later.show()
    qtbot.waitExposed(later)
    assert not hasattr(later, "patients") and not hasattr(later, "exports")  # not built for the first paint
    assert [a.text() for a in later.menuBar().actions()] == [a.text() for a in eager.menuBar().actions()]
    later.finish_setup()
    later.finish_setup()  # once only
    assert _menus(later) == _menus(eager)
    assert later.splitter.widget(0) is later.patients
    assert later.pages.widget(PAGE_EMPTY) is later.empty_state
    assert later.splitter.sizes()[0] > 0


def test_opening_a_database_finishes_the_window_first(qtbot, tmp_path):
    path = tmp_path / "ward.sqlite3"
    with PatientStore.open(path, actor="t") as store:
        add_patient(store)
    win = MainWindow(Settings(), today=TODAY, finish_later=True)
    qtbot.addWidget(win)
    win.show()
    win.menu_actions.find.trigger()  # before the list exists: nothing happens, nothing breaks
    win.open_database(path)
    qtbot.waitUntil(lambda: win.store is not None, timeout=15000)
    assert win.patients.model.total_count() == 1 and win.patients.isEnabled()
    win.menu_actions.find.trigger()
    assert win.patients.search.hasFocus() or not win.isActiveWindow()
    win.close()
