"""Small dialogs: withdraw a patient (with reason) and mark a dose given."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.core.administration_rules import DoseCheck, check_can_mark_given
from planner.core.dates import parse_iso_date
from planner.core.decimal_math import plain
from planner.core.errors import InputError
from planner.core.plan import Plan
from planner.gui.dialogs._form import MessageLine


class _WithdrawDialog(QDialog):
    """Withdraw something that stays on record: what it is, a required reason, and the Withdraw button.
    Its own words use the fixed context "WithdrawDialog" (QCoreApplication.translate), so both subclasses
    share one translation whatever class a window makes."""

    def __init__(self, title: str, message: str, placeholder: str, withdraw: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        text = QLabel(message)
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(QCoreApplication.translate("WithdrawDialog", "Reason"))
        self.reason.setPlaceholderText(placeholder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(withdraw)  # the subclass's word: withdrawing a patient is not undoing a change
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("WithdrawDialog", "Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_text(self) -> str:
        return self.reason.text().strip()


class WithdrawPatientDialog(_WithdrawDialog):
    """Withdraw a patient from the list: the record stays (audit), with the reason."""

    def __init__(self, patient_label: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("WithdrawPatientDialog", "Withdraw patient"),
            QCoreApplication.translate(
                "WithdrawPatientDialog", "Withdraw {patient} from active treatment?\nThe record and its history "
                "are kept; the patient no longer appears in the active list.").format(patient=patient_label),
            QCoreApplication.translate("WithdrawPatientDialog", "e.g. disease progression; patient's choice"),
            QCoreApplication.translate("WithdrawPatientDialog", "Withdraw"), parent)


class WithdrawChangeDialog(_WithdrawDialog):
    """History > Withdraw this change: what it was, and the reason (required; kept with the record)."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("WithdrawChangeDialog", "Withdraw this change"),
            QCoreApplication.translate(
                "WithdrawChangeDialog", "Withdraw \"{what}\"?\nIt stays on record, marked withdrawn with your "
                "reason, and no longer counts. Edit > Undo (Ctrl+Z) puts it back.").format(what=what),
            QCoreApplication.translate("WithdrawChangeDialog", "e.g. entered for the wrong cycle"),
            QCoreApplication.translate("WithdrawChangeDialog", "Withdraw"), parent)


@dataclass(frozen=True)
class Administration:
    cycle: int
    day: int
    drug: str
    dose_mg: Decimal
    given_on: date
    note: str = ""


class MarkGivenDialog(QDialog):
    """Record that a planned dose was given: drug and cycle day from the plan, the date it was given.

    The core's rule (`check_can_mark_given`, the same the store applies) decides what may be recorded: no
    future cycle, an infusion only after a passed double check of the current dose, and a date other than the
    planned day only with a reason (typed in the note). What is wrong shows on a reserved line, after an edit.
    """

    def __init__(self, plan: Plan, cycle_number: int, checks: Sequence[DoseCheck] = (),
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.cycle = plan.cycle(cycle_number)
        self.checks = tuple(checks)
        self._today = today or date.today()
        cycle = self.cycle
        self.setWindowTitle(self.tr("Mark given: cycle {n}").format(n=cycle.number))
        self.setMinimumWidth(420)
        self.dose = QComboBox()
        self.dose.setAccessibleName(self.tr("Dose given"))
        for dose in cycle.doses:
            for day in dose.days:
                when = cycle.date_of(day)
                self.dose.addItem(self.tr("{drug} {mg} mg, day {day} ({date})").format(
                    drug=dose.drug.label, mg=plain(dose.dose_mg), day=day, date=when.isoformat()),
                    (dose.drug.id, day, str(dose.dose_mg)))
        # Default to the planned dose closest to today that is not still to come (usually the one just given).
        if self.dose.count():
            def distance(i: int) -> tuple[bool, int]:
                when = cycle.date_of(self.dose.itemData(i)[1])
                return when > self._today, abs((when - self._today).days)
            self.dose.setCurrentIndex(min(range(self.dose.count()), key=distance))
        self.given_on = QLineEdit()
        self.given_on.setAccessibleName(self.tr("Given on"))
        self.given_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note or reason"))
        self.note.setMaxLength(500)
        self.message = MessageLine()
        self.message.setAccessibleName(self.tr("Problem with this entry"))
        note = QLabel(self.tr("Saved with your name and the time. A mistake can be undone with Edit > Undo "
                              "(Ctrl+Z); the record then shows it as withdrawn."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record as given"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._edited = False  # a problem shows once something was chosen or typed (the button says it before)
        self._planned_date()
        self.given_on.textEdited.connect(self._user_edit)
        self.note.textEdited.connect(self._user_edit)
        self.dose.activated.connect(self._dose_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Dose:"), self.dose)
        form.addRow(self.tr("Given on:"), self.given_on)
        form.addRow(self.tr("Note / reason:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._result: Administration | None = None
        self._error = ""
        self._revalidate()
        # The first field to fill: the dose when there is a choice, else the date (already the planned day).
        (self.dose if self.dose.count() > 1 else self.given_on).setFocus(Qt.FocusReason.OtherFocusReason)

    def _planned_date(self) -> None:
        """Fill in the chosen dose's planned day: recorded on its scheduled day unless the nurse says otherwise."""
        data = self.dose.currentData()
        self.given_on.setText(self.cycle.date_of(data[1]).isoformat() if data is not None else "")
        self._update_note_hint()

    def _dose_chosen(self, _index: int) -> None:
        self._planned_date()
        self._user_edit()

    def _user_edit(self, *_: object) -> None:
        self._edited = True
        self._revalidate()

    def _update_note_hint(self) -> None:
        data = self.dose.currentData()
        planned = self.cycle.date_of(data[1]).isoformat() if data is not None else ""
        if data is not None and self.given_on.text().strip() != planned:
            self.note.setPlaceholderText(self.tr("required: why it was given on another day than {date}").format(
                date=planned))
        else:
            self.note.setPlaceholderText(self.tr("optional, e.g. given late after antiemetics"))

    def _revalidate(self, *_: object) -> None:
        self._result = None
        self._update_note_hint()
        try:
            if self.dose.currentData() is None:
                raise InputError("dose", self.tr("This cycle has no planned doses left to give."))
            when = parse_iso_date(self.given_on.text(), "given_on", self.tr("Given on"))
            drug, day, mg = self.dose.currentData()
            check_can_mark_given(self.plan, self.cycle.number, drug, day, when, self.checks, self._today,
                                 self.note.text())
        except InputError as exc:
            self._error = exc.message
            # A refusal that no typing can fix (future cycle, no double check) shows at once; a date or
            # reason still to be typed only once the nurse has edited something.
            self.message.show_error(exc.message if self._edited or exc.field in ("cycle", "dose_check", "dose")
                                    else "")
            self.ok_button.setEnabled(False)
            self.ok_button.setToolTip(exc.message)
            return
        self._error = ""
        self.message.show_error("")
        self.ok_button.setToolTip("")
        self._result = Administration(self.cycle.number, day, drug, Decimal(mg), when)
        self.ok_button.setEnabled(True)

    def error(self) -> str:
        """What stops the entry being recorded now ("" when it can be), shown or not yet."""
        return self._error

    def _accept(self) -> None:
        if self._result is not None:
            self.accept()

    def administration(self) -> Administration | None:
        """What to record (the note as typed when OK is pressed), or None while the entry is invalid."""
        if self._result is None:
            return None
        return Administration(self._result.cycle, self._result.day, self._result.drug, self._result.dose_mg,
                              self._result.given_on, self.note.text().strip())
