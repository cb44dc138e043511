"""Shared pieces of the validated forms: a red message under a field, and touched-field tracking.

A field is checked on every keystroke, but its message only appears once the nurse has edited it (a blank
form is not a wall of red); the Save button reflects every field from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from planner.core.dates import parse_iso_date

ERROR_STYLE = "color: #b00020;"
INVALID_FIELD_STYLE = "border: 1px solid #b00020;"


class FieldMessage(QLabel):
    """The message under one field: red for a problem, grey for a hint (e.g. the converted value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def show_hint(self, text: str) -> None:
        self.setStyleSheet("color: #555;")
        self.setText(text)
        self.setVisible(bool(text))


class MessageLine(QLabel):
    """A reserved line under a form for its one current problem: always there (blank when all is well), so
    a message appearing never pushes, squeezes or moves the fields a nurse is about to click."""

    LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES + 4)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(ERROR_STYLE)

    def show_error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)
        self.setToolTip(text)  # a message longer than the reserved lines is still readable whole

    def show_hint(self, text: str) -> None:
        self.setStyleSheet("color: #555;")
        self.setText(text)
        self.setToolTip(text)


class Touched:
    """Remembers which widgets the person has edited, so only their problems are shown."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        self._touched: set[int] = set()
        self._on_change = on_change

    def watch(self, widget: QWidget) -> None:
        def mark(*_: object) -> None:
            self._touched.add(id(widget))
            self._on_change()
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(mark)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(mark)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(mark)

    def touch_all(self, widgets: list[QWidget]) -> None:
        self._touched.update(id(w) for w in widgets)

    def __contains__(self, widget: QWidget) -> bool:
        return id(widget) in self._touched


def mark_field(widget: QWidget, message: FieldMessage, error: str, show: bool) -> None:
    """Show (or clear) `error` for `widget`: red text underneath and a red border."""
    if error and show:
        message.show_error(error)
        widget.setStyleSheet(INVALID_FIELD_STYLE)
    else:
        if message.styleSheet() == ERROR_STYLE:
            message.show_error("")
        widget.setStyleSheet("")


def optional_date(text: str, field: str, label: str) -> date | None:
    return None if not text.strip() else parse_iso_date(text, field, label)
