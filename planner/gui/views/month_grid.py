"""One month of the plan, drawn: a 7-column grid of day cells with drug chips and markers.

Drawn with QPainter rather than built from child widgets: 42 cells x a few chips as widgets would
make every plan change a slow relayout; painting reads the precomputed DayCell map and is done in a
few milliseconds. Weeks start on Monday (ISO 8601), as on the ward's paper calendars.
"""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.core.dates import format_long
from planner.core.formatting import format_month, weekday_name
from planner.core.rules import is_infusion
from planner.gui import style
from planner.gui.views import pictograms
from planner.gui.views.day_cells import Chip, DayCell

MIN_CELL_WIDTH = 66
# 62 px still holds the day line and two one-line chips (cycle day 1: anlotinib + epirubicin), and lets
# six week rows fit under the header on a 1366x768 screen.
MIN_CELL_HEIGHT = 62
WEEK_ROWS = 6  # every month drawn with six week rows so side-by-side months line up


def paint_order(chips: tuple[Chip, ...]) -> list[Chip]:
    """Infusions first: when a short cell holds only one chip, it is the dose that needs the clinic."""
    return sorted(chips, key=lambda c: not is_infusion(c.route))


class MonthGrid(QWidget):
    """Paints `year`/`month`; emits `clicked(date)` for a day of this month."""

    clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year, self._month = 2026, 1
        self._cells: dict[date, DayCell] = {}
        self._today: date | None = None
        self._selected: date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)

    # ------------------------------------------------------------------ state

    def set_state(self, year: int, month: int, cells: dict[date, DayCell], today: date | None,
                  selected: date | None) -> None:
        self._year, self._month, self._cells = year, month, cells
        self._today, self._selected = today, selected
        self.setAccessibleName(self.title())
        self.update()

    def month(self) -> tuple[int, int]:
        return self._year, self._month

    def title(self) -> str:
        return format_month(self._year, self._month)  # the interface language, not the operating system's

    def sizeHint(self) -> QSize:
        return QSize(7 * 96, self._title_height() + self._weekday_height() + WEEK_ROWS * 92)

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * MIN_CELL_WIDTH, self._title_height() + self._weekday_height() + WEEK_ROWS * MIN_CELL_HEIGHT)

    # ---------------------------------------------------------------- geometry

    def _title_height(self) -> int:
        return self._title_font().pointSize() * 2 + 10

    def _weekday_height(self) -> int:
        return QFontMetrics(self._small_font()).height() + 6

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.3)
        font.setBold(True)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.5))
        return font

    def _chip_font(self) -> QFont:
        # Large cells (one month on a wide screen) get larger text: readable from a step back.
        grid = self._grid_rect()
        cell = min(grid.width() / 7, grid.height() / WEEK_ROWS * 1.4)
        font = QFont(self.font())
        base = max(font.pointSizeF(), 8.5)
        font.setPointSizeF(min(base * 1.3, max(base, cell / 12)))
        return font

    def _grid_rect(self) -> QRectF:
        top = self._title_height() + self._weekday_height()
        return QRectF(0.5, top + 0.5, self.width() - 1.0, self.height() - top - 1.0)

    def _first_weekday(self) -> int:
        return date(self._year, self._month, 1).weekday()  # Monday = 0

    def cell_rect(self, when: date) -> QRectF:
        grid = self._grid_rect()
        w, h = grid.width() / 7, grid.height() / WEEK_ROWS
        index = self._first_weekday() + when.day - 1
        return QRectF(grid.left() + (index % 7) * w, grid.top() + (index // 7) * h, w, h)

    def date_at(self, x: float, y: float) -> date | None:
        grid = self._grid_rect()
        if not grid.contains(QPointF(x, y)):
            return None
        col = int((x - grid.left()) / (grid.width() / 7))
        row = int((y - grid.top()) / (grid.height() / WEEK_ROWS))
        day = row * 7 + min(col, 6) - self._first_weekday() + 1
        if 1 <= day <= calendar.monthrange(self._year, self._month)[1]:
            return date(self._year, self._month, day)
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            when = self.date_at(event.pos().x(), event.pos().y())
            text = self.tooltip_for(when) if when is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_for(self, when: date) -> str:
        """One line per item: what the day holds, for a quick look without selecting it."""
        cell = self._cells.get(when)
        if cell is None:
            return self.tr("{date}: not part of the plan").format(date=format_long(when))
        if cell.day.day == 0:
            head = (self.tr("{date}: blood count before cycle {n}") if cell.day.blood_test
                    else self.tr("{date}: before cycle {n}")).format(date=format_long(when), n=cell.day.cycle)
            return "\n".join(t for t in (head, cell.monitoring) if t)
        lines = [self.tr("{date}: cycle {n}, day {d}").format(date=format_long(when), n=cell.day.cycle,
                                                              d=cell.day.day)]
        for chip in cell.chips:
            if chip.state == "given":
                line = self.tr("{drug} {dose} mg {route}").format(drug=chip.name, dose=chip.dose_mg_text,
                                                                 route=chip.route_label)
                if chip.reduced:
                    line += " " + self.tr("(reduced dose level)")
            elif chip.state == "held":
                line = self.tr("{drug} held").format(drug=chip.name)
            else:
                line = self.tr("{drug} stopped").format(drug=chip.name)
            lines.append(line)
        if cell.delay_day:
            lines.append(self.tr("Delay: no treatment"))
        elif cell.is_rest:
            lines.append(self.tr("Rest day"))
        if cell.day.blood_test:
            lines.append(self.tr("Blood count due"))
        if cell.monitoring:
            lines.append(cell.monitoring)
        lines.extend(w.message for w in cell.cycle.warnings if cell.cycle_start)
        return "\n".join(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        when = self.date_at(event.position().x(), event.position().y())
        if when is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(when)
            event.accept()
            return
        super().mousePressEvent(event)

    # ---------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._paint_header(painter)
        days = calendar.monthrange(self._year, self._month)[1]
        grid = self._grid_rect()
        painter.fillRect(grid, QColor(style.OUTSIDE_FILL))
        for d in range(1, days + 1):
            when = date(self._year, self._month, d)
            rect = self.cell_rect(when)
            if event.rect().intersects(rect.toAlignedRect()):
                self._paint_cell(painter, rect, when, self._cells.get(when))
        # Cycle boundaries last, so the neighbouring cell's background cannot cover them.
        painter.setPen(QPen(QColor(style.CYCLE_BOUNDARY), 3))
        for d in range(1, days + 1):
            when = date(self._year, self._month, d)
            cell = self._cells.get(when)
            if cell is not None and cell.cycle_start:
                rect = self.cell_rect(when)
                painter.drawLine(QPointF(rect.left() + 1.5, rect.top()), QPointF(rect.left() + 1.5, rect.bottom()))
        self._paint_today(painter)
        self._paint_selection(painter)
        painter.end()

    def _paint_header(self, painter: QPainter) -> None:
        painter.setFont(self._title_font())
        painter.setPen(QColor(style.DAY_TEXT))
        painter.drawText(QRect(4, 0, self.width() - 8, self._title_height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title())
        painter.setFont(self._small_font())
        painter.setPen(QColor(style.MUTED_TEXT))
        grid = self._grid_rect()
        w = grid.width() / 7
        for col in range(7):
            name = weekday_name(col + 1)
            painter.drawText(QRectF(grid.left() + col * w, self._title_height(), w, self._weekday_height()),
                             Qt.AlignmentFlag.AlignCenter, name)

    def _paint_cell(self, painter: QPainter, rect: QRectF, when: date, cell: DayCell | None) -> None:
        small = self._small_font()
        fm = QFontMetrics(small)
        chip_font = self._chip_font()
        chip_fm = QFontMetrics(chip_font)
        line = fm.height() + 3
        pad = 4.0
        if cell is None:
            fill = QColor(style.OUTSIDE_FILL)
        elif cell.delay_day:
            fill = QColor(style.DELAY.fill)
        elif cell.is_rest:
            fill = QColor(style.REST_FILL)
        else:
            fill = QColor("#FFFFFF")
        painter.fillRect(rect, fill)
        if cell is not None and cell.delay_day:
            painter.fillRect(rect, QBrush(QColor(style.DELAY.border).lighter(150), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(QColor(style.GRID_LINE), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)  # a chip's brush must not flood the next cell
        painter.drawRect(rect)

        # Header line: day of month (circled when today) and the cycle/day number.
        number_font = QFont(chip_font)
        number_font.setBold(True)
        painter.setFont(number_font)
        number_rect = QRectF(rect.left() + pad, rect.top() + 2, chip_fm.horizontalAdvance("00") + 10, line)
        if when == self._today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.TODAY))
            painter.drawRoundedRect(number_rect, line / 2, line / 2)
            painter.setPen(QColor("#FFFFFF"))
        else:
            painter.setPen(QColor(style.DAY_TEXT if cell is not None else style.OUTSIDE_TEXT))
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(when.day))
        if cell is None:
            return

        painter.setFont(small)
        label_left = number_rect.right() + 2
        if cell.monitoring:
            # A dot in the top-right corner: tests due today (the tooltip and the day details list them).
            size = max(4.0, line / 3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.BLOOD_TEST.border))
            painter.drawEllipse(QRectF(rect.right() - pad - size, rect.top() + 3, size, size))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if cell.has_warning:
            # Beside the day number, where no chip can cover it (short cells on a 768 px screen).
            mark = QRectF(label_left, rect.top() + 3, line - 2, line - 2)
            pictograms.warning_mark(painter, mark)
            label_left = mark.right() + 2
        right = QRectF(label_left, rect.top() + 2, rect.right() - label_left - pad, line)
        label_font = QFont(small)
        label_font.setBold(cell.cycle_start)  # measured in the font it is drawn in: bold is wider
        label = self._cycle_label(cell, QFontMetrics(label_font), right.width())
        painter.setPen(QColor(style.DAY_TEXT if cell.cycle_start else style.MUTED_TEXT))
        painter.setFont(label_font)
        painter.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(small)

        # Body: one chip per drug, then the blood-count marker at the bottom.
        y = rect.top() + line + 5
        chip_h = chip_fm.height() + 5
        width = rect.width() - 2 * pad
        painter.setFont(chip_font)
        # Narrow cells put a chip's name and dose on two lines (rather than drop the "mg") as long as
        # the chips after it, and the blood-count marker, still fit on one line each.
        one_line_room = width - chip_h - 6 - chip_h * 0.6
        two_h = 2 * chip_fm.height() + 6
        limit = rect.bottom() - 2 - ((chip_h + 4) if cell.day.blood_test else 0)
        chips = paint_order(cell.chips)
        shown = 0
        for index, chip in enumerate(chips):
            rest = (len(chips) - index - 1) * (chip_h + 3)
            cramped = chip.state == "given" and chip_fm.horizontalAdvance(
                self._label(chip.short, chip.dose_mg_text)) > one_line_room
            two_lines = cramped and y + two_h + 3 + rest <= limit
            height = two_h if two_lines else chip_h
            if y + height > rect.bottom() - 2:
                break
            self._paint_chip(painter, QRectF(rect.left() + pad, y, width, height), chip, chip_fm, two_lines)
            y += height + 3
            shown += 1
        if shown < len(chips):
            # A short cell (a 720 px high screen) cannot hold every chip: say how many more there are, over
            # the corner of the last one, rather than let a drug silently vanish (the day's details list all).
            more = self.tr("+{n}").format(n=len(chips) - shown)
            box_w = chip_fm.horizontalAdvance(more) + 8
            box = QRectF(rect.right() - pad - box_w, max(y - 3 - chip_h, rect.top() + line + 5), box_w, chip_h)
            painter.setPen(QPen(QColor(style.DANGER.border), 1))
            painter.setBrush(QColor(style.DANGER.fill))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor(style.DANGER.text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, more)
        if cell.delay_day:
            painter.setPen(QColor(style.DELAY.text))
            painter.drawText(QRectF(rect.left() + pad, y, width, chip_h), Qt.AlignmentFlag.AlignCenter,
                             self.tr("delay"))
        elif not cell.chips and not cell.day.blood_test:
            painter.setPen(QColor(style.MUTED_TEXT))
            painter.drawText(QRectF(rect.left() + pad, y, width, chip_h), Qt.AlignmentFlag.AlignCenter,
                             self.tr("rest"))
        if cell.day.blood_test:
            left = rect.left() + pad
            box = QRectF(left, rect.bottom() - chip_h - 3, rect.right() - pad - left, chip_h)
            self._paint_blood(painter, box, chip_fm)

    def _cycle_label(self, cell: DayCell, fm: QFontMetrics, width: float) -> str:
        n, d = cell.day.cycle, cell.day.day
        texts = ((self.tr("before cycle {n}").format(n=n), self.tr("before C{n}").format(n=n)) if d == 0 else
                 (self.tr("Cycle {n} · D{d}").format(n=n, d=d), self.tr("C{n} D{d}").format(n=n, d=d),
                  self.tr("C{n}").format(n=n)))
        for text in texts:
            if fm.horizontalAdvance(text) <= width:
                return text
        return ""

    def _label(self, name: str, dose: str) -> str:
        return self.tr("{drug} {dose} mg").format(drug=name, dose=dose)

    def _paint_chip(self, painter: QPainter, box: QRectF, chip: Chip, fm: QFontMetrics,
                    two_lines: bool = False) -> None:
        swatch = style.drug_swatch(chip.route)
        given = chip.state == "given"
        painter.setPen(QPen(swatch.border_color if given else QColor(style.HELD.border), 1,
                            Qt.PenStyle.SolidLine if given else Qt.PenStyle.DashLine))
        painter.setBrush(swatch.fill_color if given else QColor(style.HELD.fill))
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if two_lines:
            self._paint_two_line_chip(painter, box, chip, fm, swatch)
            return
        icon = QRectF(box.left() + 3, box.top() + 2, box.height() - 4, box.height() - 4)
        pictograms.route_icon(painter, icon, chip.route, swatch if given else style.HELD)
        marker_w = box.height() * 0.6 if chip.reduced and given else 0.0
        text_rect = QRectF(icon.right() + 3, box.top(), box.right() - icon.right() - 5 - marker_w, box.height())
        candidates: tuple[str, ...]
        if given:
            # A dose keeps its unit before the drug's name is dropped: the icon and colour still say which
            # drug (see the legend), a bare "12" says nothing about mg.
            candidates = (
                self._label(chip.name, chip.dose_mg_text), self._label(chip.short, chip.dose_mg_text),
                self.tr("{dose} mg").format(dose=chip.dose_mg_text), chip.dose_mg_text)
        elif chip.state == "held":
            candidates = (self.tr("{drug} held").format(drug=chip.name), self.tr("{drug} held").format(drug=chip.short),
                          self.tr("held"))
        else:
            candidates = (self.tr("{drug} stopped").format(drug=chip.name),
                          self.tr("{drug} stopped").format(drug=chip.short), self.tr("stop"))
        text = next((t for t in candidates if fm.horizontalAdvance(t) <= text_rect.width()), candidates[-1])
        font = painter.font()
        if given and text not in candidates[:2]:
            # Rather a slightly smaller "Epi 125 mg" than losing the drug's name in a narrow day.
            smaller = QFont(font)
            smaller.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
            if QFontMetrics(smaller).horizontalAdvance(candidates[1]) <= text_rect.width():
                text = candidates[1]
                painter.setFont(smaller)
        painter.setPen(swatch.text_color if given else QColor(style.HELD.text))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(font)
        if marker_w:
            pictograms.reduced_mark(painter, QRectF(box.right() - marker_w - 2, box.top() + 3, marker_w,
                                               box.height() - 6), swatch.text_color)

    def _paint_two_line_chip(self, painter: QPainter, box: QRectF, chip: Chip, fm: QFontMetrics,
                             swatch: style.Swatch) -> None:
        size = fm.height() - 2
        icon = QRectF(box.left() + 3, box.top() + 3, size, size)
        pictograms.route_icon(painter, icon, chip.route, swatch)
        first = QRectF(icon.right() + 3, box.top() + 2, box.right() - icon.right() - 5, fm.height())
        name = next((t for t in (chip.name, chip.short) if fm.horizontalAdvance(t) <= first.width()), chip.short)
        painter.setPen(swatch.text_color)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        second = QRectF(box.left() + 4, first.bottom() + 1, box.width() - 8, fm.height())
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("{dose} mg").format(dose=chip.dose_mg_text))
        regular = QFont(bold)
        regular.setBold(False)
        painter.setFont(regular)
        if chip.reduced:
            w = size * 0.8
            pictograms.reduced_mark(painter, QRectF(second.right() - w, second.top() + 3, w, second.height() - 6),
                                    swatch.text_color)

    def _paint_blood(self, painter: QPainter, box: QRectF, fm: QFontMetrics) -> None:
        swatch = style.BLOOD_TEST
        painter.setPen(QPen(swatch.border_color, 1))
        painter.setBrush(swatch.fill_color)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        icon = QRectF(box.left() + 3, box.top() + 2, box.height() - 4, box.height() - 4)
        pictograms.drop(painter, icon, QColor("#C00000"))
        text_rect = QRectF(icon.right() + 3, box.top(), box.right() - icon.right() - 5, box.height())
        candidates = (self.tr("Blood count"), self.tr("Blood"), self.tr("FBC"))
        text = next((t for t in candidates if fm.horizontalAdvance(t) <= text_rect.width()), candidates[-1])
        painter.setPen(swatch.text_color)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_today(self, painter: QPainter) -> None:
        when = self._today
        if when is None or (when.year, when.month) != (self._year, self._month):
            return
        painter.setPen(QPen(QColor(style.TODAY), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.cell_rect(when).adjusted(1, 1, -1, -1))

    def _paint_selection(self, painter: QPainter) -> None:
        when = self._selected
        if when is None or (when.year, when.month) != (self._year, self._month):
            return
        rect = self.cell_rect(when).adjusted(1.5, 1.5, -1.5, -1.5)
        pen = QPen(QColor(style.SELECTION), 3)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
