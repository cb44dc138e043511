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
from PySide6.QtWidgets import QApplication

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
        PlanStatus.ENDED: translate("PatientsTableModel", "Ended"),
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


_ROW_ROLES = frozenset({SAME_NAME_ROLE, Qt.ItemDataRole.ToolTipRole})  # about the row, asked of any column
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, SUMMARY_ROLE, SAME_NAME_ROLE,
                    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.TextAlignmentRole})


class PatientsTableModel(QAbstractTableModel):
    """One row per patient; read-only (patients are edited through dialogs and the store)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # Every listed patient in sort order, with its casefolded search text; and the rows shown (those
        # matching every word typed). The filter lives here, not in the proxy: a keystroke is one list
        # comprehension and a model reset, not 10,000 filterAcceptsRow calls from C++ into Python (issue 14).
        self._all: list[PatientSummary] = []
        self._all_search: list[str] = []
        self._words: list[str] = []
        self._rows: list[PatientSummary] = []
        self._shared: set[str] = set()  # folded names that more than one listed patient has
        self._names: Counter[str] = Counter()  # how many listed patients have each folded name
        self._sort: tuple[int, Qt.SortOrder] = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self._headers = _headers()

    # ----------------------------------------------------------------- data in
    def set_patients(self, rows: Sequence[PatientSummary]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._apply_sort()
        self._names = Counter(name_key(r.name) for r in self._all)
        self._shared = {n for n, k in self._names.items() if k > 1}
        self.endResetModel()

    def set_filter(self, words: Sequence[str]) -> None:
        """Show only the patients whose name or MRN contains every one of `words` (casefolded)."""
        if list(words) == self._words:
            return
        self.beginResetModel()
        self._words = list(words)
        self._rows = self._visible()
        self.endResetModel()

    def filter_words(self) -> list[str]:
        return self._words

    def _visible(self) -> list[PatientSummary]:
        words = self._words
        if not words:
            return list(self._all)
        if len(words) == 1:
            word = words[0]
            return [r for r, s in zip(self._all, self._all_search, strict=True) if word in s]
        return [r for r, s in zip(self._all, self._all_search, strict=True) if all(w in s for w in words)]

    def update_patient(self, summary: PatientSummary) -> None:
        """Replace (or add) one patient's row after an edit, without resetting the whole list (issue 14):
        dataChanged for the row, a row move when its sort position changed, a row insert for a new patient
        at its sorted place (or a removal when it no longer matches the search). Selection and scroll stay."""
        index = self._index_in_all(summary.mrn)
        old_name = self._all[index].name if index >= 0 else None
        if index < 0:
            target = self._position_for(summary, skip=-1)
            self._all.insert(target, summary)
            self._all_search.insert(target, _search_text(summary))
        else:
            self._all[index] = summary
            self._all_search[index] = _search_text(summary)
            if not self._fits_at(index):
                target = self._position_for(summary, skip=index)
                self._all.insert(target, self._all.pop(index))
                self._all_search.insert(target, self._all_search.pop(index))
        self._show_change(summary.mrn)
        if old_name != summary.name:
            self._refresh_shared(added=summary.name, removed=old_name)

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
        index = self._index_in_all(mrn)
        if index >= 0:
            removed = self._all.pop(index).name
            del self._all_search[index]
            self._show_change(mrn)
            self._refresh_shared(removed=removed)

    def _show_change(self, mrn: str) -> None:
        """Bring the shown rows in line with `_all` after one patient changed there, as one row signal."""
        old = self.row_of(mrn)
        rows = self._visible()
        new = next((i for i, r in enumerate(rows) if r.mrn == mrn), -1)
        if old < 0 and new < 0:
            self._rows = rows
        elif old < 0:
            self.beginInsertRows(QModelIndex(), new, new)
            self._rows = rows
            self.endInsertRows()
        elif new < 0:
            self.beginRemoveRows(QModelIndex(), old, old)
            self._rows = rows
            self.endRemoveRows()
        else:
            # beginMoveRows counts the destination before the row is taken out.
            if new != old and self.beginMoveRows(QModelIndex(), old, old, QModelIndex(),
                                                 new if new < old else new + 1):
                self._rows = rows
                self.endMoveRows()
            self._rows = rows
            self.dataChanged.emit(self.index(new, 0), self.index(new, COLUMN_COUNT - 1))

    def _index_in_all(self, mrn: str) -> int:
        return next((i for i, r in enumerate(self._all) if r.mrn == mrn), -1)

    def _fits_at(self, index: int) -> bool:
        """Whether the patient still sorts between its neighbours (after most edits: no search for a place)."""
        column, order = self._sort
        rows = self._all
        key = _full_key(rows[index], column)
        before = _full_key(rows[index - 1], column) if index > 0 else None
        after = _full_key(rows[index + 1], column) if index + 1 < len(rows) else None
        if order == Qt.SortOrder.DescendingOrder:
            before, after = after, before
        return (before is None or before <= key) and (after is None or key <= after)

    def _position_for(self, summary: PatientSummary, skip: int) -> int:
        """Where `summary` belongs in the current sort order: how many other patients sort before it."""
        column, order = self._sort
        key = _full_key(summary, column)
        if order == Qt.SortOrder.DescendingOrder:
            return sum(1 for i, r in enumerate(self._all) if i != skip and _full_key(r, column) > key)
        return sum(1 for i, r in enumerate(self._all) if i != skip and _full_key(r, column) < key)

    def retranslate(self) -> None:
        """The headers and status words in the current language (after a language change)."""
        self._headers = _headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def shared_names(self) -> frozenset[str]:
        """Folded names that more than one listed patient has (the printouts flag them too)."""
        return frozenset(self._shared)

    def _refresh_shared(self, added: str | None = None, removed: str | None = None) -> None:
        """Recount shared names after a one-row edit (the counts are kept, not recounted: 10,000 names
        take ~15 ms); when a name becomes shared or stops being, every row with it reads differently."""
        changed = False
        for name, step in ((added, 1), (removed, -1)):
            if name is None:
                continue
            key = name_key(name)
            self._names[key] += step
            if self._names[key] <= 0:
                del self._names[key]
            now = self._names.get(key, 0) > 1
            if now != (key in self._shared):
                changed = True
                if now:
                    self._shared.add(key)
                else:
                    self._shared.discard(key)
        if changed:
            if self._rows:
                self.dataChanged.emit(self.index(0, COL_NAME), self.index(len(self._rows) - 1, COL_NAME))

    # ----------------------------------------------------------------- data out
    def summary(self, row: int) -> PatientSummary:
        return self._rows[row]

    def shares_name(self, summary: PatientSummary) -> bool:
        """Whether another patient in the list has this patient's name (a wrong-patient risk)."""
        return name_key(summary.name) in self._shared

    def row_of(self, mrn: str) -> int:
        """The shown row of `mrn`; -1 when not listed or hidden by the search."""
        for row, existing in enumerate(self._rows):
            if existing.mrn == mrn:
                return row
        return -1

    def find(self, mrn: str) -> PatientSummary | None:
        """The listed patient `mrn`, shown or hidden by the search."""
        index = self._index_in_all(mrn)
        return self._all[index] if index >= 0 else None

    def has_patient(self, mrn: str) -> bool:
        return self._index_in_all(mrn) >= 0

    def total_count(self) -> int:
        """Every listed patient, the ones the search hides included."""
        return len(self._all)

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
        if role not in _ROLES:
            return None  # the view asks for a dozen roles per cell while painting: most are not ours
        # Only names need the "same name" test (and only when any name is shared).
        shared = bool(self._shared) and (column == COL_NAME or role in _ROW_ROLES) \
            and name_key(row.name) in self._shared
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
        self._all.sort(key=lambda r: _full_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._all_search = [_search_text(r) for r in self._all]
        self._rows = self._visible()


def _full_key(row: PatientSummary, column: int) -> tuple[Any, str, str]:
    # Secondary key by name then MRN so equal keys always come out in the same order.
    return (_sort_key(row, column), row.name.casefold(), row.mrn)


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
    # Imported here: making PySide's QStyle type (and its nine large enums) costs the first paint 4 ms.
    from PySide6.QtWidgets import QStyle

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
    """Filters by name or MRN (every word typed must appear); the filtering and sorting are the source
    model's, so this proxy passes rows through in C++ (no Python per row).

    The proxy's own sort column stays -1 so it keeps the source order: header clicks arrive in `sort`,
    which sorts the source rows in Python (a few ms for 10,000 rows).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def _source(self) -> PatientsTableModel | None:
        source = self.sourceModel()
        return source if isinstance(source, PatientsTableModel) else None

    def search_text(self) -> str:
        source = self._source()
        return " ".join(source.filter_words()) if source is not None else ""

    def search(self, text: str) -> None:
        source = self._source()
        if source is not None:
            source.set_filter(text.casefold().split())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)
