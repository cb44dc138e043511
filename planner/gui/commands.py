"""Undoable edits of one patient's plan (orange-canvas-core `document/commands.py` style).

`PatientDocument` is the open patient: the store, the latest record, its undo stack. Every write goes
through it, as the matching planner.operations function, with the version the nurse was looking at, so a
change made meanwhile by someone else is refused (StaleRecord) rather than overwritten.
`ModificationCommand` is ONE user-visible edit: redo adds the modification, undo withdraws it with the
reason "Undone: ..." -- so the undo itself is in the audit log, and redo after undo adds it again
("Redone: ..."). `AdministrationCommand` does the same for Mark given: undo withdraws the administration
(kept on record, flagged), redo records it again. A refusal during undo/redo is reported and the command
is made obsolete (Qt then drops it from the stack) instead of leaving the history out of step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.core.errors import PlannerError
from planner.core.modifications import Modification
from planner.core.plan import Plan

if TYPE_CHECKING:
    from planner.core.assessment import Assessment
    from planner.operations import OpResult
    from planner.store import PatientIdentity, PatientRecord, PatientStore


class PatientDocument(QObject):
    """One open patient. `recordChanged` fires after every successful write (and after undo / redo)."""

    recordChanged = Signal(object)  # PatientRecord
    failed = Signal(object)  # PlannerError raised by the store during undo / redo

    def __init__(self, store: PatientStore, record: PatientRecord, parent: QObject | None = None,
                 run: Callable[[Callable[[], OpResult]], OpResult] | None = None) -> None:
        """`run` carries out one operation and returns its OpResult (or raises its error); the window gives
        `TaskRunner.call`, which runs it on the worker thread while the window keeps painting (issue 14).
        Without it the operation runs in the caller's thread."""
        super().__init__(parent)
        self.store = store
        self.record = record
        self.mrn = record.identity.mrn
        self.previous_mrn = self.mrn  # before the last write: an identity edit may change the MRN
        self._run: Callable[[Callable[[], OpResult]], OpResult] = run or (lambda work: work())
        self.undo_stack = QUndoStack(self)
        self._plan: Plan | None = None

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = self.record.compute_plan()
        return self._plan

    def _set(self, record: PatientRecord) -> PatientRecord:
        self.record = record
        self._plan = None
        self.recordChanged.emit(record)
        return record

    def reload(self) -> PatientRecord:
        """Read the stored record again (after a StaleRecord); the old history no longer applies."""
        self.undo_stack.clear()
        return self._set(self.store.get_patient(self.mrn))

    def replace_record(self, record: PatientRecord) -> None:
        """Take a newer version saved on another workstation (live refresh reads it off the GUI thread and
        shows it itself, so no recordChanged). The undo history was made on the older version: cleared."""
        self.undo_stack.clear()
        self.record = record
        self.mrn = record.identity.mrn
        self._plan = None

    # ------------------------------------------------------------------ writes (each one operation)
    def _done(self, work: Callable[[], OpResult]) -> OpResult:
        """Run the operation (through `run`), then, on the GUI thread, take the saved record and the plan the
        operation computed for it (no second computation)."""
        result = self._run(work)
        self.previous_mrn = self.mrn
        self.record = result.record
        self.mrn = result.mrn  # an identity edit may have changed it
        self._plan = result.plan
        self.recordChanged.emit(result.record)
        return result

    # The MRN, version and repository are read here, on the GUI thread; the operation runs with them
    # wherever `run` puts it.
    def add_modification(self, modification: Modification, reason: str) -> int:
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        return self._done(lambda: operations.modify_plan(repo, mrn, modification, reason,
                                                         expected_version=version)).entity_id

    def withdraw_modification(self, modification_id: int, reason: str) -> None:
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        self._done(lambda: operations.withdraw_modification(repo, mrn, modification_id, reason,
                                                            expected_version=version))

    def accept_assessment(self, assessment: Assessment, reason: str, prescriber: str | None,
                          delay_days: int) -> int:
        """Accept the proposal for `assessment` (recomputed by the operation); returns the assessment's id."""
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        return self._done(lambda: operations.accept_assessment(
            repo, mrn, assessment, reason=reason, expected_version=version, prescriber=prescriber,
            delay_days=delay_days)).entity_id

    def withdraw_assessment(self, assessment_id: int, reason: str) -> None:
        """Undo an acceptance: the assessment and every modification it created are withdrawn."""
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        self._done(lambda: operations.withdraw_assessment(repo, mrn, assessment_id, reason,
                                                          expected_version=version))

    def update_identity(self, identity: PatientIdentity, prescriber: str | None = None) -> None:
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        self._done(lambda: operations.edit_patient(repo, mrn, identity, expected_version=version,
                                                   prescriber=prescriber))

    def withdraw_patient(self, reason: str) -> None:
        from planner import operations

        self.undo_stack.clear()  # nothing to undo into: the patient leaves the active list
        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        self._done(lambda: operations.withdraw_patient(repo, mrn, reason, expected_version=version))

    def record_dose_check(self, *, cycle: int, drug: str, calculated_mg: Decimal, checked_mg: Decimal,
                          tolerance_pct: Decimal, first_checker: str, second_checker: str,
                          second_secret: str | None = None) -> None:
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        self._done(lambda: operations.record_double_check(
            repo, mrn, cycle=cycle, drug=drug, calculated_mg=calculated_mg, checked_mg=checked_mg,
            tolerance_pct=tolerance_pct, first_checker=first_checker, second_checker=second_checker,
            expected_version=version, second_secret=second_secret))

    def record_administration(self, *, cycle: int, day: int, drug: str, dose_mg: Decimal, given_on: date,
                              note: str = "") -> int:
        """Save it; returns the new administration's id (as the operation reports it)."""
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        return self._done(lambda: operations.mark_given(
            repo, mrn, cycle=cycle, day=day, drug=drug, dose_mg=dose_mg, given_on=given_on, note=note,
            expected_version=version)).entity_id

    def withdraw_administration(self, administration_id: int, reason: str) -> None:
        from planner import operations

        repo, mrn, version = self.store.repository, self.mrn, self.record.version
        self._done(lambda: operations.withdraw_administration(repo, mrn, administration_id, reason,
                                                              expected_version=version))

    # ------------------------------------------------------------------ undoable edits
    def apply(self, modification: Modification, reason: str, text: str) -> ModificationCommand:
        """Save the modification now and put it on the undo stack. Raises PlannerError; nothing saved then."""
        command = ModificationCommand(self, modification, reason, text)
        command.execute()
        self.undo_stack.push(command)  # redo() skips its first call: execute() already saved it
        return command

    def mark_given(self, given: GivenDose, text: str) -> AdministrationCommand:
        """Record an administration now and put it on the undo stack. Raises PlannerError; nothing saved then."""
        command = AdministrationCommand(self, given, text)
        command.execute()
        self.undo_stack.push(command)
        return command


