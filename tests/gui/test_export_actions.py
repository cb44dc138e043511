"""File > Export ... and Print from the main window: each export writes a file that reads back correctly, with the
save dialog replaced; a failed export shows the problem and leaves nothing; the preview shows every page and
printing to a PDF printer produces that many pages. No real viewer or printer dialog is ever opened."""

from __future__ import annotations

import errno
import io
import os
from datetime import date, timedelta

import pandas as pd
import pypdf
import pytest
from icalendar import Calendar
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.gui.dialogs.print_preview import PrintPreviewDialog
from planner.gui.export_actions import ExportActions
from planner.gui.export_jobs import DOSE_SHEET, PATIENT_CALENDAR, default_file_name
from planner.gui.main_window import MainWindow
from planner.gui.settings import Settings
from tests.gui.shell_helpers import START, TODAY, add_patient


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers `answer` and remembers what it was asked."""

    def __init__(self, answer: str, chosen_filter: str = "") -> None:
        self.answer = answer
        self.chosen_filter = chosen_filter
        self.asked: list[tuple[str, str, str]] = []

    def __call__(self, parent, title, start, filters):
        self.asked.append((title, start, filters))
        return self.answer, self.chosen_filter or filters.split(";;")[0]


@pytest.fixture
def messages(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture
def window(qtbot, tmp_path, messages):
    settings = Settings()
    settings.set("institution/name", "Riverside Cancer Centre")
    settings.set("institution/phone", "010-1234 5678")
    settings.set("print/paper_size", "Letter")
    win = MainWindow(settings, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    win.open_database(tmp_path / "ward.sqlite3")
    qtbot.waitUntil(lambda: win.store is not None, timeout=15000)
    opened: list[QUrl] = []
    win.exports.open_url = opened.append  # never a real viewer in a test
    win.opened_urls = opened
    yield win
    win.close()


@pytest.fixture
def patient_window(window):
    add_patient(window.store)
    window.open_patient("12345")
    assert window.document is not None
    return window


def export(qtbot, window, act, monkeypatch, answer, chosen_filter=""):
    dialog = SaveDialog(str(answer), chosen_filter)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    act.trigger()
    qtbot.waitUntil(lambda: not window.exports._running, timeout=20000)
    return dialog


def pdf_text(path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_file_menu_holds_the_exports_and_print_with_icons(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[-1] == "&Quit"
    for act in window.exports.all_actions:
        assert act.text() in texts and not act.icon().isNull()
    assert window.exports.print_action.shortcut() == QKeySequence("Ctrl+P")
    # Nothing to export until a patient is open; the day list needs only the database.
    assert not any(a.isEnabled() for a in window.exports.patient_actions)
    assert window.exports.day_list.isEnabled()


def test_patient_actions_follow_the_open_patient(patient_window):
    assert all(a.isEnabled() for a in patient_window.exports.patient_actions)
    patient_window.open_patient("")
    assert not any(a.isEnabled() for a in patient_window.exports.patient_actions)


def test_default_names_hold_the_mrn_and_date_never_the_name():
    assert default_file_name(PATIENT_CALENDAR, TODAY, "12345") == "patient-calendar_12345_2026-02-02.pdf"
    assert default_file_name("table", TODAY, "A/12 3", "csv") == "plan-table_A-12-3_2026-02-02.csv"
    assert default_file_name("day-list", START) == "day-list_2026-01-05.pdf"
    assert default_file_name("ics", START, "../..", "ics") == "treatment-calendar_patient_2026-01-05.ics"


def test_patient_calendar_pdf_is_written_and_opens_on_request(qtbot, patient_window, monkeypatch, tmp_path, messages):
    target = tmp_path / "calendar.pdf"
    dialog = export(qtbot, patient_window, patient_window.exports.patient_calendar, monkeypatch, target)
    _title, start, filters = dialog.asked[0]
    assert start.endswith("patient-calendar_12345_2026-02-02.pdf") and "Wang" not in start
    assert "*.pdf" in filters
    assert not messages
    pages, text = pdf_text(target)
    assert pages > 2
    assert "MRN 12345" in text and "Wang Fang" in text
    assert "Anlotinib 12 mg" in " ".join(text.split())  # the dose on the capsule days (wrapped in its cell)
    assert "Riverside Cancer Centre" in text and "010-1234 5678" in text  # from the preferences
    assert os.stat(target).st_mode & 0o777 == 0o600
    # Letter paper from the preferences (landscape calendar: 11 x 8.5 in).
    box = pypdf.PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)

    status = patient_window.statusBar().currentMessage()
    assert str(target) in status
    button = patient_window.exports.open_button
    assert button.isVisibleTo(patient_window) and "calendar.pdf" in button.text()
    assert patient_window.opened_urls == []  # opened only on request
    button.click()
    assert patient_window.opened_urls == [QUrl.fromLocalFile(str(target))]


def test_dose_sheet_pdf_holds_every_calculation(qtbot, patient_window, monkeypatch, tmp_path):
    target = tmp_path / "sheet"  # no suffix typed: the filter's is added
    export(qtbot, patient_window, patient_window.exports.dose_sheet, monkeypatch, target)
    written = tmp_path / "sheet.pdf"
    _, text = pdf_text(written)
    assert "12345" in text and "2 Jan 2026" in text  # MRN, date the baseline was measured
    assert "90 mg/m² x 1.82 m² =\n163.8 -> 164 mg" in text or "163.8 -> 164 mg" in text
    plan = patient_window.document.plan
    for cycle in plan.cycles:
        assert f"{cycle.start.day} {cycle.start:%b %Y}" in text


def test_day_list_asks_for_the_day_and_lists_everyone_due(qtbot, window, monkeypatch, tmp_path):
    add_patient(window.store)
    add_patient(window.store, mrn="67890", name="Li Na", start=START + timedelta(days=21))
    add_patient(window.store, mrn="55555", name="Zhao Lei", start=START + timedelta(days=3))  # not due that day
    asked: list[date] = []

    def ask_day(self):
        asked.append(self.window.today())
        return START + timedelta(days=21)  # cycle 2 day 1 of the first, cycle 1 day 1 of the second

    monkeypatch.setattr(ExportActions, "ask_day", ask_day)
    target = tmp_path / "day.pdf"
    dialog = export(qtbot, window, window.exports.day_list, monkeypatch, target)
    assert asked == [TODAY]
    assert dialog.asked[0][1].endswith("day-list_2026-01-26.pdf")
    _, text = pdf_text(target)
    assert "12345" in text and "67890" in text and "55555" not in text
    assert "164 mg" in text


def test_day_list_dialog_defaults_to_today(qtbot):
    from planner.gui.dialogs.day_list_dialog import DayListDialog

    dialog = DayListDialog(TODAY)
    qtbot.addWidget(dialog)
    assert dialog.chosen_date() == TODAY
    assert dialog.day.text() == "2026-02-02"
    dialog.day.setDate(dialog.day.date().addDays(1))
    assert dialog.chosen_date() == date(2026, 2, 3)
    assert "2026" in dialog.spelled.text() and "3" in dialog.spelled.text()


def test_ics_parses_back_with_the_plan_days(qtbot, patient_window, monkeypatch, tmp_path):
    target = tmp_path / "phone.ics"
    dialog = export(qtbot, patient_window, patient_window.exports.ics, monkeypatch, target)
    assert dialog.asked[0][1].endswith(".ics")
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    starts = [e.decoded("dtstart") for e in events]
    assert all(type(s) is date for s in starts)  # all-day events
    assert START in starts and START + timedelta(days=21) in starts
    # One event per date of the patient's plan, each with its own id: an update replaces every date.
    assert sorted(starts) == [d.date for d in patient_window.document.plan.days()]
    assert len({str(e.get("uid")) for e in events}) == len(events)
    assert b"Wang" not in target.read_bytes()


@pytest.mark.parametrize(("name", "chosen", "suffix"), [("plan.csv", "", "csv"), ("plan", "Excel", "xlsx")])
def test_plan_table_reads_back(qtbot, patient_window, monkeypatch, tmp_path, name, chosen, suffix):
    chosen_filter = "Excel workbook (*.xlsx)" if chosen else ""
    export(qtbot, patient_window, patient_window.exports.table, monkeypatch, tmp_path / name, chosen_filter)
    written = tmp_path / f"plan.{suffix}"
    frame = pd.read_csv(written) if suffix == "csv" else pd.read_excel(written)
    plan = patient_window.document.plan
    assert len(frame) == (plan.end - plan.start).days + 1
    assert str(frame["date"].iloc[0])[:10] == START.isoformat()


def test_a_full_disk_is_shown_and_leaves_nothing(qtbot, patient_window, monkeypatch, tmp_path, messages):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("planner.export.atomic.os.fsync", no_space)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "calendar.pdf"
    export(qtbot, patient_window, patient_window.exports.patient_calendar, monkeypatch, target)
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Export failed"
    assert str(target) in text and "disk is full" in text
    assert list(folder.iterdir()) == []  # no file, no temporary file
    assert not patient_window.exports.open_button.isVisibleTo(patient_window)
    assert all(a.isEnabled() for a in patient_window.exports.patient_actions)  # ready to try again


def test_a_missing_folder_is_named(qtbot, patient_window, monkeypatch, tmp_path, messages):
    target = tmp_path / "gone" / "plan.csv"
    export(qtbot, patient_window, patient_window.exports.table, monkeypatch, target)
    assert len(messages) == 1 and "does not exist" in messages[0][1] and str(target) in messages[0][1]
    assert not target.parent.exists()


def test_cancelled_save_dialog_writes_nothing(qtbot, patient_window, monkeypatch, tmp_path):
    export(qtbot, patient_window, patient_window.exports.dose_sheet, monkeypatch, "")
    assert list(tmp_path.glob("*.pdf")) == []
    assert not patient_window.exports.open_button.isVisibleTo(patient_window)


def wait_loaded(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.loading and dialog.pdf_data() is not None, timeout=20000)


def test_preview_shows_every_page_of_either_document(qtbot, patient_window):
    dialog = patient_window.exports.preview(patient_window.exports._source())
    qtbot.addWidget(dialog)
    dialog.show()
    for kind in (PATIENT_CALENDAR, DOSE_SHEET):
        dialog.document.setCurrentIndex(dialog.document.findData(kind))
        wait_loaded(qtbot, dialog)
        pages = len(pypdf.PdfReader(io.BytesIO(dialog.pdf_data())).pages)
        assert dialog.page_count() == pages > 1
        assert len(dialog.page_labels) == pages
        assert all(not label.pixmap().isNull() for label in dialog.page_labels)
        assert dialog.page_count_label.text() == f"{pages} pages"
        assert dialog.print_button.isEnabled()
    # Zoom: 200 % is twice as wide as 100 %.
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(1.0))
    width_100 = dialog.page_labels[0].width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(2.0))
    assert abs(dialog.page_labels[0].width() - 2 * width_100) <= 3
    dialog.reject()


def test_print_sends_every_page_to_the_printer(qtbot, patient_window, monkeypatch, tmp_path):
    out = tmp_path / "printed.pdf"
    seen: dict[str, int] = {}

    def exec_(self):
        wait_loaded(qtbot, self)
        self.document.setCurrentIndex(self.document.findData(DOSE_SHEET))
        wait_loaded(qtbot, self)
        seen["pages"] = self.page_count()
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(out))
        self.printer.setResolution(96)  # a small raster keeps the test fast; the painting is the same
        self.print_button.click()
        return self.result()

    monkeypatch.setattr(PrintPreviewDialog, "exec", exec_)
    monkeypatch.setattr(PrintPreviewDialog, "ask_print", lambda self, printer: True)
    patient_window.exports.print_action.trigger()
    qtbot.waitUntil(lambda: not patient_window.exports._running and out.exists(), timeout=20000)
    assert len(pypdf.PdfReader(out).pages) == seen["pages"] > 1
    assert f"Sent {seen['pages']} pages to the printer" in patient_window.statusBar().currentMessage()


def test_print_cancelled_prints_nothing(qtbot, patient_window, monkeypatch, tmp_path):
    out = tmp_path / "never.pdf"

    def exec_(self):
        wait_loaded(qtbot, self)
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(out))
        self.print_button.click()  # the print dialog is cancelled: the preview stays open
        assert self.isVisible() or not self.result()
        self.reject()
        return self.result()

    monkeypatch.setattr(PrintPreviewDialog, "exec", exec_)
    monkeypatch.setattr(PrintPreviewDialog, "ask_print", lambda self, printer: False)
    patient_window.exports.print_action.trigger()
    assert not out.exists() and not patient_window.exports._running


@pytest.mark.slow
def test_exports_add_nothing_heavy_to_start_up(tmp_path):
    """The window with its export actions starts without reportlab, PDFium, pandas or QtPrintSupport."""
    import subprocess
    import sys

    code = ("import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
            "from planner.gui.main_window import MainWindow\nfrom planner.gui.settings import Settings\n"
            "window = MainWindow(Settings())\nassert window.exports.print_action is not None\n"
            "print(sorted(m for m in ('reportlab', 'pypdfium2', 'pandas', 'icalendar', 'PySide6.QtPrintSupport')"
            " if m in sys.modules))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_printer_that_fails_is_reported(qtbot, patient_window, monkeypatch, tmp_path, messages):
    def exec_(self):
        wait_loaded(qtbot, self)
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(tmp_path / "gone" / "out.pdf"))
        self.printer.setResolution(96)
        self.print_button.click()
        return self.result()

    monkeypatch.setattr(PrintPreviewDialog, "exec", exec_)
    monkeypatch.setattr(PrintPreviewDialog, "ask_print", lambda self, printer: True)
    patient_window.exports.print_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert messages[0][0] == "Not printed" and "could not be opened" in messages[0][1]
    assert not patient_window.exports._running


def test_closing_the_preview_while_it_renders_is_safe(qtbot, patient_window):
    dialog = patient_window.exports.preview(patient_window.exports._source())
    assert dialog.loading
    dialog.dispose()  # as the window does once exec() returns
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not patient_window.runner.busy, timeout=20000)  # the result arrives and is dropped
    qtbot.wait(10)


def test_ctrl_p_opens_the_print_preview(qtbot, patient_window, monkeypatch):
    from PySide6.QtCore import Qt

    opened: list[str] = []

    def exec_(self):
        opened.append(self.kind())
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", exec_)
    patient_window.activateWindow()
    patient_window.patients.setFocus()
    qtbot.keyClick(patient_window.patients, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert opened == [PATIENT_CALENDAR]
    qtbot.waitUntil(lambda: not patient_window.runner.busy, timeout=20000)  # its rendering is dropped
    # Ctrl+P is bound once in the whole window (no ambiguous shortcut that Qt would silently ignore).
    bound = [a for a in patient_window.findChildren(QAction) if QKeySequence("Ctrl+P") in a.shortcuts()]
    assert bound == [patient_window.exports.print_action]


def test_patient_calendar_without_a_phone_number_is_refused_naming_the_preference(
        qtbot, patient_window, monkeypatch, tmp_path, messages):
    patient_window.settings.set("institution/phone", "")
    target = tmp_path / "calendar.pdf"
    dialog = SaveDialog(str(target))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    patient_window.exports.patient_calendar.trigger()
    assert not dialog.asked and not target.exists()  # refused before a file is chosen
    assert messages and "Preferences > Printouts" in messages[-1][1] and "phone" in messages[-1][1]
    # The preview says the same for the calendar.
    preview = patient_window.exports.preview(patient_window.exports._source())
    qtbot.addWidget(preview)
    preview.document.setCurrentIndex(preview.document.findData(PATIENT_CALENDAR))
    qtbot.waitUntil(lambda: "Preferences > Printouts" in preview.message.text(), timeout=20000)
    assert not preview.print_button.isEnabled()
    preview.dispose()


def test_the_24_hour_emergency_line_prints_marked(qtbot, patient_window, monkeypatch, tmp_path, messages):
    from planner.gui.export_jobs import institution_from

    patient_window.settings.set("institution/emergency_phone", "010-8765 4321")
    assert institution_from(patient_window.settings).phone_24h == ""
    patient_window.settings.set("institution/emergency_24h", 1)
    assert institution_from(patient_window.settings).phone_24h == "Emergency: 010-8765 4321"
    target = tmp_path / "calendar.pdf"
    export(qtbot, patient_window, patient_window.exports.patient_calendar, monkeypatch, target)
    _, text = pdf_text(target)
    assert "Emergency: 010-8765 4321 (24 hours, every day)" in " ".join(text.split())
