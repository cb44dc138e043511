"""The dialog for a save refused by the version check: someone else saved this patient after this window
showed the record (another workstation, usually while a dialog here was open and live refresh waited).

It says who, when and what they changed, that the nurse's change was NOT saved, and offers to reload: then
to apply the nurse's change to the new version, or only to reload (the default: look first, then decide).
The store's own message ("reopen it and redo your change") is for the CLI; offering a reload under it would
contradict it, so the window words its own from the StaleRecord's facts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.core.errors import PlannerError

if TYPE_CHECKING:
    from planner.gui.commands import PatientDocument
    from planner.store import StaleRecord

MAX_LISTED = 5  # their changes listed by name; more are counted


def when_text(changed_at: datetime, now: datetime | None = None) -> str:
    """The time alone for a change today (local time), with the date otherwise."""
    local = changed_at.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    return local.strftime("%H:%M:%S") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


def their_changes(document: PatientDocument) -> list[str]:
    """What was saved after the version this window has, in words (the History tab's), oldest first."""
    from planner.gui.history import history_rows

    try:
        entries = document.store.audit_log(document.mrn)
    except PlannerError:
        return []  # the dialog still says who and when; the list is a courtesy
    newer = [e for e in entries if e.at > document.record.updated_at]
    rows = history_rows(newer, document.record)  # newest first
    return [f"{row.what} ({row.actor})" for row in reversed(rows)]


class StaleRecordDialog(QMessageBox):
    """Not saved: changed elsewhere. `apply_mine` is True when the nurse chose to reload and apply."""

    def __init__(self, exc: StaleRecord, patient: str, what: str, changes: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Not saved: changed on another workstation"))
        self.setText(self.tr(
            "{user} saved a change to {patient} at {time}, after this window showed the record.\n"
            "Your change was not saved: {what}.").format(
            user=exc.changed_by, patient=patient, time=when_text(exc.changed_at), what=what))
        listed = "\n".join(f"• {line}" for line in changes[:MAX_LISTED])
        if len(changes) > MAX_LISTED:
            listed += "\n" + self.tr("… and {n} more (History tab)").format(n=len(changes) - MAX_LISTED)
        intro = self.tr("Their change:") + "\n" + listed + "\n\n" if listed else ""
        self.setInformativeText(intro + self.tr(
            "Reload the patient to see it. Then either apply your change to the updated record, or only "
            "reload and decide again."))
        self.apply_button = self.addButton(self.tr("Reload and apply my change"),
                                           QMessageBox.ButtonRole.AcceptRole)
        self.reload_button = self.addButton(self.tr("Reload only"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.reload_button)
        self.setEscapeButton(self.reload_button)

    @property
    def apply_mine(self) -> bool:
        return self.clickedButton() is self.apply_button


def ask_after_stale(parent: QWidget, exc: StaleRecord, document: PatientDocument, what: str) -> bool:
    """Show the dialog; True: reload and apply the change again, False: reload only."""
    identity = document.record.identity
    dialog = StaleRecordDialog(exc, f"{identity.name} ({identity.mrn})", what, their_changes(document), parent)
    dialog.exec()
    return dialog.apply_mine


def undo_refused_text(exc: StaleRecord) -> str:
    """Undo / redo refused for the same reason: the window reloads the patient; says so, and nothing else."""
    from planner.core.i18n import translate

    return translate("StaleRecordDialog", "{user} changed this patient at {time} on another workstation, so "
                     "the undo was not done. The patient was reloaded with their change; the undo history was "
                     "cleared, as it no longer applies.").format(
        user=exc.changed_by, time=when_text(exc.changed_at))
