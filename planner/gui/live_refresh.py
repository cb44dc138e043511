"""Live refresh: a change saved on another workstation shows in this window within about a second.

A watcher thread waits on the store's notifier (SQLite `PRAGMA data_version`, PostgreSQL LISTEN), asks the
change feed which patients changed and reads just their list rows; all database I/O stays on that thread.
The GUI thread then changes those rows one by one (dataChanged / insert / remove, never a reset that would
lose the nurse's scroll position and selection) and reloads the open patient when a newer version exists.

An edit in progress is never overwritten: while a dialog is open the reload waits until it closes; a save
made from the older version meanwhile is refused by the version check and explained (planner.gui.stale).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from planner.core.errors import PlannerError
from planner.core.rules import PlanStatus

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow
    from planner.store import PatientRecord, PatientStore, PatientSummary
    from planner.store.changes import ChangeToken, Notifier

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # one notifier wait; also how quickly the watcher notices it should stop
ERROR_PAUSE_SECONDS = 2.0  # after a failed read (database briefly unreachable): try again, quietly
MODAL_RETRY_MS = 300  # while a dialog is open, how often to look whether the reload may happen


class _Watcher:
    """The thread: wait, ask the feed, read the changed rows, hand them to the GUI thread. No widgets here."""

    def __init__(self, store: PatientStore, token: ChangeToken, today: Callable[[], date],
                 deliver: Callable[[frozenset[str], list[PatientSummary]], None]) -> None:
        self.store, self.token, self.today, self.deliver = store, token, today, deliver
        self.notifier: Notifier | None = None
        self.stopping = threading.Event()
        self.lock = threading.Lock()  # the notifier is made, used and closed under it
        self.thread = threading.Thread(target=self._run, name="live-refresh", daemon=True)

    def _run(self) -> None:
        # Made here, not on the GUI thread: connecting to a PostgreSQL server may take a while.
        with self.lock:
            if self.stopping.is_set():
                return
            try:
                self.notifier = self.store.notifier()
            except Exception as exc:  # e.g. the file vanished: the window works, only without live refresh
                log.warning("live refresh not started (%s)", type(exc).__name__)
                return
        notifier = self.notifier
        if notifier is None:
            return  # a private in-memory database: nobody else can change it
        while not self.stopping.is_set():
            try:
                if not notifier.wait(POLL_SECONDS) or self.stopping.is_set():
                    continue
                changes = self.store.changes_since(self.token)
                rows = self.store.summaries_of(changes.mrns, today=self.today()) if changes.mrns else []
            except Exception as exc:  # a database that went away for a moment: try again, never crash the app
                log.warning("live refresh: reading changes failed (%s)", type(exc).__name__)
                self.stopping.wait(ERROR_PAUSE_SECONDS)
                continue
            self.token = changes.token
            if changes.mrns and not self.stopping.is_set():
                self.deliver(changes.mrns, rows)

    def stop(self) -> None:
        self.stopping.set()
        if self.thread.is_alive():
            self.thread.join(timeout=5)
        with self.lock:
            if self.notifier is not None:
                self.notifier.close()
                self.notifier = None


class LiveRefresh(QObject):
    """Keeps one MainWindow's list and open patient up to date with what other workstations save."""

    changesArrived = Signal(object, object)  # MRNs (frozenset[str]), their list rows (list[PatientSummary])

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._watcher: _Watcher | None = None
        self._pending: set[str] = set()  # open (or cached) patients with a newer version to load
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(MODAL_RETRY_MS)
        self._retry.timeout.connect(self._reload_pending)
        # Emitted on the watcher thread, delivered (queued) on this object's thread: the GUI thread.
        self.changesArrived.connect(self._apply)

    @property
    def running(self) -> bool:
        return self._watcher is not None

    def start(self, store: PatientStore, token: ChangeToken) -> None:
        """Watch `store` for changes after `token` (taken before the list this window shows was read)."""
        self.stop()
        self._watcher = _Watcher(store, token, self.window.today, self.changesArrived.emit)
        self._watcher.thread.start()

    def stop(self) -> None:
        watcher, self._watcher = self._watcher, None
        self._retry.stop()
        if watcher is not None:
            watcher.stop()

    # ------------------------------------------------------------------ on the GUI thread

    @Slot(object, object)
    def _apply(self, mrns: frozenset[str], rows: list[PatientSummary]) -> None:
        if self._watcher is None:
            return  # stopped meanwhile (window closing, another database opened)
        self._update_list(mrns, rows)
        found = {row.mrn: row for row in rows}
        for mrn, document in list(self.window._documents.items()):
            if mrn not in mrns:
                continue
            row = found.get(mrn)
            if row is None or row.version > document.record.version:
                self._pending.add(mrn)  # gone under this MRN (edited elsewhere) or newer: read it again
        self._reload_pending()

    def _update_list(self, mrns: Collection[str], rows: list[PatientSummary]) -> None:
        patients = self.window.patients
        model = patients.model
        show_withdrawn = patients.show_withdrawn.isChecked()
        found = {row.mrn: row for row in rows}
        selection = patients.table.selectionModel()
        selection.blockSignals(True)  # a removed current row must not open its neighbour
        try:
            for mrn in sorted(mrns):
                row = found.get(mrn)
                listed = model.find(mrn)  # shown, or hidden by the search: either way in the list
                if row is None or (row.status is PlanStatus.WITHDRAWN and not show_withdrawn):
                    if listed is not None:
                        model.remove_patient(mrn)
                elif listed != row:
                    patients.update_patient(row)
        finally:
            selection.blockSignals(False)
        patients.table.viewport().update()

    def _reload_pending(self) -> None:
        """Read the changed open patients again, unless a dialog is open (an edit in progress): then later."""
        if not self._pending or self._watcher is None:
            return
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            self._retry.start()
            return
        store = self.window.store
        if store is None:
            return
        for mrn in sorted(self._pending):
            self._pending.discard(mrn)
            document = self.window._documents.get(mrn)
            if document is None:
                continue
            self.window.runner.start(partial(store.get_patient, mrn), partial(self._reloaded, mrn),
                                     partial(self._reload_failed, mrn))

    def _reloaded(self, mrn: str, record: PatientRecord) -> None:
        document = self.window._documents.get(mrn)
        if document is None or record.version <= document.record.version:
            return  # this window saved meanwhile: it already shows the newest version
        if QApplication.activeModalWidget() is not None:
            self._pending.add(mrn)  # a dialog opened while the record was read: wait for it after all
            self._retry.start()
            return
        had_undo = document.undo_stack.count() > 0
        document.replace_record(record)
        if document is self.window.document:
            self.window._show_record(document)
            text = self.tr("{name} was updated by {user}; showing the latest version.").format(
                name=record.identity.name, user=record.updated_by)
            if had_undo:
                text += " " + self.tr("Undo history cleared: it was made on the older version.")
            self.window.say(text)

    def _reload_failed(self, mrn: str, exc: Any) -> None:
        """The patient is no longer under this MRN (an edit changed it elsewhere): close the stale copy."""
        from planner.store import NotFound

        document = self.window._documents.get(mrn)
        if not isinstance(exc, NotFound) or document is None:
            if isinstance(exc, PlannerError):
                self.window.say(exc.message)
            return
        del self.window._documents[mrn]
        self.window.undo_group.removeStack(document.undo_stack)
        if document is self.window.document:
            self.window.open_patient("")
            self.window.say(self.tr("The open patient was changed on another workstation and is no longer under "
                                    "MRN {mrn}; choose them again in the list.").format(mrn=mrn))
