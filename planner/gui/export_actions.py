"""File > Export ... and Print: the printed schedules and exports from the desktop application.

Each export asks where to save (a default name with the MRN and the date, never the patient's name), builds
and writes the file on the window's worker thread with the busy indicator showing, then says so in the status
bar with an Open button that opens the file in the system viewer. A failed export (folder not writable, disk
full, file open elsewhere) is shown in a message box naming the file and the problem; the export layer
guarantees that nothing half-written is left.

The window only calls `install_export_actions`; everything else lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QPushButton

from planner.core.errors import PlannerError
from planner.gui.export_jobs import (
    DOSE_SHEET,
    PATIENT_CALENDAR,
    PatientSource,
    day_list_bytes,
    default_file_name,
    ics_bytes,
    institution_from,
    patient_pdf_bytes,
    print_options_from,
    table_bytes,
    write_job,
)
from planner.gui.icons import icon

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow

log = logging.getLogger(__name__)

SUCCESS_TIMEOUT_MS = 30000  # long enough to notice the Open button


class ExportActions(QObject):
    """The File menu's export and print actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._folder = ""  # the folder of the last export this session
        self._written: Path | None = None
        self._running = False
        # Replaced in tests: never open a real viewer from a test.
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl

        def action(icon_name: str, slot: Callable[[], None]) -> QAction:
            act = QAction(icon(icon_name), "", window)
            act.triggered.connect(slot)
            return act

        self.patient_calendar = action("export-calendar", lambda: self.export_patient_pdf(PATIENT_CALENDAR))
        self.dose_sheet = action("export-dose-sheet", lambda: self.export_patient_pdf(DOSE_SHEET))
        self.day_list = action("export-day-list", lambda: self.export_day_list())
        self.ics = action("export-ics", self.export_ics)
        self.table = action("export-table", self.export_table)
        self.print_action = action("print", self.print_document)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        if self.print_action.shortcut().isEmpty():
            self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.patient_actions = (self.patient_calendar, self.dose_sheet, self.ics, self.table, self.print_action)
        self.all_actions = (self.patient_calendar, self.dose_sheet, self.day_list, self.ics, self.table,
                            self.print_action)

        self.open_button = QPushButton(icon("open-file"), "")
        self.open_button.setFlat(True)
        self.retranslate()
        self.open_button.clicked.connect(self.open_written)
        self.open_button.hide()
        window.statusBar().insertPermanentWidget(0, self.open_button)
        window.statusBar().messageChanged.connect(self._status_changed)

        # The patient actions follow the open patient: the window makes a patient's undo stack active when it
        # opens them and clears it when none is open.
        window.undo_group.activeStackChanged.connect(lambda _: self.update_enabled())
        self.update_enabled()

    def retranslate(self) -> None:
        """Every word of the actions in the current language (at creation, and again on a language change)."""
        for act, text, tip in (
                (self.patient_calendar, self.tr("Export patient &calendar (PDF)..."),
                 self.tr("The month calendar the patient takes home, with tick boxes and phone numbers")),
                (self.dose_sheet, self.tr("Export &dose sheet (PDF)..."),
                 self.tr("Every dose with its calculation, for preparing and checking")),
                (self.day_list, self.tr("Export day &list (PDF)..."),
                 self.tr("Everyone due for an infusion or a cycle start on a day, from all patients")),
                (self.ics, self.tr("Export calendar for &phone (.ics)..."),
                 self.tr("Capsule days, infusions and blood tests as calendar events for the patient's phone")),
                (self.table, self.tr("Export plan &table (CSV / Excel)..."),
                 self.tr("The plan day by day as a CSV file or an Excel workbook")),
                (self.print_action, self.tr("&Print..."),
                 self.tr("Print the patient calendar or the dose sheet, with a preview"))):
            act.setText(text)
            act.setStatusTip(tip)
            act.setToolTip(tip)
        self.open_button.setAccessibleName(self.tr("Open the exported file"))

    def _status_changed(self, text: str) -> None:
        if not text:  # the "written ... Open" message timed out: the button goes with it
            self.open_button.hide()

    # ================================================================ menu
    def add_to_menu(self, menu: QMenu, before: QAction | None) -> None:
        """Insert the actions as their own group before `before` (the File menu's Quit)."""
        actions = menu.actions()
        # No anchor appends at the end (Qt takes a null QAction; the stubs do not say so).
        anchor = cast(QAction, before)
        if before is not None and before in actions:
            index = actions.index(before)
            if index > 0 and actions[index - 1].isSeparator():
                anchor = actions[index - 1]  # keep Quit in its own group: exports go above its separator

        def put(act: QAction | None) -> None:
            """Insert an action (None: a separator) before the anchor, or at the end without one."""
            if act is None:
                _ = menu.insertSeparator(anchor) if anchor is not None else menu.addSeparator()
            elif anchor is not None:
                menu.insertAction(anchor, act)
            else:
                menu.addAction(act)

        for act in (self.patient_calendar, self.dose_sheet, self.day_list, None, self.ics, self.table, None,
                    self.print_action, None):
            put(act)
        menu.aboutToShow.connect(self.update_enabled)

    def update_enabled(self) -> None:
        has_patient = self.window.document is not None
        for act in self.patient_actions:
            act.setEnabled(has_patient and not self._running)
        # The database opens on a worker thread with no signal to follow; a day list asked for before it is
        # open says so (export_day_list).
        self.day_list.setEnabled(not self._running)

    # ================================================================ what the documents are made of
    def _source(self) -> PatientSource | None:
        document = self.window.document
        if document is None:
            self.window.say(self.tr("Open a patient first."))
            return None
        try:
            return PatientSource(document.record, document.plan, self.window.patients.model.shared_names())
        except PlannerError as exc:
            self.window.problem(self.tr("Plan cannot be exported"), exc.message)
            return None

    def _printouts(self) -> tuple[Any, Any]:
        settings = self.window.settings
        return institution_from(settings), print_options_from(settings, self.window.today())

    # ================================================================ save dialog
    def _start_folder(self) -> str:
        if self._folder and Path(self._folder).is_dir():
            return self._folder
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def ask_save_path(self, title: str, name: str, filters: list[tuple[str, str]]) -> Path | None:
        """The save dialog; `filters` are (description with pattern, suffix). The suffix of the chosen filter
        is added when the name typed has none of the offered suffixes."""
        start = str(Path(self._start_folder()) / name)
        path, chosen = QFileDialog.getSaveFileName(self.window, title, start, ";;".join(f for f, _ in filters))
        if not path:
            return None
        target = Path(path)
        suffixes = {f".{s}" for _, s in filters}
        if target.suffix.lower() not in suffixes:
            suffix = next((s for f, s in filters if f == chosen), filters[0][1])
            target = target.with_name(f"{target.name}.{suffix}")
        self._folder = str(target.parent)
        return target

    # ================================================================ running an export
    def _run(self, what: str, path: Path, make: Callable[[], bytes]) -> None:
        """Build and write on the worker thread, with the busy indicator; report the outcome."""
        self._set_running(True, self.tr("Saving {what}...").format(what=what))
        store = self.window.store
        database = store.url if store is not None else None
        self.window.runner.start(write_job(path, make, database), lambda written: self._saved(what, written),
                                 lambda exc: self._failed(path, exc))

    def _set_running(self, running: bool, text: str = "") -> None:
        self._running = running
        self.window.progress.setVisible(running)
        if text:
            self.window.statusBar().showMessage(text)
        elif not running:
            self.window.statusBar().clearMessage()
        self.update_enabled()

    def _saved(self, what: str, written: Path) -> None:
        self._set_running(False)
        self._written = written
        self.window.statusBar().showMessage(
            self.tr("Saved {what}: {path}").format(what=what, path=written), SUCCESS_TIMEOUT_MS)
        self.open_button.setText(self.tr("Open {name}").format(name=written.name))
        self.open_button.setToolTip(self.tr("Open {path} in the system viewer").format(path=written))
        self.open_button.show()

    def _failed(self, path: Path, exc: BaseException) -> None:
        from planner.export.atomic import ExportError

        self._set_running(False)
        if isinstance(exc, ExportError):
            text = exc.message  # names the file and the problem; nothing was left behind
        elif isinstance(exc, PlannerError):
            text = self.tr("Cannot save {path}: {problem}").format(path=path, problem=exc.message)
        else:
            # Logged by type only: the message could hold patient data.
            log.error("export failed: %s", type(exc).__name__)
            text = self.tr("Cannot save {path}: an unexpected error ({error}). Nothing was saved.").format(
                path=path, error=type(exc).__name__)
        self.window.problem(self.tr("Export failed"), text)

    def open_written(self) -> None:
        """Open the last exported file in the system's viewer (only when the nurse asks for it)."""
        if self._written is not None:
            self.open_url(QUrl.fromLocalFile(str(self._written)))
        self.open_button.hide()

    # ================================================================ the exports
    def export_patient_pdf(self, kind: str) -> None:
        source = self._source()
        if source is None or self._running:
            return
        institution, options = self._printouts()
        if kind == PATIENT_CALENDAR and not institution.has_phone:
            # Refused before a file is chosen: a calendar without a number to call must not go home.
            self.window.problem(self.tr("No phone number"), self.tr(
                "The patient calendar needs a number the patient can call. Enter the ward phone number in "
                "Preferences > Printouts, then export again."))
            return
        what = self.tr("the patient calendar") if kind == PATIENT_CALENDAR else self.tr("the dose sheet")
        title = (self.tr("Export patient calendar") if kind == PATIENT_CALENDAR
                 else self.tr("Export dose sheet"))
        path = self.ask_save_path(title, default_file_name(kind, self.window.today(), source.mrn),
                                  [(self.tr("PDF document (*.pdf)"), "pdf")])
        if path is None:
            return
        clinic = self.window.clinic_calendar(source.plan)
        self._run(what, path, lambda: patient_pdf_bytes(kind, source, institution, options, clinic))

    def ask_day(self) -> date | None:
        from planner.gui.dialogs.day_list_dialog import DayListDialog

        dialog = DayListDialog(self.window.today(), self.window)
        try:
            return dialog.chosen_date() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def export_day_list(self, day: date | None = None) -> None:
        """The day list of `day` (a day double-clicked in the ward forecast), or of the day asked for."""
        store = self.window.store
        if store is None:
            self.window.say(self.tr("The database is not open yet."))
            return
        if self._running:
            return
        when = day if day is not None else self.ask_day()
        if when is None:
            return
        path = self.ask_save_path(self.tr("Export day list"), default_file_name("day-list", when),
                                  [(self.tr("PDF document (*.pdf)"), "pdf")])
        if path is None:
            return
        institution, options = self._printouts()
        self._run(self.tr("the day list for {day}").format(day=when.isoformat()), path,
                  lambda: day_list_bytes(store, when, institution, options))

    def export_ics(self) -> None:
        source = self._source()
        if source is None or self._running:
            return
        path = self.ask_save_path(self.tr("Export calendar for the phone"),
                                  default_file_name("ics", self.window.today(), source.mrn, "ics"),
                                  [(self.tr("iCalendar file (*.ics)"), "ics")])
        if path is not None:
            self._run(self.tr("the phone calendar"), path, lambda: ics_bytes(source))

    def export_table(self) -> None:
        source = self._source()
        if source is None or self._running:
            return
        path = self.ask_save_path(self.tr("Export plan table"),
                                  default_file_name("table", self.window.today(), source.mrn, "csv"),
                                  [(self.tr("CSV table (*.csv)"), "csv"), (self.tr("Excel workbook (*.xlsx)"), "xlsx")])
        if path is not None:
            self._run(self.tr("the plan table"), path, lambda: table_bytes(source, path))

    # ================================================================ print
    def preview(self, source: PatientSource) -> Any:
        from planner.gui.dialogs.print_preview import PrintPreviewDialog

        institution, options = self._printouts()
        clinic = self.window.clinic_calendar(source.plan)
        return PrintPreviewDialog(lambda kind: patient_pdf_bytes(kind, source, institution, options, clinic),
                                  self.window.runner, options.paper, self.window)

    def closed_day_answer(self, closed: list[Any]) -> str:
        """Ask what to do about infusions on closed clinic days: "move", "print" (anyway) or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Infusion on a closed day"),
                          "\n".join(c.message for c in closed), parent=self.window)
        move = box.addButton(self.tr("Move to next open day"), QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(self.tr("Print anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(move)
        box.exec()
        clicked = box.clickedButton()
        return "move" if clicked is move else "print" if clicked is anyway else "cancel"

    def print_document(self) -> None:
        source = self._source()
        if source is None or self._running:
            return
        # Flagged before anything is printed: a calendar that sends the patient to a closed clinic is wrong.
        closed = self.window.closed_infusions_ahead(source.plan, self.window.clinic_calendar(source.plan))
        if closed:
            answer = self.closed_day_answer(closed)
            if answer == "cancel":
                return
            if answer == "move":
                self.window.move_to_open_day(closed[0])
                source = self._source()
                if source is None:
                    return
        dialog = self.preview(source)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            data, printer, what = dialog.pdf_data(), dialog.printer, dialog.document.currentText()
        finally:
            dialog.dispose()
        if not accepted or data is None:
            return
        self._set_running(True, self.tr("Printing {what}...").format(what=what))

        from planner.gui.dialogs.print_preview import page_count_text

        def work() -> int:
            from planner.gui.pdf_pages import print_pdf

            return print_pdf(data, printer)

        def done(pages: int) -> None:
            self._set_running(False)
            target = printer.printerName() or printer.outputFileName()
            self.window.say(self.tr("Sent {pages} to the printer {printer}.").format(
                pages=page_count_text(pages), printer=target))

        def failed(exc: BaseException) -> None:
            self._set_running(False)
            log.error("printing failed: %s", type(exc).__name__)
            if isinstance(exc, PlannerError):
                text = exc.message
            else:
                text = self.tr("The document could not be printed ({error}). Check the printer and try again.").format(
                    error=type(exc).__name__)
            self.window.problem(self.tr("Not printed"), text)

        self.window.runner.start(work, done, failed)


def install_export_actions(window: MainWindow) -> ExportActions:
    """Create the export and print actions and put them in the File menu above Quit."""
    exports = ExportActions(window)
    quit_action = window.menu_actions.quit
    menus = [m for m in quit_action.associatedObjects() if isinstance(m, QMenu)]
    if menus:
        exports.add_to_menu(menus[0], quit_action)
    else:  # no File menu with Quit (a future layout): a menu of its own rather than no exports at all
        exports.add_to_menu(window.menuBar().addMenu(exports.tr("&Export")), None)
    return exports
