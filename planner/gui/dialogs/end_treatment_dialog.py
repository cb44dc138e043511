"""Edit > End treatment...: why (progression, toxicity, patient's choice, death, other), a note and the day.

The entry is built by the operations' rule (`build_end`), so the dialog refuses what the CLI refuses; saved
through the undo stack like any plan change (Ctrl+Z withdraws it and the maintenance rolls on again)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from planner.core.dates import parse_iso_date
from planner.core.errors import InputError
from planner.core.modifications import EndReason, EndTreatment, end_reason_label
from planner.core.plan import Plan
from planner.gui.dialogs._form import MessageLine
from planner.operations.treatment import build_end


class EndTreatmentDialog(QDialog):
    def __init__(self, plan: Plan, patient_label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan, self._today = plan, today
        self._end: EndTreatment | None = None
        self._reason_text = ""
        self.setWindowTitle(self.tr("End treatment"))
        self.setMinimumWidth(440)
        text = QLabel(self.tr("End the treatment of {patient}? The plan stops after the cycle in progress on the "
                              "day it ended; the record and its history are kept.").format(patient=patient_label))
        text.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Reason"))
        for reason in EndReason:
            self.reason.addItem(end_reason_label(reason), reason.value)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("e.g. CT 12 May: new lung metastases"))
        self.on = QLineEdit(today.isoformat())
        self.on.setAccessibleName(self.tr("Ended on"))
        self.message = MessageLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("End treatment"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Ended on:"), self.on)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        try:
            when = parse_iso_date(self.on.text().strip(), "effective_on", self.tr("Ended on"))
            self._end, self._reason_text = build_end(self._plan, str(self.reason.currentData()), self.note.text(),
                                                     effective_on=when, today=self._today)
        except InputError as exc:
            self.message.show_error(exc.message)
            return
        self.accept()

    def modification(self) -> EndTreatment | None:
        return self._end

    def reason_text(self) -> str:
        return self._reason_text
