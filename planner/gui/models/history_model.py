"""The History tab's table: one row per audited change (Vorta's table-model recipe, like the patient list)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from planner.core.i18n import translate
from planner.gui.history import HistoryRow, kind_name

COL_WHEN, COL_WHO, COL_KIND, COL_WHAT, COL_REASON, COL_WITHDRAWN = range(6)
COLUMN_COUNT = 6
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole HistoryRow
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class HistoryTableModel(QAbstractTableModel):
    """Read-only rows, newest first; raw values under UserRole (the time as a datetime sorts as a time)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._headers = (translate("HistoryTable", "When"), translate("HistoryTable", "Who"),
                         translate("HistoryTable", "Kind"), translate("HistoryTable", "What"),
                         translate("HistoryTable", "Reason / note"), translate("HistoryTable", "Withdrawn"))

    def set_rows(self, rows: Sequence[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> HistoryRow:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.when_text, row.actor, kind_name(row.kind), row.what, row.reason, row.withdrawn)[column]
        if role == Qt.ItemDataRole.UserRole:
            return row.at.timestamp() if column == COL_WHEN else self.data(index)
        if role == ROW_ROLE:
            return row
        if role == KIND_ROLE:
            return row.kind
        if role == Qt.ItemDataRole.ForegroundRole and row.withdrawn:
            return QBrush(QColor("#7a7a7a"))  # still listed, visibly no longer in force
        return None


class HistoryFilterProxy(QSortFilterProxyModel):
    """Rows whose text holds every word typed, of the chosen kind ("" = every kind)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filter(self, text: str, kind: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter() is deprecated
            self.beginFilterChange()
            self._words, self._kind = text.casefold().split(), kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words, self._kind = text.casefold().split(), kind
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, HistoryTableModel) or not 0 <= source_row < source.rowCount():
            return False
        row = source.row(source_row)
        if self._kind and row.kind != self._kind:
            return False
        text = row.search_text()
        return all(word in text for word in self._words)