class ModificationCommand(QUndoCommand):
    def __init__(self, document: PatientDocument, modification: Modification, reason: str, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document = document
        self.modification = modification
        self.reason = reason
        self.modification_id: int | None = None
        self._applied = False

    def execute(self) -> None:
        self.modification_id = self.document.add_modification(self.modification, self.reason)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return  # the first redo (from QUndoStack.push) after execute()
        self._guard(lambda: setattr(self, "modification_id", self.document.add_modification(
            self.modification, QCoreApplication.translate("Commands", "Redone: {reason}").format(
                reason=self.reason))))
        self._applied = not self.isObsolete()

    def undo(self) -> None:
        if self.modification_id is None:
            return
        modification_id = self.modification_id
        self._guard(lambda: self.document.withdraw_modification(
            modification_id, QCoreApplication.translate("Commands", "Undone: {reason}").format(reason=self.reason)))
        if not self.isObsolete():
            self._applied = False
            self.modification_id = None

    def _guard(self, action: Callable[[], None]) -> None:
        _guard(self, self.document, action)


def _guard(command: QUndoCommand, document: PatientDocument, action: Callable[[], None]) -> None:
    try:
        action()
    except PlannerError as exc:
        # Qt drops an obsolete command from the stack, so the history never claims what the store refused.
        command.setObsolete(True)
        document.failed.emit(exc)


class GivenDose(Protocol):
    """What the Mark given dialog returns (simple_dialogs.Administration)."""

    @property
    def cycle(self) -> int: ...
    @property
    def day(self) -> int: ...
    @property
    def drug(self) -> str: ...
    @property
    def dose_mg(self) -> Decimal: ...
    @property
    def given_on(self) -> date: ...
    @property
    def note(self) -> str: ...


class AdministrationCommand(QUndoCommand):
    """Mark given as one undoable step: undo withdraws the administration ("Undone: ..."), nothing is deleted."""

    def __init__(self, document: PatientDocument, given: GivenDose, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document = document
        self.given = given
        self.administration_id: int | None = None
        self._applied = False

    def _record(self, note: str) -> None:
        g = self.given
        self.administration_id = self.document.record_administration(
            cycle=g.cycle, day=g.day, drug=g.drug, dose_mg=g.dose_mg, given_on=g.given_on, note=note)

    def execute(self) -> None:
        self._record(self.given.note)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return  # the first redo (from QUndoStack.push) after execute()
        note = QCoreApplication.translate("Commands", "Redone: {what}").format(what=self.text())
        _guard(self, self.document, lambda: self._record(f"{note}. {self.given.note}" if self.given.note else note))
        self._applied = not self.isObsolete()

    def undo(self) -> None:
        if self.administration_id is None:
            return
        administration_id = self.administration_id
        reason = QCoreApplication.translate("Commands", "Undone: {what}").format(what=self.text())
        _guard(self, self.document, lambda: self.document.withdraw_administration(administration_id, reason))
        if not self.isObsolete():
            self._applied = False
            self.administration_id = None
