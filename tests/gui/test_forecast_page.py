"""View > Ward forecast in the window (issue 14): built when first shown, Ctrl+4, counts from the store on
the worker thread; a double-clicked day writes that day's day list without asking for the day."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from planner.gui.export_actions import ExportActions
from planner.gui.main_window import PAGE_PATIENT
from tests.gui.shell_helpers import START, add_patient
from tests.gui.test_export_actions import SaveDialog, messages, pdf_text, window  # noqa: F401 - fixtures


def test_ward_forecast_page_counts_and_opens_a_day_list(qtbot, window, monkeypatch, tmp_path):  # noqa: F811
    add_patient(window.store)  # infusions on START, START + 21 d, ...
    add_patient(window.store, mrn="67890", name="Li Na", start=START + timedelta(days=21))
    action = window.forecast.action
    assert action.shortcut() == QKeySequence("Ctrl+4") and action in window.view_menu.actions()
    assert window.forecast.view is None  # nothing built (nor pandas imported) before it is shown
    window.forecast._ensure_view().first.setDate(START)  # the forecast from the first infusion on
    window.forecast.view.weeks.setValue(4)
    action.trigger()
    view = window.forecast.view
    assert window.pages.currentWidget() is view and window.forecast.showing()
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 28 and not window.runner.busy, timeout=20000)
    days = {model.row_date(r): r for r in range(model.rowCount())}
    assert model.index(days[START], 1).data() == "1"
    second = days[START + timedelta(days=21)]
    assert model.index(second, 1).data() == "2"  # cycle 2 of one, cycle 1 of the other
    assert "12345" in model.index(second, 5).data() and "67890" in model.index(second, 5).data()

    asked: list[object] = []
    monkeypatch.setattr(ExportActions, "ask_day", lambda self: asked.append(True))
    target = tmp_path / "day.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(str(target)))
    with qtbot.waitSignal(view.dayActivated):
        view.table.doubleClicked.emit(model.index(second, 0))
    qtbot.waitUntil(lambda: not window.exports._running and target.exists(), timeout=20000)
    assert asked == []  # the day came from the forecast
    _, text = pdf_text(target)
    assert "12345" in text and "67890" in text

    # Choosing a patient goes back to the patient pages.
    window.open_patient("12345")
    assert window.pages.currentWidget() is window.page and window.pages.indexOf(window.page) != -1
    assert window.pages.currentIndex() == window.pages.indexOf(window.page)
    assert window.pages.indexOf(view) == PAGE_PATIENT  # built first: the patient page came after it
