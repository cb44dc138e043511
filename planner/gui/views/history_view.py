"""The History tab: every audited change of the open patient, filterable, with "Withdraw this change..."."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.gui.history import KINDS, HistoryRow, kind_name
from planner.gui.models.history_model import (
    COL_REASON,
    COL_WHAT,
    COL_WHEN,
    COL_WITHDRAWN,
    ROW_ROLE,
    HistoryFilterProxy,
    HistoryTableModel,
)


class HistoryView(QWidget):
    withdrawRequested = Signal(object)  # the HistoryRow to withdraw

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryTableModel(self)
        self.proxy = HistoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter: who, what, reason, date..."))
        self.search.setAccessibleName(self.tr("Filter the history"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of change"))
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.withdraw_button = QPushButton(self.tr("Withdraw this change..."))
        self.withdraw_button.setToolTip(self.tr(
            "Withdraw the selected plan change or Mark given, with a reason (kept on record; Ctrl+Z undoes it)"))
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("History of changes"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_WHAT, COL_REASON, COL_WITHDRAWN):  # long text wraps in the width left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _: self._withdraw())
        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._update_count()

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self._update_count()
        self._selection_changed()

    def selected_row(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _filter(self, *_: object) -> None:
        self.proxy.set_filter(self.search.text(), self.kind.currentData() or "")
        self._update_count()
        self._selection_changed()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{n} changes").format(n=total) if shown == total
                           else self.tr("{shown} of {total} changes").format(shown=shown, total=total))

    def _selection_changed(self, *_: QItemSelection) -> None:
        row = self.selected_row()
        self.withdraw_button.setEnabled(row is not None and row.withdrawable)

    def _withdraw(self) -> None:
        row = self.selected_row()
        if row is not None and row.withdrawable:
            self.withdrawRequested.emit(row)
