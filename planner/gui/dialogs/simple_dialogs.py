"""Small dialogs: withdraw a patient (with reason) and mark a dose given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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

from planner.core.dates import parse_iso_date
from planner.core.decimal_math import plain
from planner.core.errors import InputError
from planner.core.plan import Cycle
from planner.gui.dialogs._form import FieldMessage


class WithdrawPatientDialog(QDialog):
    """Withdraw a patient from the list: the record stays (audit), with the reason."""

    def __init__(self, patient_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Withdraw patient"))
        self.setMinimumWidth(420)
        text = QLabel(self.tr("Withdraw {patient} from active treatment?\nThe record and its history are kept; "
                              "the patient no longer appears in the active list.").format(patient=patient_label))
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. disease progression; patient's choice"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Withdraw"))
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return self.reason.text().strip()


@dataclass(frozen=True)
class Administration:
    cycle: int
    day: int
    drug: str
    dose_mg: Decimal
    given_on: date
    note: str = ""


class MarkGivenDialog(QDialog):
    """Record that a planned dose was given: drug and cycle day from the plan, the date it was given."""

    def __init__(self, cycle: Cycle, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.cycle = cycle
        self._today = today or date.today()
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
        # Default to the planned dose closest to today (usually the one just given).
        if self.dose.count():
            distances = [abs((cycle.date_of(self.dose.itemData(i)[1]) - self._today).days)
                         for i in range(self.dose.count())]
            self.dose.setCurrentIndex(distances.index(min(distances)))
        self.given_on = QLineEdit(self._today.isoformat())
        self.given_on.setAccessibleName(self.tr("Given on"))
        self.given_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.message = FieldMessage()
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note (optional)"))
        self.note.setPlaceholderText(self.tr("optional, e.g. given late after antiemetics"))
        self.note.setMaxLength(500)
        note = QLabel(self.tr("Saved with your name and the time. A mistake can be undone with Edit > Undo "
                              "(Ctrl+Z); the record then shows it as withdrawn."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record as given"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.given_on.textChanged.connect(self._revalidate)
        self.dose.currentIndexChanged.connect(self._revalidate)
        form = QFormLayout()
        form.addRow(self.tr("Dose:"), self.dose)
        form.addRow(self.tr("Given on:"), self.given_on)
        form.addRow(self.tr("Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._result: Administration | None = None
        self._revalidate()

    def _revalidate(self, *_: object) -> None:
        self._result = None
        try:
            if self.dose.currentData() is None:
                raise InputError("dose", self.tr("This cycle has no planned doses left to give."))
            when = parse_iso_date(self.given_on.text(), "given_on", self.tr("Given on"))
            if when > self._today:
                raise InputError("given_on", self.tr("Given on: {date} is in the future.").format(
                    date=when.isoformat()))
        except InputError as exc:
            self.message.show_error(exc.message)
            self.ok_button.setEnabled(False)
            return
        self.message.show_error("")
        drug, day, mg = self.dose.currentData()
        self._result = Administration(self.cycle.number, day, drug, Decimal(mg), when)
        self.ok_button.setEnabled(True)

    def _accept(self) -> None:
        if self._result is not None:
            self.accept()

    def administration(self) -> Administration | None:
        """What to record (the note as typed when OK is pressed), or None while the entry is invalid."""
        if self._result is None:
            return None
        return Administration(self._result.cycle, self._result.day, self._result.drug, self._result.dose_mg,
                              self._result.given_on, self.note.text().strip())
