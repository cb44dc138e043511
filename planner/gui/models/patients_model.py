"""The ward's patient list: a table model of `PatientSummary` rows and the search-as-you-type proxy.

Recipe (Vorta's jobs table model): immutable rows, COL_* constants, translated headers, raw sort keys under
Qt.UserRole so dates sort as dates. The list must stay fluid with 10,000 patients, so the expensive parts are
done once per reset, not once per keystroke: each row's search text is folded when the rows arrive, a
keystroke filters with plain Python substring tests, and sorting is a Python `list.sort` on the source
model (the proxy only filters) rather than tens of thousands of `lessThan` calls back into Python.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from planner.core.dates import format_long
from planner.core.i18n import translate
from planner.core.rules import PlanStatus

if TYPE_CHECKING:
    from planner.store import PatientSummary

COL_NAME, COL_MRN, COL_REGIMEN, COL_CYCLE, COL_NEXT_DOSE, COL_STATUS = range(6)
COLUMN_COUNT = 6
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole PatientSummary of a row
SAME_NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # True when another patient in the list has the same name

_FAR_FUTURE = date.max.toordinal() + 1  # no next dose sorts after every real date

_Index = QModelIndex | QPersistentModelIndex


def _headers() -> tuple[str, ...]:
    return (translate("PatientsTableModel", "Name"), translate("PatientsTableModel", "MRN"),
            translate("PatientsTableModel", "Regimen"), translate("PatientsTableModel", "Cycle"),
            translate("PatientsTableModel", "Next dose"), translate("PatientsTableModel", "Status"))


def status_text(status: str) -> str:
    texts: dict[str, str] = {
        PlanStatus.PLANNED: translate("PatientsTableModel", "Planned"),
        PlanStatus.ON_TREATMENT: translate("PatientsTableModel", "On treatment"),
        PlanStatus.COMPLETED: translate("PatientsTableModel", "Completed"),
        PlanStatus.WITHDRAWN: translate("PatientsTableModel", "Withdrawn"),
    }
    return texts.get(status, status)


def _sort_key(row: PatientSummary, column: int) -> Any:
    if column == COL_NAME:
        return row.name.casefold()
    if column == COL_MRN:
        return row.mrn.casefold()
    if column == COL_REGIMEN:
        return row.regimen_id
    if column == COL_CYCLE:
        return row.current_cycle if row.current_cycle is not None else -1
    if column == COL_NEXT_DOSE:
        return row.next_dose_date.toordinal() if row.next_dose_date is not None else _FAR_FUTURE
    return row.status


class PatientsTableModel(QAbstractTableModel):
    """One row per patient; read-only (patients are edited through dialogs and the store)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PatientSummary] = []
        self._search: list[str] = []
        self._shared: set[str] = set()  # folded names that more than one listed patient has
        self._sort: tuple[int, Qt.SortOrder] = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self.generation = 0  # bumped on every change, so the filter proxy knows its cache is stale
        self._headers = _headers()

    # ----------------------------------------------------------------- data in
    def set_patients(self, rows: Sequence[PatientSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self._shared = shared_names(r.name for r in self._rows)
        self.endResetModel()

    def update_patient(self, summary: PatientSummary) -> None:
        """Replace (or add) one patient's row after an edit, without resetting the whole list."""
        for row, existing in enumerate(self._rows):
            if existing.mrn == summary.mrn:
                self._rows[row] = summary
                self._search[row] = _search_text(summary)
                self.generation += 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
                self._refresh_shared()
                return
        row = self._insert_position(summary)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, summary)
        self._search.insert(row, _search_text(summary))
        self.generation += 1
        self.endInsertRows()
        self._refresh_shared()

    def _insert_position(self, summary: PatientSummary) -> int:
        """Where a new row goes in the current sort order (a patient added on another workstation)."""
        column, order = self._sort
        new = (_sort_key(summary, column), summary.name.casefold(), summary.mrn)
        descending = order == Qt.SortOrder.DescendingOrder
        for row, existing in enumerate(self._rows):
            key = (_sort_key(existing, column), existing.name.casefold(), existing.mrn)
            if (key < new) if descending else (new < key):
                return row
        return len(self._rows)

    def remove_patient(self, mrn: str) -> None:
        for row, existing in enumerate(self._rows):
            if existing.mrn == mrn:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                del self._search[row]
                self.generation += 1
                self.endRemoveRows()
                self._refresh_shared()
                return

    def retranslate(self) -> None:
        """The headers and status words in the current language (after a language change)."""
        self._headers = _headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def _refresh_shared(self) -> None:
        """Recount shared names after a one-row edit; the name column of every row may read differently."""
        shared = shared_names(r.name for r in self._rows)
        if shared != self._shared:
            self._shared = shared
            if self._rows:
                self.dataChanged.emit(self.index(0, COL_NAME), self.index(len(self._rows) - 1, COL_NAME))

    # ----------------------------------------------------------------- data out
    def summary(self, row: int) -> PatientSummary:
        return self._rows[row]

    def shares_name(self, summary: PatientSummary) -> bool:
        """Whether another patient in the list has this patient's name (a wrong-patient risk)."""
        return name_key(summary.name) in self._shared

    def search_texts(self) -> list[str]:
        return self._search

    def row_of(self, mrn: str) -> int:
        for row, existing in enumerate(self._rows):
            if existing.mrn == mrn:
                return row
        return -1

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
        shared = name_key(row.name) in self._shared
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME and shared:
                # Same name as another patient: the date of birth tells them apart at a glance.
                return same_name_label(row.name, row.dob)
            return self._display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return _sort_key(row, column)
        if role == SUMMARY_ROLE:
            return row
        if role == SAME_NAME_ROLE:
            return shared
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NAME and shared:
            return same_name_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _tooltip(row)
            if shared:
                tip += "\n" + translate("PatientsTableModel",
                                        "Another patient has the same name: check the MRN and date of birth.")
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and row.status is PlanStatus.WITHDRAWN:
            return QBrush(QColor("#7a7a7a"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CYCLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: PatientSummary, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_MRN:
            return row.mrn
        if column == COL_REGIMEN:
            return row.regimen_id
        if column == COL_CYCLE:
            return "" if row.current_cycle is None else str(row.current_cycle)
        if column == COL_NEXT_DOSE:
            return "" if row.next_dose_date is None else row.next_dose_date.isoformat()
        return status_text(row.status)

    # ----------------------------------------------------------------- sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._sort = (column, order)
        self._apply_sort()
        # Move persistent indexes (the selection) with their rows.
        new_position = {id(r): i for i, r in enumerate(self._rows)}
        from_list, to_list = [], []
        for persistent in self.persistentIndexList():
            r = persistent.row()
            if 0 <= r < len(before):
                target = new_position[id(before[r])]
                from_list.append(persistent)
                to_list.append(self.index(target, persistent.column()))
        self.changePersistentIndexList(from_list, to_list)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        # Secondary key by name then MRN so equal keys always come out in the same order.
        self._rows.sort(key=lambda r: (_sort_key(r, column), r.name.casefold(), r.mrn),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._search = [_search_text(r) for r in self._rows]
        self.generation += 1


def name_key(name: str) -> str:
    """A name as compared for "same name": case and spacing do not tell two patients apart."""
    return " ".join(name.casefold().split())


def shared_names(names: Iterable[str]) -> set[str]:
    """The folded names that occur more than once."""
    counts = Counter(name_key(n) for n in names)
    return {n for n, k in counts.items() if k > 1}


def same_name_label(name: str, dob: date | None) -> str:
    """The name with the date of birth, for a patient whose name another patient shares."""
    born = dob.isoformat() if dob is not None else translate("PatientsTableModel", "DOB unknown")
    # The date of birth last: the list elides in the middle, so a narrow column still shows it whole.
    return translate("PatientsTableModel", "{name} · {dob}").format(name=name, dob=born)


def same_name_icon() -> QIcon:
    """A warning icon from the platform style (no extra artwork to keep in step)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return QIcon()


def _tooltip(row: PatientSummary) -> str:
    """The whole row in words: on a narrow screen the regimen column is hidden and this is where it shows."""
    lines = [f"{row.name} ({row.mrn})",
             translate("PatientsTableModel", "Regimen: {regimen}").format(regimen=row.regimen_id),
             translate("PatientsTableModel", "Status: {status}").format(status=status_text(row.status))]
    if row.current_cycle is not None:
        lines.append(translate("PatientsTableModel", "Current cycle: {n}").format(n=row.current_cycle))
    if row.next_dose_date is not None:
        lines.append(translate("PatientsTableModel", "Next dose: {date}").format(date=format_long(row.next_dose_date)))
    return "\n".join(lines)


def _search_text(row: PatientSummary) -> str:
    return f"{row.name}\n{row.mrn}".casefold()


class PatientFilterProxy(QSortFilterProxyModel):
    """Filters by name or MRN (every word typed must appear); sorting is delegated to the source model.

    The proxy's own sort column stays -1 so it keeps the source order: header clicks arrive in `sort`,
    which sorts the source rows in Python (a few ms for 10,000 rows).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._accepted: list[bool] = []
        self._accepted_generation = -1
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def search_text(self) -> str:
        return " ".join(self._words)

    def search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateRowsFilter() is deprecated
            self.beginFilterChange()
            self._words = text.casefold().split()
            self._accepted_generation = -1
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = text.casefold().split()
            self._accepted_generation = -1
            self.invalidateRowsFilter()

    def _accepted_rows(self) -> list[bool]:
        source = self.sourceModel()
        if not isinstance(source, PatientsTableModel):
            return []
        if self._accepted_generation != source.generation:
            words = self._words
            self._accepted = [all(w in s for w in words) for s in source.search_texts()]
            self._accepted_generation = source.generation
        return self._accepted

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        accepted = self._accepted_rows()
        return source_row < len(accepted) and accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)
