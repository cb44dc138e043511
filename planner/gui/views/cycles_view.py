"""The cycles table with the actions a nurse takes on a cycle.

The view only asks: each action button emits `actionRequested(key, cycle)`; the shell opens the
dialog, asks for the reason, pushes the undo command and calls `set_plan` with the new plan.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.plan import Plan
from planner.gui.models.cycles_model import COL_CYCLE, COL_END, COL_PHASE, COL_START, CyclesTableModel

ACTION_KEYS = ("delay", "dose_level", "omit", "stop", "weight", "given")
MAX_COLUMN_WIDTH = 150  # longer text wraps (word wrap is on): the table must fit a 1366 px screen
MIN_WARNINGS_WIDTH = 140
MIN_SQUEEZED_WIDTH = 56  # a column squeezed to keep Warnings in view still shows "164 mg" on a line
MAX_STATUS_WIDTH = 100  # "epirubicin given" wraps onto two lines


class CyclesView(QWidget):
    cycleSelected = Signal(int)
    actionRequested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Cycles"))
        self.model = CyclesTableModel(self)
        self._widths: list[int] = []  # each column's natural width, from the last set_plan
        # column -> (what it was measured for: font, header, cells; its natural width)
        self._measured: dict[int, tuple[object, int]] = {}
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        # Raw values (dates, numbers) live under UserRole: sort by them, not by the display text.
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Cycles of the plan"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CYCLE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTableView::item { padding: 3px 4px; }")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Rows follow their wrapped text whenever the widths change (cheap: one row per cycle).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.viewport().installEventFilter(self)

        labels = {
            "delay": (self.tr("Delay…"), self.tr("Delay this cycle and every later cycle")),
            "dose_level": (self.tr("Change dose level…"), self.tr("Change a drug's dose level from this cycle on")),
            "omit": (self.tr("Omit days…"), self.tr("Hold a drug on some days of this cycle")),
            "stop": (self.tr("Stop a drug…"), self.tr("Stop a drug for good from a day of this cycle")),
            "weight": (self.tr("Record weight…"), self.tr("Record a new weight before this cycle")),
            "given": (self.tr("Mark given"), self.tr("Record that this cycle's doses were given")),
        }
        buttons = QHBoxLayout()
        self._buttons: dict[str, QPushButton] = {}
        for key in ACTION_KEYS:
            text, tip = labels[key]
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(tip)
            button.clicked.connect(lambda _checked=False, k=key: self._request(k))
            buttons.addWidget(button)
            self._buttons[key] = button
        buttons.addStretch(1)
        self._labels = labels
        # Right-click (or the keyboard's menu key) on a cycle offers the same actions, plus its dose check.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # ---------------------------------------------------------------- public API

    def set_plan(self, plan: Plan | None, statuses: dict[int, str] | None = None, today: date | None = None) -> None:
        """Show `plan`, keeping the selected cycle selected when it still exists."""
        keep = self.selected_cycle()
        self.model.set_plan(plan, statuses, today)
        for column in (COL_PHASE, COL_END):
            self.table.setColumnHidden(column, False)  # measured with the others, then hidden if narrow
        self._measure_columns()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self._measured[column][1], MAX_COLUMN_WIDTH))
        # Warnings (the last, stretching column) take the width left and wrap, instead of widening the table.
        self.table.setColumnWidth(self.model.warnings_column(), MIN_WARNINGS_WIDTH)
        status = self.model.status_column()
        self.table.setColumnWidth(status, min(self.table.columnWidth(status), MAX_STATUS_WIDTH))
        self._widths = [self.table.columnWidth(c) for c in range(self.model.columnCount())]
        self._fit_columns()
        if keep is not None and self.model.row_of(keep) is not None:
            self.select_cycle(keep)
        else:
            self._update_buttons()

    def _measure_columns(self) -> None:
        """Each column's natural width (its widest cell or header), measured again only for the columns whose
        text changed: a weight change re-measures BSA, doses and cumulative dose, not the dates. Measuring
        every cell of every column after each save was most of the window's work for the save."""
        font = self.table.font().key()
        for column in range(self.model.columnCount()):
            key = (font, self.model.headerData(column, Qt.Orientation.Horizontal), self.model.column_key(column))
            known = self._measured.get(column)
            if known is None or known[0] != key:
                # What resizeColumnToContents measures, without resizing (and re-laying out every row) yet.
                width = max(self.table.sizeHintForColumn(column),
                            self.table.horizontalHeader().sectionSizeHint(column))
                self._measured[column] = (key, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table's viewport has its final width only after this widget's own resizeEvent: fit again then,
        # or a window that grew would keep the columns squeezed for the narrower width it had before.
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """On a narrow window (1366 / 1280 px screens) hide Phase and Last day -- both are in the Cycle
        column's tooltip, and the phase shows in the dose columns -- so that doses, cumulative dose,
        status and warnings all stay in view without scrolling sideways."""
        if not self._widths:
            return
        room = self.table.viewport().width() or self.width()
        narrow = sum(self._widths) > room
        for column in (COL_PHASE, COL_END):
            self.table.setColumnHidden(column, narrow)
        # Still too wide (a 1280 px screen): the other columns give up width in proportion and wrap their
        # text, so the Warnings column stays in view at its minimum instead of behind a scrollbar.
        warnings = self.model.warnings_column()
        visible = [c for c in range(len(self._widths)) if not self.table.isColumnHidden(c)]
        fixed = [c for c in visible if c in (COL_CYCLE, COL_START, warnings)]  # a date is never cut
        flexible = [c for c in visible if c not in fixed]
        spare = room - sum(self._widths[c] for c in fixed)
        natural = sum(self._widths[c] for c in flexible)
        factor = min(1.0, spare / natural) if natural and spare > 0 else 1.0
        for column in flexible:
            self.table.setColumnWidth(column, max(MIN_SQUEEZED_WIDTH, int(self._widths[column] * factor)))

    def selected_cycle(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.cycle_at(self.proxy.mapToSource(rows[0]).row())

    def select_cycle(self, number: int) -> None:
        row = self.model.row_of(number)
        if row is None:
            raise ValueError(f"there is no cycle {number} in this plan")
        index = self.proxy.mapFromSource(self.model.index(row, COL_CYCLE))
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def action_button(self, key: str) -> QPushButton:
        return self._buttons[key]

    # ---------------------------------------------------------------- internals

    def context_menu_for(self, cycle: int) -> QMenu:
        """The menu of actions on `cycle` (each entry emits actionRequested, as the buttons do)."""
        menu = QMenu(self)
        for key in ACTION_KEYS:
            text, tip = self._labels[key]
            action = menu.addAction(text)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, k=key: self.actionRequested.emit(k, cycle))
        menu.addSeparator()
        check = menu.addAction(self.tr("Dose check of cycle {n}").format(n=cycle))
        check.triggered.connect(lambda _checked=False: self.actionRequested.emit("dose_check", cycle))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.select_cycle(self.model.cycle_at(self.proxy.mapToSource(index).row()))
        cycle = self.selected_cycle()
        if cycle is not None:
            self.context_menu_for(cycle).exec(self.table.viewport().mapToGlobal(pos))

    def _request(self, key: str) -> None:
        cycle = self.selected_cycle()
        if cycle is not None:
            self.actionRequested.emit(key, cycle)

    def _selection_changed(self) -> None:
        self._update_buttons()
        cycle = self.selected_cycle()
        if cycle is not None:
            self.cycleSelected.emit(cycle)

    def _update_buttons(self) -> None:
        enabled = self.selected_cycle() is not None
        for button in self._buttons.values():
            button.setEnabled(enabled)
