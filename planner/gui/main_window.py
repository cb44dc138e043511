"""The main window: patient list on the left; the open patient's header, Calendar and Cycles tabs on the
right; the dose check in a dock. The window wires widgets to the store and the undo stacks; the plan
itself always comes from the core (`PatientRecord.compute_plan`), never from here.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid

from planner.core.decimal_math import plain
from planner.core.errors import PlannerError
from planner.gui import screen_fit
from planner.gui.actions import build_actions, retranslate_actions, style_undo_actions
from planner.gui.icons import icon
from planner.gui.settings import Settings
from planner.gui.tasks import TaskRunner
from planner.gui.window_layout import WindowLayoutMixin

if TYPE_CHECKING:
    from planner.core.clinic_days import ClinicCalendar, ClosedInfusion
    from planner.core.modifications import Modification
    from planner.core.plan import Plan
    from planner.gui.accounts import AccountsController
    from planner.gui.commands import PatientDocument
    from planner.gui.dialogs.patient_dialog import PatientForm
    from planner.gui.export_actions import ExportActions
    from planner.gui.forecast_page import ForecastPage
    from planner.gui.live_refresh import LiveRefresh
    from planner.gui.widgets.empty_state import EmptyState
    from planner.gui.widgets.patient_list import PatientList
    from planner.gui.widgets.patient_page import PatientPage

    # The store pulls in SQLAlchemy and Alembic: imported on the worker thread that opens the database,
    # never on the start-up path (benchmarks/bench_gui.py holds start-up to 2x a bare QMainWindow).
    from planner.store import PatientRecord, PatientStore, PatientSummary
    from planner.store.changes import ChangeToken

log = logging.getLogger(__name__)

PAGE_LOADING, PAGE_EMPTY, PAGE_CHOOSE, PAGE_PATIENT = range(4)
STATUS_TIMEOUT_MS = 6000


class MainWindow(WindowLayoutMixin, QMainWindow):
    # Built by finish_setup(): with `finish_later` (the app's start-up), after the first paint.
    live: LiveRefresh
    patients: PatientList
    empty_state: EmptyState
    exports: ExportActions
    forecast: ForecastPage
    accounts: AccountsController

    def __init__(self, settings: Settings, today: date | None = None, *, finish_later: bool = False) -> None:
        """`finish_later`: leave what the first paint does not show (export and forecast menu entries, the
        sign-in controller, live refresh) to finish_setup(), which the app calls once the window has painted
        and before the database opens (issue 14: launch to first paint <= 1.5x a bare window)."""
        super().__init__()
        self.settings = settings
        self._today = today
        self.store: PatientStore | None = None
        self.document: PatientDocument | None = None
        self._documents: dict[str, PatientDocument] = {}
        self._selected_cycle: int | None = None
        self._showing = False
        self.runner = TaskRunner(self)
        self._finished = False
        self.undo_group = QUndoGroup(self)
        self.setWindowIcon(icon("app"))
        self._retranslate_pending = False

        # ------------------------------------------------------------ right: pages
        self.pages = QStackedWidget()
        self.loading_label = QLabel()
        self._database_error = False  # the loading page then shows why the database did not open
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)
        self.pages.addWidget(self.loading_label)
        self.choose_label = choose = QLabel()
        choose.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose.setStyleSheet("color: #555; font-size: 11pt;")
        self.pages.addWidget(choose)  # PAGE_CHOOSE once the welcome page is inserted before it

        # ------------------------------------------------------------ left: patients (see _build_lists)
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        placeholder = QWidget()  # the patient list's place while the window first paints, as wide as it will be
        placeholder.setMinimumWidth(screen_fit.MIN_LIST_WIDTH)
        splitter.addWidget(placeholder)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        self.splitter = splitter
        self._auto_list_width = True  # see WindowLayoutMixin._share_width
        splitter.splitterMoved.connect(self._list_width_chosen)
        self.setCentralWidget(splitter)

        # The patient page and the dose check are built on first use (see _ensure_patient_page). The dose
        # check is a dock beside the tabs on a wide window and a third tab on a narrow one (1366 / 1280 px
        # screens), where a dock would squeeze either it or the calendar to an unreadable sliver.
        self.page: PatientPage | None = None
        self.dose_dock = QDockWidget(self)
        self.dose_dock.setObjectName("doseCheckDock")
        self.dose_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                   | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dose_dock)
        self.dose_dock.hide()
        self._dock_sized = False
        self._docked: bool | None = None  # where the dose check is now: None until the patient page exists

        # ------------------------------------------------------------ actions, status bar
        # Not `actions`: that would shadow QWidget.actions().
        self.menu_actions = build_actions(self, self.undo_group.createUndoAction(self, self.tr("&Undo")),
                                     self.undo_group.createRedoAction(self, self.tr("&Redo")))
        self.menu_actions.new_patient.triggered.connect(self.new_patient)
        self.menu_actions.demo_patient.triggered.connect(self.add_demo_patient)
        self.menu_actions.edit_patient.triggered.connect(self.edit_patient)
        self.menu_actions.withdraw_patient.triggered.connect(self.withdraw_patient)
        self.menu_actions.end_treatment.triggered.connect(self.end_treatment)
        self.menu_actions.find.triggered.connect(self._focus_search)
        self.menu_actions.preferences.triggered.connect(self.edit_preferences)
        self.menu_actions.quit.triggered.connect(self.close)
        self.menu_actions.about.triggered.connect(self.about)
        self.view_menu = self._build_view_menu()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self._set_patient_actions_enabled(False)
        self._retranslate_window()
        self._restore_window()
        if not finish_later:
            self.finish_setup()

    def finish_setup(self) -> None:
        """The parts of the window nobody sees or uses before a database is open or a menu opened: the patient
        list (empty and disabled until the database has opened), the welcome page, the export and forecast
        menu entries, sign-in and live refresh. Once only."""
        if self._finished:
            return
        self._finished = True
        self._build_lists()
        from planner.gui.accounts import install_accounts
        from planner.gui.export_actions import install_export_actions
        from planner.gui.forecast_page import install_forecast_page
        from planner.gui.live_refresh import LiveRefresh

        self.live = LiveRefresh(self)  # other workstations' saves, shown as they happen
        self.exports = install_export_actions(self)  # File > Export ... and Print (Ctrl+P)
        self.forecast = install_forecast_page(self)  # View > Ward forecast (Ctrl+4)
        lock_minutes = self.settings.get("security/lock_minutes")
        self.accounts = install_accounts(self, self.menu_actions.file_menu, self.menu_actions.quit,
                                         lock_minutes if isinstance(lock_minutes, int) else 10)
        self.empty_state.accountsRequested.connect(self.accounts.create_admin)

    def _focus_search(self) -> None:
        if self._finished:
            self.patients.focus_search()

    def _build_lists(self) -> None:
        from planner.gui.widgets.empty_state import EmptyState
        from planner.gui.widgets.patient_list import PatientList

        self.patients = PatientList()
        self.patients.patientSelected.connect(self.open_patient)
        self.patients.showWithdrawnChanged.connect(lambda _: self.refresh_list())
        self.patients.setEnabled(self.pages.currentIndex() != PAGE_LOADING)
        sizes = self.splitter.sizes()
        placeholder = self.splitter.replaceWidget(0, self.patients)
        if placeholder is not None:
            placeholder.deleteLater()
        self.splitter.setSizes(sizes)
        self.splitter.setCollapsible(0, False)
        self.empty_state = EmptyState()
        self.empty_state.newPatientRequested.connect(self.new_patient)
        self.empty_state.demoPatientRequested.connect(self.add_demo_patient)
        self.pages.insertWidget(PAGE_EMPTY, self.empty_state)

    # ================================================================ language
    def changeEvent(self, event: QEvent) -> None:
        # Installing a language sends several LanguageChange events (the planner's and Qt's translators,
        # the old ones removed): the window is retranslated once, after the last of them.
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self.retranslate)  # with self: dropped if the window goes first
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Show the window in the language just installed (Preferences > Language), without a restart.

        Widgets that own their words (patient list, welcome page) follow LanguageChange themselves; here
        the window's own words, the actions and menus, and the open patient's page -- rebuilt and filled
        again from the document, since nearly all of its text is made from the plan (undo history, the open
        patient and the selected cycle are kept).
        """
        self._retranslate_pending = False
        self._retranslate_window()
        retranslate_actions(self.menu_actions)
        self._replace_undo_actions()
        self._retranslate_view_menu(self.view_menu)
        if self._finished:  # otherwise finish_setup() words them in the language of the moment
            self.exports.retranslate()
            self.forecast.retranslate()
            self.accounts.retranslate()
        if self.store is not None:
            self.database_label.setText(self.tr("Database: {location}").format(
                location=Path(self.store.url).name))
        self._rebuild_patient_page()

    def _retranslate_window(self) -> None:
        self.setWindowTitle(self.tr("Cycle Planner"))
        if not self._database_error:
            self.loading_label.setText(self.tr("Opening the patient database..."))
        self.choose_label.setText(
            self.tr("Choose a patient on the left, or add a new one with File > New patient (Ctrl+N)."))
        self.dose_dock.setWindowTitle(self.tr("Dose check"))
        self.progress.setAccessibleName(self.tr("Working"))

    def _replace_undo_actions(self) -> None:
        """QUndoGroup words its actions with the prefix given when they were made: make them again."""
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        style_undo_actions(undo, redo)
        for old, new in ((self.menu_actions.undo, undo), (self.menu_actions.redo, redo)):
            for holder in old.associatedObjects():
                if isinstance(holder, QMenu | QToolBar):
                    holder.insertAction(old, new)
                    holder.removeAction(old)
            old.deleteLater()
        self.menu_actions.undo, self.menu_actions.redo = undo, redo

    def _rebuild_patient_page(self) -> None:
        page = self.page
        if page is None:
            return
        tab = page.tabs.currentIndex()
        showing = self.pages.currentWidget() is page
        panel = page.dose_panel
        panel.setParent(None)  # out of the dock or the tabs, deleted with the page
        self.pages.removeWidget(page)
        page.deleteLater()
        panel.deleteLater()
        self.page = None
        self._docked = None
        if self.document is not None and showing:
            self._show_record(self.document)
            if self.page is not None and 0 <= tab < self.page.tabs.count():
                self.page.tabs.setCurrentIndex(tab)

    # ================================================================ helpers
    def today(self) -> date:
        return self._today or date.today()

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def problem(self, title: str, text: str) -> None:
        self.say(title)
        QMessageBox.warning(self, title, text)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        if text:
            self.statusBar().showMessage(text)

    def _set_patient_actions_enabled(self, enabled: bool) -> None:
        for action in (self.menu_actions.edit_patient, self.menu_actions.withdraw_patient,
                       self.menu_actions.end_treatment):
            action.setEnabled(enabled)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.sync()
        if self._finished:
            self.live.stop()
        self.runner.wait(5000)
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)

    # ================================================================ database
    def open_database(self, location: str | Path | None) -> None:
        """Open (create, migrate) the database and read the patient list on a worker thread."""
        self.finish_setup()
        self._show_page(PAGE_LOADING)
        self._busy(True, self.tr("Opening the patient database..."))
        today = self.today()

        def work() -> tuple[PatientStore, list[PatientSummary], ChangeToken]:
            from planner.store import PatientStore

            store = PatientStore.open(location)
            try:
                token = store.change_token()  # before the list: a change in between shows, none is missed
                return store, store.list_patients(today=today, include_withdrawn=False), token
            except BaseException:
                store.close()
                raise

        self.runner.start(work, self._database_opened, self._database_failed)

    def _database_opened(self, result: tuple[PatientStore, list[PatientSummary], ChangeToken]) -> None:
        self._busy(False)
        self.store, rows, token = result
        self.live.start(self.store, token)
        self.database_label.setText(self.tr("Database: {location}").format(location=Path(self.store.url).name))
        self.database_label.setToolTip(self.store.url)
        self.say(self.tr("Database opened."))
        self.accounts.database_opened(self.store)
        self.patients.set_patients(rows)
        self._show_default_page()
        last = self.settings.text("session/last_patient_mrn")
        if rows and not self.patients.select(last):
            self.patients.select_first()

    def _database_failed(self, exc: BaseException) -> None:
        self._busy(False)
        message = exc.message if isinstance(exc, PlannerError) else self.tr(
            "The database could not be opened: {error}").format(error=type(exc).__name__)
        self._database_error = True
        self.loading_label.setText(message)
        self.loading_label.setStyleSheet("color: #b00020; font-size: 11pt;")
        self.say(self.tr("The database could not be opened."))
        log.error("opening the database failed: %s", type(exc).__name__)

    def _show_default_page(self) -> None:
        if self.document is not None:
            self._show_page(PAGE_PATIENT)
        elif self.patients.model.total_count() == 0 and not self.patients.show_withdrawn.isChecked():
            self._show_page(PAGE_EMPTY)
        else:
            self._show_page(PAGE_CHOOSE)

    def _ensure_patient_page(self) -> PatientPage:
        if self.page is None:
            from planner.gui.widgets.patient_page import PatientPage

            page = PatientPage()
            page.cycles.cycleSelected.connect(self._cycle_selected)
            page.calendar.daySelected.connect(self._day_selected)
            page.cycles.actionRequested.connect(self.cycle_action)
            page.dose_panel.checkSubmitted.connect(self.record_dose_check)
            page.header.moveToOpenDayRequested.connect(self.move_to_open_day)
            page.history.withdrawRequested.connect(self.withdraw_change)
            page.assessment.acceptRequested.connect(self.accept_assessment)
            page.assessment.modificationChosen.connect(self.apply_modification)
            self.pages.addWidget(page)  # index PAGE_PATIENT
            self.page = page
            page.dose_panel.set_accounts(self.accounts.checker_name())
            self._place_dose_panel()
        return self.page

    # The views of the open patient (built on first use).
    @property
    def header(self) -> Any:
        return self._ensure_patient_page().header

    @property
    def calendar(self) -> Any:
        return self._ensure_patient_page().calendar

    @property
    def cycles(self) -> Any:
        return self._ensure_patient_page().cycles

    @property
    def tabs(self) -> Any:
        return self._ensure_patient_page().tabs

    @property
    def dose_panel(self) -> Any:
        return self._ensure_patient_page().dose_panel

    def _show_page(self, page: int) -> None:
        # The dose check belongs to an open patient; beside the welcome page it would only confuse.
        if page == PAGE_PATIENT:
            self._ensure_patient_page()
        self.dose_dock.setVisible(page == PAGE_PATIENT and bool(self._docked))
        if page == PAGE_PATIENT and self._docked and not self._dock_sized:
            # Sized when it first has content: a dock sized while hidden and empty collapses to a sliver.
            self._dock_sized = True
            self.resizeDocks([self.dose_dock], [screen_fit.DOSE_DOCK_WIDTH], Qt.Orientation.Horizontal)
        for action in self.view_actions:
            action.setEnabled(page == PAGE_PATIENT)
        self.patients.setEnabled(page != PAGE_LOADING)
        if page == PAGE_PATIENT:  # by widget: the ward forecast page may have been added before it
            self.pages.setCurrentWidget(self._ensure_patient_page())
        else:
            self.pages.setCurrentIndex(page)

    def refresh_list(self, select_mrn: str = "") -> None:
        """Re-read the patient list on the worker thread (10,000 rows must not freeze the window)."""
        store = self.store
        if store is None:
            return
        today, withdrawn = self.today(), self.patients.show_withdrawn.isChecked()

        def done(rows: list[PatientSummary]) -> None:
            self.patients.set_patients(rows, select_mrn or self.patients.current_mrn())
            if self.document is not None and not self.patients.model.has_patient(self.document.mrn):
                self.open_patient("")  # withdrawn (and withdrawn patients hidden): close them
            elif self.document is not None and self.page is not None:
                # A patient added or renamed may now share the open patient's name (or no longer).
                plan = self.document.plan
                self.header.set_patient(self.document.record, plan, self.today(),
                                        same_name=self._shares_name(self.document.mrn),
                                        closed=self.closed_infusions_ahead(plan, self.clinic_calendar(plan)))
            self._show_default_page()

        self.runner.start(lambda: store.list_patients(today=today, include_withdrawn=withdrawn), done,
                          lambda exc: self.say(self.tr("The patient list could not be refreshed.")))

    # ================================================================ the open patient
    def open_patient(self, mrn: str) -> None:
        from planner.gui.commands import PatientDocument

        if not mrn or self.store is None:
            self.document = None
            self.undo_group.setActiveStack(cast(QUndoStack, None))  # no stack active: Qt takes None
            self._set_patient_actions_enabled(False)
            self._show_default_page()
            return
        if self.document is not None and self.document.mrn == mrn:
            return  # already open (the list was refreshed around it)
        document = self._documents.get(mrn)
        if document is None:
            try:
                record = self.store.get_patient(mrn)
            except PlannerError as exc:
                self.problem(self.tr("Patient not opened"), exc.message)
                return
            document = PatientDocument(self.store, record, self, run=self.runner.call)
            document.recordChanged.connect(lambda _record, d=document: self._record_changed(d))
            # Queued: the report arrives after QUndoStack has finished its undo()/redo(), so showing a
            # message box or reloading (which clears the stack) never happens inside the stack's own call.
            document.failed.connect(self._undo_failed, Qt.ConnectionType.QueuedConnection)
            self.undo_group.addStack(document.undo_stack)
            self._report_undo(document)
            self._documents[mrn] = document
        self.document = document
        self.undo_group.setActiveStack(document.undo_stack)
        self.settings.set("session/last_patient_mrn", mrn)
        self._selected_cycle = None
        self._set_patient_actions_enabled(not document.record.withdrawn)
        self._show_record(document)

    def _report_undo(self, document: PatientDocument) -> None:
        """Say in the status bar what Ctrl+Z / Ctrl+Shift+Z just did (a new change reports itself)."""
        stack = document.undo_stack
        last = [stack.index()]

        def changed(index: int) -> None:
            if not isValid(stack):
                return  # emitted while the stack is being destroyed (window closing)
            if stack.count() and index < last[0]:
                self.say(self.tr("Undone: {what}. Redo with Ctrl+Shift+Z.").format(what=stack.text(index)))
            elif stack.count() and index > last[0]:
                self.say(self.tr("Redone: {what}.").format(what=stack.text(index - 1)))
            last[0] = index

        stack.indexChanged.connect(changed)

    def _record_changed(self, document: PatientDocument) -> None:
        """After a write: that one row of the list from the operation's record and plan (no reload of the
        whole list, issue 14), then the open patient's views."""
        from planner.gui.list_rows import update_list_row

        update_list_row(self.patients, document.previous_mrn, document.record, document.plan, self.today())
        if self.document is document:
            if not self.patients.model.has_patient(document.mrn):
                self.open_patient("")  # withdrawn (and withdrawn patients hidden): close them
                return
            self._show_record(document)

    def _show_record(self, document: PatientDocument) -> None:
        from planner.gui.facts import check_history, current_cycle, cycle_statuses
        from planner.gui.intensity import show_intensity

        try:
            plan = document.plan
        except PlannerError as exc:
            self.problem(self.tr("Plan cannot be shown"), exc.message)
            return
        today = self.today()
        cycle = self._selected_cycle
        if cycle is None or not any(c.number == cycle for c in plan.cycles):
            now = current_cycle(plan, today)
            cycle = now.number if now is not None else plan.cycles[-1].number
        self._showing = True  # the views re-emit their selection while being filled: ignore that
        try:
            clinic = self.clinic_calendar(plan)
            self.header.set_patient(document.record, plan, today, same_name=self._shares_name(document.mrn),
                                    closed=self.closed_infusions_ahead(plan, clinic))
            self.calendar.set_plan(plan, today, clinic)
            self.cycles.set_plan(plan, cycle_statuses(document.record, plan), today)
            self.cycles.select_cycle(cycle)
            self.dose_panel.set_checks(check_history(document.record, plan))
            self._show_history(document)
            show_intensity(self, document)  # the RDI in the header, from the worker thread
            self.dose_panel.set_cycle(plan, cycle, self.settings.verification_tolerance())
            self._ensure_patient_page().assessment.set_cycle(plan, cycle, today, document.mrn)
        finally:
            self._showing = False
        self._selected_cycle = cycle
        self._show_page(PAGE_PATIENT)
        self._set_patient_actions_enabled(not document.record.withdrawn)

    def clinic_calendar(self, plan: Plan) -> ClinicCalendar:
        """The clinic's open days over the plan's years (and the year before, for the first blood test)."""
        return self.settings.clinic_calendar(range(plan.start.year - 1, plan.end.year + 1))

    def closed_infusions_ahead(self, plan: Plan, clinic: ClinicCalendar) -> list[ClosedInfusion]:
        """Infusions from today on that fall on a closed day (a past one happened, or was moved, already)."""
        from planner.core.clinic_days import closed_infusions

        today = self.today()
        return [c for c in closed_infusions(plan, clinic) if c.on >= today]

    def move_to_open_day(self, closed: ClosedInfusion) -> None:
        """One click: delay the cycle so its infusion falls on the next open day (one undoable change)."""
        from planner.core.modifications import Delay

        reason = self.tr("Clinic closed on {date} ({why}): moved to the next open day, {next}").format(
            date=closed.on.isoformat(), why=closed.why, next=closed.move_to.isoformat())
        self.apply_modification(Delay(closed.cycle, closed.delay_days), reason)

    def _show_history(self, document: PatientDocument) -> None:
        """The History tab, read on the worker thread: after a save on a slow disk the audit log read
        would otherwise stall the window a second time (issue 14)."""
        from planner.gui.history import history_rows

        store = self.store
        if store is None:
            return
        mrn, record = document.mrn, document.record

        def show(entries: Any) -> None:
            if self.document is document and document.record is record and self.page is not None:
                self.page.history.set_rows(history_rows(entries, record))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PlannerError):
                self.say(exc.message)

        self.runner.start(lambda: store.audit_log(mrn), show, failed)

    def withdraw_change(self, row: Any) -> None:
        """History > Withdraw this change...: asks the reason; one undoable step (Ctrl+Z puts it back)."""
        from planner.gui.dialogs.simple_dialogs import WithdrawChangeDialog
        from planner.gui.history_commands import WithdrawChangeCommand

        document = self.document
        if document is None or not row.withdrawable:
            return
        if document.record.withdrawn:
            self.problem(self.tr("Patient withdrawn"), self.tr("The history of a withdrawn patient is closed."))
            return
        dialog = WithdrawChangeDialog(row.what, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text = self.tr("Withdraw: {what}").format(what=row.what)

        def withdraw() -> None:
            command = WithdrawChangeCommand(document, row.entity, row.entity_id, dialog.reason_text(), text)
            command.execute()
            document.undo_stack.push(command)

        if self._write(withdraw, text):
            self.say(self.tr("Withdrawn: {what}. Undo with Ctrl+Z.").format(what=row.what))

    def _shares_name(self, mrn: str) -> bool:
        model = self.patients.model
        summary = model.find(mrn)  # also while the search hides them
        return summary is not None and model.shares_name(summary)

    def _cycle_selected(self, number: int) -> None:
        if self._showing:
            return
        self._selected_cycle = number
        if self.document is not None:
            self.dose_panel.set_cycle(self.document.plan, number, self.settings.verification_tolerance())
            self._ensure_patient_page().assessment.set_cycle(self.document.plan, number, self.today(),
                                                             self.document.mrn)

    def _day_selected(self, when: date) -> None:
        """A day clicked in the calendar makes its cycle the one the Cycles tab and the dose check show."""
        if self.document is None:
            return
        day = self.document.plan.day_on(when)
        if day is not None and day.cycle != self._selected_cycle:
            self.cycles.select_cycle(day.cycle)
            self._cycle_selected(day.cycle)

    @property
    def plan(self) -> Plan | None:
        return self.document.plan if self.document is not None else None

    # ================================================================ patients
    def new_patient(self) -> None:
        from planner.gui.dialogs.patient_dialog import PatientDialog

        if self.store is None:
            self.say(self.tr("The database is not open yet."))
            return
        dialog = PatientDialog(self, settings=self.settings.plan_settings(), today=self.today(),
                               submit=self.add_patient)
        dialog.exec()

    def add_patient(self, form: PatientForm) -> PatientRecord:
        """Save a new patient (raises PlannerError, e.g. DuplicateMrn: the dialog shows it and stays open)."""
        from planner.operations import add_patient

        assert self.store is not None
        repository, settings = self.store.repository, self.settings.plan_settings()
        result = self.runner.call(lambda: add_patient(
            repository, form.identity, height_cm=form.height_cm, weight_kg=form.weight_kg,
            measured_on=form.measured_on, regimen_id=form.regimen_id, start=form.start,
            settings=settings, prior=form.prior, prescriber=form.prescriber))
        record: PatientRecord = result.record
        self._open_new(record, result.plan)
        self.say(self.tr("Patient added; the plan is on the Calendar and Cycles tabs."))
        return record

    def add_demo_patient(self) -> None:
        if self.store is None:
            return
        from planner.gui.demo import add_demo_patient
        try:
            record = add_demo_patient(self.store, self.today(), self.settings.plan_settings())
        except PlannerError as exc:
            self.problem(self.tr("Demo patient not added"), exc.message)
            return
        self._open_new(record, record.compute_plan())
        self.say(self.tr("Demo patient added: cycle 3 was delayed a week and epirubicin reduced to 75 mg/m²."))

    def _open_new(self, record: PatientRecord, plan: Plan) -> None:
        """Show a just-added patient at once, their row inserted in the list (no reload) and selected."""
        from planner.gui.list_rows import update_list_row

        self.patients.search.clear()
        update_list_row(self.patients, record.identity.mrn, record, plan, self.today())
        self.open_patient(record.identity.mrn)
        self.patients.select(record.identity.mrn, quiet=True)
        self._show_default_page()

    def edit_patient(self) -> None:
        from planner.gui.dialogs.patient_dialog import PatientDialog

        document = self.document
        if document is None:
            return

        def submit(form: PatientForm) -> None:
            """Errors propagate to the dialog, which stays open with what was typed; a StaleRecord first
            offers to reload the patient and save these details onto the current record."""
            from planner.store import StaleRecord, StoreError

            try:
                document.update_identity(form.identity, form.prescriber)
            except StaleRecord:
                if not self._write(lambda: document.update_identity(form.identity, form.prescriber),
                                   self.tr("the edited details")):
                    # Reloaded without them: the form keeps what was typed, and Save now saves it onto the
                    # reloaded record (the store's "reopen it and redo" would contradict that).
                    raise StoreError(self.tr("Not saved: the patient was changed on another workstation and "
                                             "has been reloaded. Save again to apply these details to it, or "
                                             "Cancel.")) from None

        PatientDialog(self, settings=document.record.plan.settings, record=document.record, today=self.today(),
                      submit=submit).exec()

    def withdraw_patient(self) -> None:
        from planner.gui.dialogs.simple_dialogs import WithdrawPatientDialog

        document = self.document
        if document is None:
            return
        identity = document.record.identity
        dialog = WithdrawPatientDialog(f"{identity.name} ({identity.mrn})", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self._write(lambda: document.withdraw_patient(dialog.reason_text())):
            self.say(self.tr("Patient withdrawn; tick Show withdrawn to see them in the list."))

    def end_treatment(self) -> None:
        """Edit > End treatment...: one undoable plan change (Ctrl+Z withdraws it)."""
        from planner.gui.dialogs.end_treatment_dialog import EndTreatmentDialog

        document = self.document
        if document is None:
            return
        identity = document.record.identity
        dialog = EndTreatmentDialog(document.plan, f"{identity.name} ({identity.mrn})", self.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        end = dialog.modification()
        if end is not None:
            self.apply_modification(end, dialog.reason_text())

    # ================================================================ writes and their errors
    def _write(self, action: Any, description: str = "") -> bool:
        """Run one store write; a refusal is shown in words and nothing is half-saved.

        A StaleRecord (someone else saved this patient meanwhile) says who changed what and when, reloads
        the patient and, if the nurse chooses, applies the same change again (planner.gui.stale).
        """
        from planner.gui.stale import ask_after_stale
        from planner.store import StaleRecord

        try:
            action()
            return True
        except StaleRecord as exc:
            if self.document is None:
                self.problem(self.tr("Not saved"), exc.message)
                return False
            apply_mine = ask_after_stale(self, exc, self.document, description or self.tr("your change"))
            try:
                self.document.reload()
                if not apply_mine:
                    self.say(self.tr("Not saved; the patient was reloaded with the other change."))
                    return False
                action()
                return True
            except PlannerError as again:
                self.problem(self.tr("Not saved"), again.message)
                return False
        except PlannerError as exc:
            self.problem(self.tr("Not saved"), exc.message)
            return False

    def _undo_failed(self, exc: PlannerError) -> None:
        from planner.store import StaleRecord

        if isinstance(exc, StaleRecord) and self.document is not None:
            from planner.gui.stale import undo_refused_text

            self.problem(self.tr("Undo / redo not possible"), undo_refused_text(exc))
            self.document.reload()
            return
        self.problem(self.tr("Undo / redo not possible"), exc.message)

    # ================================================================ cycle actions
    def cycle_action(self, key: str, cycle_number: int) -> None:
        from planner.gui.dialogs.cycle_actions import DIALOGS, WeightDialog

        document = self.document
        if document is None:
            return
        if document.record.withdrawn:
            self.problem(self.tr("Patient withdrawn"), self.tr(
                "This patient was withdrawn from treatment ({reason}); their plan can no longer be changed.").format(
                reason=document.record.withdrawn_reason))
            return
        self._selected_cycle = cycle_number
        plan = document.plan
        if key == "dose_check":
            self._cycle_selected(cycle_number)
            self.show_dose_check()
            return
        if key == "given":
            self._mark_given(document, plan, cycle_number)
            return
        dialog_class = DIALOGS.get(key)
        if dialog_class is None:
            return
        try:
            dialog = (WeightDialog(plan, cycle_number, self, today=self.today(),
                                   confirm_pct=self.settings.decimal("check/weight_confirm_pct"))
                      if dialog_class is WeightDialog else dialog_class(plan, cycle_number, self))
        except PlannerError as exc:
            self.problem(self.tr("Not possible"), exc.message)
            return
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        modification = dialog.modification()
        if modification is not None:
            self.apply_modification(modification, dialog.reason_text())

    def apply_modification(self, modification: Modification, reason: str) -> bool:
        """One undoable change of the open patient's plan, saved with its reason and audit record."""
        from planner.gui.dialogs.cycle_actions import describe_modification

        document = self.document
        if document is None:
            return False
        text = describe_modification(modification, document.plan.regimen)
        if self._write(lambda: document.apply(modification, reason, text), text):
            self.say(self.tr("Saved: {what}. Undo with Ctrl+Z.").format(what=text))
            return True
        return False

    def accept_assessment(self, request: Any) -> bool:
        """Accept an assessment's proposal as one undoable change (the operation recomputes the proposal)."""
        from planner.gui.views.assessment_panel import AssessmentCommand

        document = self.document
        if document is None:
            return False
        text = self.tr("Accept assessment of cycle {n}").format(n=request.assessment.cycle)

        def run() -> None:
            command = AssessmentCommand(document, request, text)
            command.execute()
            document.undo_stack.push(command)

        if self._write(run, text):
            self._ensure_patient_page().assessment.clear_entries()
            self.say(self.tr("Saved: {what}. Undo with Ctrl+Z.").format(what=text))
            return True
        return False

    def _mark_given(self, document: PatientDocument, plan: Plan, cycle_number: int) -> None:
        from planner.gui.dialogs.simple_dialogs import MarkGivenDialog

        try:
            dialog = MarkGivenDialog(plan, cycle_number, document.record.dose_checks, self, today=self.today())
        except PlannerError as exc:
            self.problem(self.tr("Not possible"), exc.message)
            return
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.administration() is None:
            return
        given = dialog.administration()
        assert given is not None
        dose = plan.cycle(cycle_number).dose_for(given.drug)
        name = dose.drug.label if dose is not None else given.drug
        text = self.tr("Given: {drug} {mg} mg, cycle {c} day {d}").format(
            drug=name, mg=plain(given.dose_mg), c=given.cycle, d=given.day)
        if self._write(lambda: document.mark_given(given, text), text):
            self.say(self.tr("Saved: {what}. Undo with Ctrl+Z.").format(what=text))

    # ================================================================ dose check
    def record_dose_check(self, request: Any) -> None:
        document = self.document
        if document is None:
            return
        ok = self._write(lambda: document.record_dose_check(
            cycle=request.cycle, drug=request.drug, calculated_mg=request.calculated_mg,
            checked_mg=request.checked_mg, tolerance_pct=request.tolerance_pct,
            first_checker=request.first_checker, second_checker=request.second_checker,
            second_secret=getattr(request, "second_secret", None)))
        if ok:
            check = document.record.dose_checks[-1]
            verdict = self.tr("passed") if check.passed else self.tr("FAILED")
            self.say(self.tr("Double check {verdict}: cycle {c}, deviation {pct}%.").format(
                verdict=verdict, c=check.cycle, pct=check.deviation_pct))

    # ================================================================ accounts (planner.gui.accounts)
    def accounts_changed(self) -> None:
        """Signed in or out: the dose check's first checker follows the signed-in user (while locked it stays,
        with what was entered, until someone signs in)."""
        self.empty_state.accounts_button.setVisible(self.accounts.create_admin_action.isVisible())
        if self.page is not None and not self.accounts.locked:
            self.page.dose_panel.set_accounts(self.accounts.checker_name())

    def user_changed(self) -> None:
        """Another user signed in: the previous user's changes are not theirs to undo."""
        for document in self._documents.values():
            document.undo_stack.clear()

    # ================================================================ preferences, about
    def edit_preferences(self) -> None:
        from planner.gui.dialogs.preferences_dialog import PreferencesDialog

        self.finish_setup()
        language = self.settings.text("ui/language")
        if PreferencesDialog(self.settings, self).exec() == QDialog.DialogCode.Accepted:
            if self.settings.text("ui/language") != language:
                from planner.gui.translations import use_language

                use_language(self.settings.text("ui/language"))  # every window follows LanguageChange
            self.say(self.tr("Preferences saved; new plans use them."))
            minutes = self.settings.get("security/lock_minutes")
            self.accounts.set_idle_minutes(minutes if isinstance(minutes, int) else 10)
            if self.document is not None:
                self._show_record(self.document)  # the dose-check tolerance may have changed

    def about(self) -> None:
        from planner.gui.about import show_about

        show_about(self, self.store)

