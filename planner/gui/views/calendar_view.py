"""The plan calendar: month grids (two side by side when there is room), navigation, legend and the
details of the selected day.

The widget only reads the Plan it is given (`set_plan`); a plan change rebuilds the day map once
and schedules one repaint, which keeps a weight change to a redrawn calendar well under 50 ms.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.core.clinic_days import ClinicCalendar
from planner.core.dates import format_long
from planner.core.plan import Plan
from planner.gui.views.day_cells import DayCell, build_cells
from planner.gui.views.day_details import details_html
from planner.gui.views.legend import CalendarLegend
from planner.gui.views.month_grid import MonthGrid

SIDEBAR_WIDTH = 310
NARROW_SIDEBAR_WIDTH = 250  # below WIDE_CALENDAR: the month grid needs the pixels more than the details
WIDE_CALENDAR = 1040
WIDE_CELL_WIDTH = 88  # two months only when each day still has room for "Anl 12 mg"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class PlanCalendar(QWidget):
    """Shows a Plan as month grids. `daySelected(date)` fires when the nurse picks a day."""

    daySelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._cells: dict[date, DayCell] = {}
        self._today = date.today()
        self._selected: date | None = None
        self._year, self._month = self._today.year, self._today.month
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Treatment calendar"))

        self._prev = QPushButton(self.tr("◀ Previous"), self)
        self._prev.setToolTip(self.tr("Previous month (Page Up)"))
        self._prev.setAccessibleName(self.tr("Previous month"))
        self._today_button = QPushButton(self.tr("Today"), self)
        self._today_button.setToolTip(self.tr("Go to the month of today (Home)"))
        self._today_button.setAccessibleName(self.tr("Go to today"))
        self._next = QPushButton(self.tr("Next ▶"), self)
        self._next.setToolTip(self.tr("Next month (Page Down)"))
        self._next.setAccessibleName(self.tr("Next month"))
        for button in (self._prev, self._today_button, self._next):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._prev.clicked.connect(lambda: self.show_month(*_add_months(self._year, self._month, -1)))
        self._next.clicked.connect(lambda: self.show_month(*_add_months(self._year, self._month, 1)))
        self._today_button.clicked.connect(self._go_today)
        self._range = QLabel(self)
        self._range.setAccessibleName(self.tr("Plan dates"))
        # Wraps rather than widens: a long regimen name must not push the window off a 1366 px screen.
        self._range.setWordWrap(True)
        self._range.setMinimumWidth(120)

        nav = QHBoxLayout()
        nav.addWidget(self._prev)
        nav.addWidget(self._today_button)
        nav.addWidget(self._next)
        nav.addSpacing(12)
        nav.addWidget(self._range, 1)

        self._grids = [MonthGrid(self), MonthGrid(self)]
        for grid in self._grids:
            grid.clicked.connect(self.select_date)
        months = QHBoxLayout()
        months.setSpacing(16)
        for grid in self._grids:
            months.addWidget(grid, 1)

        self._details = QLabel(self)
        self._details.setWordWrap(True)
        self._details.setTextFormat(Qt.TextFormat.RichText)
        self._details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details.setAccessibleName(self.tr("Details of the selected day"))
        self._details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        details_body = QFrame()
        details_body.setObjectName("dayDetails")
        details_body.setStyleSheet("#dayDetails { background: palette(base); }")
        body_layout = QVBoxLayout(details_body)
        body_layout.addWidget(self._details)
        body_layout.addStretch(1)
        # A day with an infusion has a long calculation: on a short screen it scrolls instead of being cut off.
        details_frame = QScrollArea(self)
        details_frame.setWidget(details_body)
        details_frame.setWidgetResizable(True)
        details_frame.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details_frame.setFrameShape(QFrame.Shape.StyledPanel)
        details_frame.setMinimumHeight(80)
        details_frame.setAccessibleName(self.tr("Details of the selected day (scrolls)"))
        self._details_frame = details_frame

        # The sidebar keeps the day's details next to the grid the nurse clicked and the legend always
        # in view, and leaves the grids the full height (taller cells keep every chip's text whole).
        self._legend = CalendarLegend(self)
        self._legend.set_columns(1)
        legend_title = QLabel(self.tr("Legend"), self)
        legend_title.setStyleSheet("font-weight: bold;")
        sidebar = QVBoxLayout()
        sidebar.addWidget(details_frame, 1)
        sidebar.addWidget(legend_title)
        sidebar.addWidget(self._legend)
        self._sidebar_width = 0
        self._set_sidebar_width(NARROW_SIDEBAR_WIDTH)

        left = QVBoxLayout()
        left.addLayout(nav)
        left.addLayout(months, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(sidebar)
        self._refresh()

    # ------------------------------------------------------------------ public API

    def set_plan(self, plan: Plan | None, today: date | None = None, clinic: ClinicCalendar | None = None) -> None:
        """Show `plan` (None: the empty state). Stays on the shown month while it still overlaps the plan.
        `clinic`: the open days, which place the blood tests (default: the day before each infusion)."""
        self._plan = plan
        self._today = today or date.today()
        self._cells = build_cells(plan, clinic)
        if plan is not None:
            shown_first = date(self._year, self._month, 1)
            last_year, last_month = _add_months(self._year, self._month, self._visible_months())
            shown_end = date(last_year, last_month, 1)
            if not (plan.start < shown_end and shown_first <= plan.end):
                anchor = self._today if plan.start <= self._today <= plan.end else plan.start
                self._year, self._month = anchor.year, anchor.month
        if self._selected is not None and plan is not None and self._selected not in self._cells:
            self._selected = None
        self._refresh()

    def show_month(self, year: int, month: int) -> None:
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1 to 12, not {month}")
        self._year, self._month = year, month
        self._refresh()

    def current_month(self) -> tuple[int, int]:
        return self._year, self._month

    def selected_date(self) -> date | None:
        return self._selected

    def select_date(self, when: date) -> None:
        """Select a day (as a click does): show its details, bring its month into view, emit daySelected."""
        self._selected = when
        if (when.year, when.month) not in [g.month() for g in self._visible_grids()]:
            self._year, self._month = when.year, when.month
        self._refresh()
        self.daySelected.emit(when)

    def details_text(self) -> str:
        """The details area's plain text (what a screen reader reads; used by tests)."""
        doc = QTextDocument()
        doc.setHtml(self._details.text())
        return doc.toPlainText()

    def month_grids(self) -> list[MonthGrid]:
        return self._visible_grids()

    def cell(self, when: date) -> DayCell | None:
        return self._cells.get(when)

    # ------------------------------------------------------------------ internals

    def _go_today(self) -> None:
        self.show_month(self._today.year, self._today.month)

    def _visible_months(self) -> int:
        return len(self._visible_grids())

    def _set_sidebar_width(self, width: int) -> None:
        if width != self._sidebar_width:
            self._sidebar_width = width
            self._details_frame.setFixedWidth(width)

    def _wide_enough(self) -> bool:
        return self.width() - self._sidebar_width >= 2 * 7 * WIDE_CELL_WIDTH

    def _visible_grids(self) -> list[MonthGrid]:
        return self._grids if self._wide_enough() else self._grids[:1]

    def _refresh(self) -> None:
        self._grids[1].setVisible(self._wide_enough())
        for offset, grid in enumerate(self._grids):
            year, month = _add_months(self._year, self._month, offset)
            grid.set_state(year, month, self._cells, self._today, self._selected)
        plan = self._plan
        if plan is None:
            self._range.setText(self.tr("No plan: choose a patient to see the treatment calendar."))
        else:
            self._range.setText(self.tr("{regimen}: {count} cycles, {start} to {end}").format(
                regimen=plan.regimen.label, count=len(plan.cycles), start=format_long(plan.start),
                end=format_long(plan.end)))
        self._details.setText(details_html(plan, self._selected, self._cells.get(self._selected)
                                           if self._selected else None))
        # The grids are pictures: a screen reader hears the selected day through the description.
        self.setAccessibleDescription(self.details_text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_sidebar_width(SIDEBAR_WIDTH if self.width() >= WIDE_CALENDAR else NARROW_SIDEBAR_WIDTH)
        if self._grids[1].isVisibleTo(self) != self._wide_enough():
            self._refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.show_month(*_add_months(self._year, self._month, -1))
        elif key == Qt.Key.Key_PageDown:
            self.show_month(*_add_months(self._year, self._month, 1))
        elif key == Qt.Key.Key_Home:
            self._go_today()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
            step = steps[Qt.Key(key)]
            base = self._selected or date(self._year, self._month, 1)
            self.select_date(date.fromordinal(base.toordinal() + step))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def sizeHint(self) -> QSize:
        return QSize(1100, 760)

