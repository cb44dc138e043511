"""Ask which clinic day the day list is for (today by default)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner.core.formatting import format_weekday_date


class DayListDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export day list"))
        text = QLabel(self.tr("Everyone on treatment who is due for an infusion or a cycle start on this day, with "
                              "their doses and the checks due, and the blood tests for the next day's infusions."))
        text.setWordWrap(True)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")  # ISO: never 05/01 read as May or January
        self.day.setAccessibleName(self.tr("Clinic day"))
        self.spelled = QLabel()  # the weekday and month in words: a slip to the wrong week is seen at once
        self.spelled.setStyleSheet("color: #555;")
        self.day.dateChanged.connect(lambda _: self._spell())
        self._spell()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export..."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.spelled, 1)
        form.addRow(self.tr("Clinic day:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _spell(self) -> None:
        self.spelled.setText(format_weekday_date(self.chosen_date(), full_weekday=True))

    def chosen_date(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())
