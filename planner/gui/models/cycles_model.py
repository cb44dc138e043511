"""One row per cycle of a Plan (Vorta's table-model recipe: immutable rows, COL_* constants,
translated headers, raw values under Qt.UserRole so a QSortFilterProxyModel sorts dates as dates).

Dates are QDate under Qt.UserRole (a Python date would be compared as an opaque object by the proxy).
The drug columns follow the plan's regimen (one column per drug, in the regimen's order) and sit
between COL_WEIGHT_BSA and the trailing cumulative / status / warnings columns; use
`drug_column(drug_id)`, `cumulative_column()`, `status_column()` and `warnings_column()`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner.core.dates import format_days
from planner.core.decimal_math import format_m2, plain
from planner.core.i18n import translate
from planner.core.plan import Cycle, DrugDose, Plan
from planner.core.regimen import DrugSpec
from planner.core.rules import WarningCode
from planner.gui import style
from planner.gui.facts import short_warning
from planner.gui.models.cycle_marks import HELD, dose_mark, monitoring_cell, next_monitoring
from planner.gui.plan_reasons import delay_reason, level_reason, omit_reason

COL_CYCLE = 0
COL_PHASE = 1
COL_START = 2
COL_END = 3
COL_WEIGHT_BSA = 4
COL_FIRST_DRUG = 5

Index = QModelIndex | QPersistentModelIndex



@dataclass(frozen=True, slots=True)
class _Cell:
    display: str
    sort: Any
    tooltip: str = ""
    level: str = ""  # "" | "warning" | "danger" | "held": how the cell is coloured
    badge: str = ""  # "" | "due" | "overdue": a coloured dot for monitoring due before the cycle


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    cells: tuple[_Cell, ...]


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def derived_status(cycle: Cycle, today: date) -> str:
    """The status by date alone; the shell passes recorded statuses (e.g. "given") instead when it has them.
    A past cycle with nothing recorded is "not recorded", never "done": the date does not prove a dose."""
    if today < cycle.start:
        return translate("CyclesTable", "planned")
    if today <= cycle.end:
        return translate("CyclesTable", "in progress")
    return translate("CyclesTable", "not recorded")


def _dose_cell(plan: Plan, cycle: Cycle, drug: DrugSpec, dose: DrugDose | None) -> _Cell:
    if dose is None:
        if not any(pd.drug == drug.id for pd in cycle.phase.drugs):
            return _Cell("-", -1.0, translate("CyclesTable", "{drug} is not part of the {phase} phase.").format(
                drug=drug.label, phase=cycle.phase.label))
        return _Cell(translate("CyclesTable", "stopped"), -1.0,
                     translate("CyclesTable", "{drug} was stopped in an earlier cycle.").format(drug=drug.label),
                     HELD)
    calc = dose.calculation
    level = plain(dose.level) + " " + drug.unit
    # calculation.explain() already starts with the level (90 mg/m² x ...); a flat dose is its level.
    # The sum breaks before its "=" so the column stays narrow enough for a 1366 px screen.
    parts = [calc.explain().replace(" = ", "\n= ", 1) if calc.calculated
             else translate("CyclesTable", "{dose} mg").format(dose=plain(dose.dose_mg))]
    if dose.level_index > 0:
        parts.append(translate("CyclesTable", "level -{n}").format(n=dose.level_index))
    if dose.days:
        parts.append(translate("CyclesTable", "days {days}").format(days=format_days(dose.days)))
    else:
        parts.append(translate("CyclesTable", "not given"))
    if dose.omitted_days:
        parts.append(translate("CyclesTable", "held days {days}").format(days=format_days(dose.omitted_days)))
    if dose.stopped_from_day is not None:
        parts.append(translate("CyclesTable", "stopped from day {day}").format(day=dose.stopped_from_day))
    # Two lines: the sum a nurse redoes by hand, then when it is given (keeps the column narrow).
    display = parts[0] + "\n" + " · ".join(parts[1:])
    tooltip = translate("CyclesTable", "{drug} {route}, dose level {level}: {explain}").format(
        drug=drug.label, route=drug.route_label, level=level, explain=calc.explain())
    reasons = [(translate("CyclesTable", "Dose level"),
                level_reason(plan, cycle.number, drug.id) if dose.level_index else ""),
               (translate("CyclesTable", "Held days"),
                omit_reason(plan, cycle.number, drug.id) if dose.omitted_days else "")]
    tooltip += "".join(f"\n{label}: {reason}" for label, reason in reasons if reason)
    return _Cell(display, float(dose.dose_mg) if dose.days else 0.0, tooltip, dose_mark(dose))


def _row(plan: Plan, cycle: Cycle, previous: Cycle | None, status: str) -> _Row:
    drugs = list(plan.regimen.drugs.values())
    # One fact per line keeps the column narrow (the cycles table must fit a 1366 px screen).
    weight = translate("CyclesTable", "{weight} kg\nBSA {bsa} m²").format(
        weight=plain(cycle.dose_weight_kg), bsa=format_m2(cycle.bsa.m2))
    weight_tip = [translate("CyclesTable", "BSA: {explain}").format(explain=cycle.bsa.explain())]
    recalculated = previous is not None and previous.dose_weight_kg != cycle.dose_weight_kg
    if recalculated:
        weight += "\n" + translate("CyclesTable", "new weight, recalculated")
    elif cycle.weight_kg != cycle.dose_weight_kg:
        weight += "\n" + translate("CyclesTable", "weighed {weight} kg, unchanged").format(
            weight=plain(cycle.weight_kg))
    weight_tip.extend(cycle.notes)
    if len(cycle.cumulative_mg_per_m2) == 1:  # the usual case: the header names the drug
        cumulative = translate("CyclesTable", "{amount} mg/m²").format(amount=plain(cycle.cumulative_mg_per_m2[0][1]))
    else:
        cumulative = "; ".join(
            translate("CyclesTable", "{drug} {amount} mg/m²").format(drug=plan.regimen.drug(drug_id).short_label,
                                                amount=plain(amount))
            for drug_id, amount in cycle.cumulative_mg_per_m2)
    over = any(WarningCode.cumulative_drug(w.code) is not None for w in cycle.warnings)
    cumulative_sort = float(sum((amount for _, amount in cycle.cumulative_mg_per_m2), start=0))
    cumulative_tip = ""
    if cycle.cumulative_doxorubicin_eq_mg_per_m2 is not None:
        cumulative_tip = translate(
            "CyclesTable", "Doxorubicin equivalent {amount} mg/m² (prior exposure included).").format(
            amount=plain(cycle.cumulative_doxorubicin_eq_mg_per_m2))
    # A few words per warning in the cell (rows stay one or two lines high); the full messages in the tooltip.
    warnings = "\n".join(short_warning(w.code, plan.regimen) for w in cycle.warnings)
    warnings_tip = "\n".join(w.message for w in cycle.warnings)
    start_tip = ""
    if cycle.delay_days:
        start_tip = translate("CyclesTable", "Delayed by {days} days").format(days=cycle.delay_days)
        reason = delay_reason(plan, cycle.number)
        start_tip += (": " + reason) if reason else ""
    cells = [
        _Cell(str(cycle.number), cycle.number, translate("CyclesTable", "Cycle {n} ({phase}): {start} to {end}").format(
            n=cycle.number, phase=cycle.phase.label, start=cycle.start.isoformat(), end=cycle.end.isoformat())),
        _Cell(cycle.phase.label, cycle.phase.label),
        _Cell(cycle.start.isoformat() + ("\n" + translate("CyclesTable", "(+{days} d)").format(days=cycle.delay_days)
                                         if cycle.delay_days else ""),
              _qdate(cycle.start), start_tip, "warning" if cycle.delay_days else ""),
        _Cell(cycle.end.isoformat(), _qdate(cycle.end)),
        _Cell(weight, float(cycle.bsa.m2), "\n".join(weight_tip),
              "warning" if recalculated or cycle.weight_kg != cycle.dose_weight_kg or cycle.bsa.capped else ""),
        *(_dose_cell(plan, cycle, drug, cycle.dose_for(drug.id)) for drug in drugs),
        _Cell(cumulative or "-", cumulative_sort, cumulative_tip, "danger" if over else ""),
        _Cell(status, status),
        _Cell(warnings or "-", len(cycle.warnings), warnings_tip, "danger" if cycle.warnings else ""),
    ]
    return _Row(cycle.number, tuple(cells))


class CyclesTableModel(QAbstractTableModel):
    """Read-only rows built from a Plan; `set_plan` swaps them in one model reset."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._drugs: list[DrugSpec] = []

    # ---------------------------------------------------------------- public API

    def set_plan(self, plan: Plan | None, statuses: dict[int, str] | None = None,
                 today: date | None = None) -> None:
        """Show `plan`; `statuses` maps cycle numbers to text (the shell's recorded status) and wins over
        the status derived from `today` (default: the real today)."""
        when = today or date.today()
        given = statuses or {}
        if plan is None:
            self.beginResetModel()
            self._rows, self._drugs = [], []
            self.endResetModel()
            return
        drugs = list(plan.regimen.drugs.values())
        rows = [_row(plan, c, plan.cycles[i - 1] if i else None, given.get(c.number) or derived_status(c, when))
                for i, c in enumerate(plan.cycles)]
        rows = _with_monitoring(rows, plan, when)
        if drugs != self._drugs or not self._rows:
            # Another regimen (other columns) or the first plan: every row is new.
            self.beginResetModel()
            self._drugs, self._rows = drugs, rows
            self.endResetModel()
            return
        self._update_rows(rows)

    def _update_rows(self, rows: list[_Row]) -> None:
        """The same patient's plan after a write: only the rows that changed are reported (issue 14), so
        the view keeps its selection and scroll position and repaints a row or two, not the table."""
        old = self._rows
        if len(rows) < len(old):
            self.beginRemoveRows(QModelIndex(), len(rows), len(old) - 1)
            self._rows = old[:len(rows)]
            self.endRemoveRows()
        for row, (before, after) in enumerate(zip(self._rows, rows, strict=False)):
            if before != after:
                self._rows[row] = after
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if len(rows) > len(self._rows):
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, len(rows) - 1)
            self._rows.extend(rows[first:])
            self.endInsertRows()

    def monitoring_badge(self, row: int) -> str:
        """"due", "overdue" or "" for the row's Day 1 cell (tests and accessibility read it)."""
        return self._rows[row].cells[COL_START].badge

    def cycle_at(self, row: int) -> int:
        return self._rows[row].number

    def row_of(self, cycle_number: int) -> int | None:
        for row, item in enumerate(self._rows):
            if item.number == cycle_number:
                return row
        return None

    def drug_column(self, drug_id: str) -> int:
        for offset, drug in enumerate(self._drugs):
            if drug.id == drug_id:
                return COL_FIRST_DRUG + offset
        raise KeyError(drug_id)

    def cumulative_column(self) -> int:
        return COL_FIRST_DRUG + len(self._drugs)

    def status_column(self) -> int:
        return COL_FIRST_DRUG + len(self._drugs) + 1

    def warnings_column(self) -> int:
        # Last: the one column whose text can be long; it takes the remaining width and wraps.
        return COL_FIRST_DRUG + len(self._drugs) + 2

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COL_FIRST_DRUG + len(self._drugs) + 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        # Short two-line headers keep the table within a 1366 px screen; the tooltips say it in full.
        fixed = {COL_CYCLE: translate("CyclesTable", "Cycle"), COL_PHASE: translate("CyclesTable", "Phase"),
                 COL_START: translate("CyclesTable", "Day 1"), COL_END: translate("CyclesTable", "Last day"),
                 COL_WEIGHT_BSA: translate("CyclesTable", "Dose weight\n& BSA")}
        if section in fixed:
            return fixed[section]
        offset = section - COL_FIRST_DRUG
        if 0 <= offset < len(self._drugs):
            drug = self._drugs[offset]
            return translate("CyclesTable", "{drug}\n{route} dose").format(
                drug=drug.short_label, route=drug.route_label)
        if section == self.cumulative_column():
            anthracyclines = [d for d in self._drugs if d.anthracycline]
            if len(anthracyclines) == 1:
                return translate("CyclesTable", "Cumulative\n{drug}").format(
                    drug=anthracyclines[0].short_label.lower())
            return translate("CyclesTable", "Cumulative\nanthracyclines")
        if section == self.warnings_column():
            return translate("CyclesTable", "Warnings")
        if section == self.status_column():
            return translate("CyclesTable", "Status")
        return None

    def _header_tip(self, section: int) -> str:
        if section == COL_WEIGHT_BSA:
            return translate("CyclesTable", "The weight and body surface area this cycle's doses are calculated "
                                            "from (a new weight is taken up only beyond the recalculation "
                                            "threshold).")
        offset = section - COL_FIRST_DRUG
        if 0 <= offset < len(self._drugs):
            drug = self._drugs[offset]
            return translate("CyclesTable", "{drug} ({route}): dose level x BSA = exact -> rounded dose, and the "
                                            "cycle days it is given on.").format(drug=drug.label,
                                                                                 route=drug.route_label)
        return ""

    def column_key(self, column: int) -> tuple[tuple[str, str, str], ...]:
        """What a column's width depends on: each cell's text, colouring (held cells are italic) and badge."""
        return tuple((c.display, c.level, c.badge) for c in
                     (row.cells[column] for row in self._rows if column < len(row.cells)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cells = self._rows[index.row()].cells
        if not 0 <= index.column() < len(cells):
            return None
        cell = cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.display
        if role == Qt.ItemDataRole.UserRole:
            return cell.sort
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if cell.level == HELD and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                                           Qt.ItemDataRole.FontRole):
            return self._held_style(role)
        if role == Qt.ItemDataRole.ForegroundRole and cell.level:
            return QBrush(QColor(style.DANGER.text if cell.level == "danger" else style.WARNING.text))
        if role == Qt.ItemDataRole.BackgroundRole and cell.level:
            return QBrush(QColor(style.DANGER.fill if cell.level == "danger" else style.WARNING.fill))
        if role == Qt.ItemDataRole.DecorationRole and cell.badge:
            return QColor(style.DANGER.border if cell.badge == "overdue" else style.BLOOD_TEST.border)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_CYCLE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _held_style(role: int) -> Any:
        """Held (omitted, stopped) cells: grey and italic on grey, unlike the amber of a modified dose."""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(style.HELD.text))
        return QBrush(QColor(style.HELD_FILL))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _with_monitoring(rows: list[_Row], plan: Plan, today: date) -> list[_Row]:
    """The next cycle's open monitoring tests in its status cell ("LVEF due", "tests overdue")."""
    found = next_monitoring(plan, today)
    index = next((i for i, r in enumerate(rows) if found is not None and r.number == found[0]), None)
    if found is None or index is None:
        return rows
    short, tip, overdue = monitoring_cell(found[1])
    cells = list(rows[index].cells)
    # A dot on the Day 1 cell (no extra column: the table must fit a 1280 px screen), the tests in its tooltip.
    start = cells[COL_START]
    cells[COL_START] = replace(start, tooltip="\n".join(t for t in (start.tooltip, f"{short}: {tip}") if t),
                               badge="overdue" if overdue else "due")
    marked = list(rows)
    marked[index] = _Row(rows[index].number, tuple(cells))
    return marked
