"""The window on the ward's screens: 1366x768 (the smallest), 1280x1024 and 1920x1080.

The window is resized to what each screen leaves for it (taskbar and title bar taken off); every key part
must then keep a usable size, and the dose check must sit where it has room (a tab when narrow, a dock
when wide).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from planner.gui import screen_fit
from planner.gui.main_window import MainWindow
from planner.gui.models.patients_model import COL_CYCLE, COL_MRN, COL_NAME, COL_NEXT_DOSE, COL_REGIMEN, COL_STATUS
from planner.gui.settings import Settings
from tests.gui.shell_helpers import TODAY

# What is left of each screen for the window's inside: taskbar (40 px) and title bar (30 px) taken off.
SMALL = (1366, 768 - 70)
SQUARE = (1280, 1024 - 70)
WIDE = (1920, 1080 - 70)


def test_initial_geometry_fills_a_small_screen_and_stays_comfortable_on_a_large_one():
    rect, maximize = screen_fit.initial_geometry(QRect(0, 0, 1366, 728))
    assert maximize and rect == QRect(0, 0, 1366, 728)
    rect, maximize = screen_fit.initial_geometry(QRect(0, 0, 1920, 1040))
    assert not maximize and rect.width() == 1880 and rect.height() == 1000
    assert QRect(0, 0, 1920, 1040).contains(rect)


def test_remembered_geometry_from_a_larger_screen_is_brought_back_onto_this_one():
    fitted = screen_fit.fit_into(QRect(300, 200, 1880, 960), QRect(0, 0, 1366, 728))
    assert fitted == QRect(0, 0, 1366, 728)
    assert screen_fit.fit_into(QRect(10, 10, 800, 600), QRect(0, 0, 1366, 728)) == QRect(10, 10, 800, 600)


def test_dose_check_docks_only_on_a_wide_window():
    assert not screen_fit.dose_check_docked(1366) and not screen_fit.dose_check_docked(1280)
    assert screen_fit.dose_check_docked(1920)


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    win.show()
    win.open_database(tmp_path / "ward.sqlite3")
    qtbot.waitUntil(lambda: win.store is not None, timeout=15000)
    win.add_demo_patient()
    qtbot.waitUntil(lambda: win.patients.model.rowCount() == 1)
    yield win
    win.close()


def _resize(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("size", [SMALL, SQUARE, WIDE], ids=["1366x768", "1280x1024", "1920x1080"])
def test_every_part_keeps_a_usable_size(window, size):
    _resize(window, size)
    # Nothing forces the window beyond the screen.
    assert window.minimumSizeHint().width() <= size[0] and window.minimumSizeHint().height() <= size[1]
    assert (window.width(), window.height()) == size

    # Patient list: name, MRN, cycle, next dose and status all shown, none narrower than its text.
    table = window.patients.table
    metrics = table.fontMetrics()
    shown = [c for c in (COL_NAME, COL_MRN, COL_CYCLE, COL_NEXT_DOSE, COL_STATUS) if not table.isColumnHidden(c)]
    assert len(shown) == 5
    assert table.columnWidth(COL_NAME) >= metrics.horizontalAdvance("DEMO Wang Fang")
    assert table.columnWidth(COL_NEXT_DOSE) >= metrics.horizontalAdvance("2026-02-02")
    assert table.columnWidth(COL_STATUS) >= metrics.horizontalAdvance("On treatment")
    right_edge = max(table.columnViewportPosition(c) + table.columnWidth(c) for c in shown)
    assert right_edge <= table.viewport().width()  # no status cut off at the edge
    if table.isColumnHidden(COL_REGIMEN):
        assert "anlotinib-epirubicin" in table.model().index(0, COL_NAME).data(3)  # ToolTipRole

    # Calendar: at least one month with cells big enough for a drug chip, and the details beside it.
    window.tabs.setCurrentWidget(window.calendar)
    QApplication.processEvents()
    grid = window.calendar.month_grids()[0]
    cell = grid.cell_rect(TODAY)
    assert cell.width() >= 80 and cell.height() >= 60
    assert window.calendar._details_frame.width() >= 240

    # Cycles: the doses, cumulative dose and status whole in view without scrolling sideways, and the
    # warnings column (wrapping its text) in view too.
    window.tabs.setCurrentWidget(window.cycles)
    QApplication.processEvents()
    cycles = window.cycles.table
    model = window.cycles.model
    for column in (model.drug_column("epirubicin"), model.cumulative_column(), model.status_column()):
        assert not cycles.isColumnHidden(column)
        assert cycles.columnViewportPosition(column) + cycles.columnWidth(column) <= cycles.viewport().width()
    assert cycles.columnViewportPosition(model.warnings_column()) + 80 <= cycles.viewport().width()

    # Dose check: a dock (at least 420 px) on a wide window, a tab on a narrow one.
    panel = window.dose_panel
    window.show_dose_check()
    QApplication.processEvents()
    assert panel.isVisible()
    if window.dose_check_is_docked():
        assert window.dose_dock.isVisible() and window.tabs.indexOf(panel) < 0
    else:
        assert window.tabs.currentWidget() is panel and not window.dose_dock.isVisible()
    assert panel.width() >= 420 and panel.checked_edit.width() >= 100


def test_dose_check_moves_between_tab_and_dock_with_the_window(window):
    _resize(window, SMALL)
    assert not window.dose_check_is_docked() and window.tabs.indexOf(window.dose_panel) >= 0
    _resize(window, WIDE)
    assert window.dose_check_is_docked() and window.dose_dock.widget() is window.dose_panel
    assert window.tabs.indexOf(window.dose_panel) < 0 and window.dose_dock.isVisible()
    _resize(window, SMALL)
    assert window.tabs.indexOf(window.dose_panel) >= 0 and not window.dose_dock.isVisible()


def test_a_patient_with_every_warning_still_fits_the_smallest_screens(window, qtbot):
    """Warning badges, a long name and a long diagnosis must not force the window wider than 1280 px."""
    from datetime import date
    from decimal import Decimal

    from planner.core.plan import PlanSettings, PriorExposure
    from planner.store import PatientIdentity

    window.store.add_patient(
        PatientIdentity(name="Ouyang Xiaoling-Fitzgerald", mrn="MRN-2026-000123", dob=date(1959, 9, 30), sex="F",
                        diagnosis="Undifferentiated pleomorphic sarcoma of the left thigh with lung and liver "
                                  "metastases, after surgery and radiotherapy",
                        allergies="Penicillin, iodine contrast"),
        height_cm=Decimal(188), weight_kg=Decimal(118), measured_on=date(2026, 1, 30),
        regimen_id="anlotinib-epirubicin", start=date(2026, 1, 5),
        settings=PlanSettings(bsa_cap_m2=Decimal("2.0")), prior=(PriorExposure("doxorubicin", Decimal(400)),))
    window.refresh_list("MRN-2026-000123")
    qtbot.waitUntil(lambda: window.document is not None and window.document.mrn == "MRN-2026-000123")
    assert len(window.header.badge_texts()) >= 3
    for size in (SQUARE, SMALL):
        _resize(window, size)
        assert window.minimumSizeHint().width() <= size[0] and window.minimumSizeHint().height() <= size[1]
        assert (window.width(), window.height()) == size


# A 1280x720 screen: the smallest a ward laptop or projector gives.
HD_AVAILABLE = QRect(0, 0, 1280, 720 - 40)
HD = (1280, 720 - 70)


def test_a_dialog_is_shrunk_onto_a_1280x720_screen():
    from PySide6.QtCore import QSize

    rect = screen_fit.dialog_geometry(QSize(1000, 820), HD_AVAILABLE)
    border = screen_fit.DIALOG_FRAME.width() // 2
    outer = rect.adjusted(-border, border - screen_fit.DIALOG_FRAME.height(), border, border)  # frame and title
    assert HD_AVAILABLE.contains(outer)
    assert rect.width() == 1000 and rect.height() == 680 - screen_fit.DIALOG_FRAME.height()


def test_every_dialog_fits_a_1280x720_screen(window, qtbot):
    from planner.gui.dialogs.cycle_actions import DIALOGS
    from planner.gui.dialogs.patient_dialog import PatientDialog
    from planner.gui.dialogs.preferences_dialog import PreferencesDialog
    from planner.gui.dialogs.simple_dialogs import MarkGivenDialog

    qtbot.waitUntil(lambda: window.document is not None)
    plan = window.plan
    dialogs = [PatientDialog(window, today=TODAY), PreferencesDialog(window.settings, window),
               MarkGivenDialog(plan, 3, window.document.record.dose_checks, window, today=TODAY),
               *(dialog(plan, 3, window) for dialog in DIALOGS.values())]
    room = HD_AVAILABLE.height() - screen_fit.DIALOG_FRAME.height()
    for dialog in dialogs:
        assert dialog.minimumSizeHint().height() <= room, type(dialog).__name__
        assert dialog.minimumSizeHint().width() <= HD_AVAILABLE.width(), type(dialog).__name__
        dialog.deleteLater()


def test_the_print_preview_keeps_its_buttons_on_the_screen(window, qtbot, monkeypatch):
    from planner.gui.dialogs import print_preview

    qtbot.waitUntil(lambda: window.document is not None)
    monkeypatch.setattr(print_preview.PrintPreviewDialog, "_load", lambda self: None)  # no PDF needed here
    dialog = print_preview.PrintPreviewDialog(lambda kind: b"", window.runner, "A4", window)
    qtbot.addWidget(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.height() <= available.height() - screen_fit.DIALOG_FRAME.height()
    assert dialog.width() <= available.width()


@pytest.mark.parametrize("size", [HD, SMALL], ids=["1280x720", "1366x768"])
def test_the_warnings_column_is_visible_without_scrolling(window, qtbot, size):
    qtbot.waitUntil(lambda: window.document is not None)
    window.show_cycles()
    _resize(window, size)
    table = window.cycles.table
    column = window.cycles.model.warnings_column()
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    assert not table.isColumnHidden(column)
    assert table.columnViewportPosition(column) >= 0 and right <= table.viewport().width(), (
        right, table.viewport().width())


def test_the_cycles_columns_widen_again_when_the_window_grows(window, qtbot):
    qtbot.waitUntil(lambda: window.document is not None)
    window.show_cycles()
    dose = window.cycles.model.drug_column("epirubicin")
    _resize(window, HD)
    squeezed = window.cycles.table.columnWidth(dose)
    _resize(window, WIDE)
    assert window.cycles.table.columnWidth(dose) == window.cycles._widths[dose] >= squeezed
