"""The calendar legend: every colour and mark the month grid uses, drawn the same way, with words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from planner.core.rules import Route
from planner.gui import style
from planner.gui.views import pictograms

Painter = Callable[[QPainter, QRectF], None]


class _Sample(QWidget):
    def __init__(self, paint: Painter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paint = paint
        self.setFixedSize(QSize(30, 18))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint(painter, QRectF(1, 1, self.width() - 2, self.height() - 2))
        painter.end()


def _chip(swatch: style.Swatch, route: str, dashed: bool = False) -> Painter:
    def paint(p: QPainter, r: QRectF) -> None:
        p.setPen(QPen(swatch.border_color, 1, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
        p.setBrush(swatch.fill_color)
        p.drawRoundedRect(r, 3, 3)
        pictograms.route_icon(p, QRectF(r.left() + 3, r.top() + 2, r.height() - 4, r.height() - 4), route, swatch)
    return paint


def _blood(p: QPainter, r: QRectF) -> None:
    p.setPen(QPen(style.BLOOD_TEST.border_color, 1))
    p.setBrush(style.BLOOD_TEST.fill_color)
    p.drawRoundedRect(r, 3, 3)
    pictograms.drop(p, QRectF(r.left() + 3, r.top() + 2, r.height() - 4, r.height() - 4), QColor("#C00000"))


def _fill(color: str, hatch: bool = False) -> Painter:
    def paint(p: QPainter, r: QRectF) -> None:
        p.setPen(QPen(QColor(style.GRID_LINE), 1))
        p.setBrush(QColor(color))
        p.drawRect(r)
        if hatch:
            p.fillRect(r, QBrush(QColor(style.DELAY.border).lighter(150), Qt.BrushStyle.BDiagPattern))
    return paint


def _today(p: QPainter, r: QRectF) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(style.TODAY))
    p.drawRoundedRect(r.adjusted(4, 1, -4, -1), r.height() / 2 - 1, r.height() / 2 - 1)


def _boundary(p: QPainter, r: QRectF) -> None:
    p.fillRect(r, QColor("#FFFFFF"))
    p.setPen(QPen(QColor(style.CYCLE_BOUNDARY), 3))
    p.drawLine(QPointF(r.left() + 10, r.top()), QPointF(r.left() + 10, r.bottom()))


def _reduced(p: QPainter, r: QRectF) -> None:
    pictograms.reduced_mark(p, QRectF(r.center().x() - 5, r.top() + 4, 10, r.height() - 8), style.ORAL.text_color)


def _warning(p: QPainter, r: QRectF) -> None:
    pictograms.warning_mark(p, QRectF(r.center().x() - 8, r.top(), 16, r.height()))


class CalendarLegend(QWidget):
    """Two rows of samples with their meaning; the texts are what a screen reader announces."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        items: list[tuple[Painter, str]] = [
            (_chip(style.ORAL, Route.ORAL), self.tr("Tablets / capsules (daily dose)")),
            (_chip(style.INFUSION, Route.IV), self.tr("Infusion (dose)")),
            (_blood, self.tr("Blood count due")),
            (_reduced, self.tr("Reduced dose level")),
            (_chip(style.HELD, Route.ORAL, dashed=True), self.tr("Dose held / stopped")),
            (_warning, self.tr("Cycle has a warning")),
            (_fill(style.REST_FILL), self.tr("Rest day")),
            (_fill(style.DELAY.fill, hatch=True), self.tr("Delay day")),
            (_boundary, self.tr("Cycle starts")),
            (_today, self.tr("Today")),
            (_fill(style.OUTSIDE_FILL), self.tr("Outside the plan")),
        ]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(4)
        self._items: list[QWidget] = []
        for paint, text in items:
            cell = QWidget(self)
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(5)
            row.addWidget(_Sample(paint, cell))
            row.addWidget(QLabel(text, cell))
            row.addStretch(1)
            cell.setAccessibleName(text)
            self._items.append(cell)
        self._columns = 0
        self.set_columns(2)  # the calendar widens it on resize; starting wide would force a wide minimum
        self.setAccessibleName(self.tr("Calendar legend"))

    def set_columns(self, columns: int) -> None:
        """Re-flow the entries so the legend never forces the calendar wider than its window."""
        columns = max(1, columns)
        if columns == self._columns:
            return
        self._columns = columns
        for item in self._items:
            self._grid.removeWidget(item)
        for index, item in enumerate(self._items):
            self._grid.addWidget(item, index // columns, index % columns)

    def item_width(self) -> int:
        return max(item.sizeHint().width() for item in self._items) + self._grid.horizontalSpacing()
