"""Withdraw a change from the History tab as one undoable step.

Redo withdraws the modification or administration (kept on record, flagged, with the reason); undo puts
the same change back in force as a new entry ("Restored: ..."), so both directions are in the audit log --
nothing is ever deleted or rewritten. A store refusal (someone else saved meanwhile, a cycle since given)
is reported and the command dropped, as for the other commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from planner.core.errors import InputError
from planner.gui.commands import _guard

if TYPE_CHECKING:
    from planner.gui.commands import PatientDocument


class WithdrawChangeCommand(QUndoCommand):
    def __init__(self, document: PatientDocument, entity: str, entity_id: int, reason: str, text: str) -> None:
        super().__init__(text)
        if entity not in ("modification", "administration"):
            raise InputError("change", QCoreApplication.translate(
                "History", "Only a plan change or a dose marked given can be withdrawn."))
        self.document = document
        self.entity = entity
        self.entity_id = entity_id
        self.reason = reason
        record = document.record
        if entity == "modification":
            self._modification = next(m.modification for m in record.modifications if m.id == entity_id)
            self._mod_reason = next(m.reason for m in record.modifications if m.id == entity_id)
        else:
            self._given = next(a for a in record.administrations if a.id == entity_id)
        self._done = False

    def execute(self) -> None:
        self._withdraw()
        self._done = True

    def _withdraw(self) -> None:
        if self.entity == "modification":
            self.document.withdraw_modification(self.entity_id, self.reason)
        else:
            self.document.withdraw_administration(self.entity_id, self.reason)

    def redo(self) -> None:
        if self._done:
            return  # the first redo (from QUndoStack.push) after execute()
        _guard(self, self.document, self._withdraw)
        self._done = not self.isObsolete()

    def undo(self) -> None:
        restored = QCoreApplication.translate("History", "Restored (undo of a withdrawal): {reason}")

        def restore() -> None:
            if self.entity == "modification":
                self.entity_id = self.document.add_modification(
                    self._modification, restored.format(reason=self._mod_reason))
            else:
                g = self._given
                self.entity_id = self.document.record_administration(
                    cycle=g.cycle, day=g.day, drug=g.drug, dose_mg=g.dose_mg, given_on=g.given_on,
                    note=restored.format(reason=g.note or self.reason))

        _guard(self, self.document, restore)
        if not self.isObsolete():
            self._done = False
