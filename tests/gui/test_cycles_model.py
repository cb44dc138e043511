from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from planner.core.modifications import Delay, DoseLevelChange, StopDrug
from planner.core.plan import PatientInputs, PriorExposure, compute_plan
from planner.gui import style
from planner.gui.models.cycles_model import (
    COL_CYCLE,
    COL_END,
    COL_PHASE,
    COL_START,
    COL_WEIGHT_BSA,
    CyclesTableModel,
)
from tests.gui.conftest import REGIMEN, START, make_plan

USER = Qt.ItemDataRole.UserRole
DISPLAY = Qt.ItemDataRole.DisplayRole


def text(model, row, col, role=DISPLAY):
    return model.data(model.index(row, col), role)


def test_qtmodeltester_empty_and_with_plan(qtmodeltester, plan, modified_plan):
    model = CyclesTableModel()
    qtmodeltester.check(model)
    model.set_plan(plan, today=date(2026, 2, 1))
    qtmodeltester.check(model)
    model.set_plan(modified_plan, {1: "given"})
    qtmodeltester.check(model)
    model.set_plan(None)
    assert model.rowCount() == 0


def test_rows_columns_and_headers(plan):
    model = CyclesTableModel()
    model.set_plan(plan, today=date(2026, 2, 1))
    assert model.rowCount() == 12 and model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount() == 10  # 5 fixed, 2 drugs, cumulative, status, warnings
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["Cycle", "Phase", "Day 1", "Last day", "Dose weight\n& BSA"]
    assert headers[model.drug_column("epirubicin")] == "Epirubicin\nIV dose"
    tip = model.headerData(model.drug_column("epirubicin"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Epirubicin hydrochloride (IV): dose level x BSA")
    assert headers[-2] == "Status" and headers[-1] == "Warnings"
    assert [model.cycle_at(r) for r in range(3)] == [1, 2, 3]
    assert text(model, 0, COL_CYCLE) == "1" and text(model, 0, COL_PHASE) == "Combination"
    assert text(model, 6, COL_PHASE) == "Maintenance"
    assert text(model, 0, COL_START) == "2026-01-05" and text(model, 0, COL_END) == "2026-01-25"
    assert text(model, 0, COL_START, USER) == QDate(START)
    assert text(model, 0, COL_WEIGHT_BSA) == "70 kg\nBSA 1.82 m²"


def test_weight_change_marked_where_doses_were_recalculated():
    from planner.core.modifications import WeightChange

    model = CyclesTableModel()
    model.set_plan(make_plan(WeightChange(3, Decimal(60)), WeightChange(5, Decimal(59))))
    assert text(model, 2, COL_WEIGHT_BSA) == "60 kg\nBSA 1.68 m²\nnew weight, recalculated"
    assert text(model, 3, COL_WEIGHT_BSA) == "60 kg\nBSA 1.68 m²"
    assert text(model, 4, COL_WEIGHT_BSA) == "60 kg\nBSA 1.68 m²\nweighed 59 kg, unchanged"
    assert "below the 10% threshold" in text(model, 4, COL_WEIGHT_BSA, Qt.ItemDataRole.ToolTipRole)
    assert "Mosteller" in text(model, 0, COL_WEIGHT_BSA, Qt.ItemDataRole.ToolTipRole)


def test_dose_columns_show_the_sum_and_level(modified_plan):
    model = CyclesTableModel()
    model.set_plan(modified_plan)
    epi, anl = model.drug_column("epirubicin"), model.drug_column("anlotinib")
    # The core's sum, broken before its "=" so the column stays narrow.
    assert text(model, 0, epi).startswith("90 mg/m² x 1.82 m²\n= 163.8 -> 164 mg")
    assert text(model, 0, epi, USER) == 164.0
    assert "75 mg/m² x 1.82 m²\n= 136.5 -> 137 mg" in text(model, 2, epi)
    assert text(model, 2, epi).endswith("\nlevel -1 · days 1")
    assert text(model, 0, anl) == "12 mg\ndays 1-14"
    assert text(model, 1, anl) == "12 mg\ndays 1-7, 11-14 · held days 8-10"
    assert text(model, 6, epi) == "-"  # maintenance has no epirubicin: not "stopped"
    assert text(model, 2, COL_START) == "2026-02-23\n(+7 d)"


def test_stopped_drug_and_cumulative_warning_coloured():
    inputs = PatientInputs(START, Decimal(170), Decimal(70), prior=(PriorExposure("doxorubicin", Decimal(360)),))
    plan = compute_plan(REGIMEN, inputs, modifications=(StopDrug("anlotinib", 5, 1),))
    model = CyclesTableModel()
    model.set_plan(plan)
    anl, cumulative, warnings = model.drug_column("anlotinib"), model.cumulative_column(), model.warnings_column()
    assert text(model, 5, anl) == "stopped"
    assert text(model, 5, cumulative) == "990 mg/m²"  # 450 prior (as epirubicin) + 6 x 90
    assert text(model, 4, cumulative) == "900 mg/m²"
    # A few words in the cell, the core's full message in the tooltip.
    assert text(model, 5, warnings) == "cumulative epirubicin over limit"
    assert "above the 900 mg/m² limit" in text(model, 5, warnings, Qt.ItemDataRole.ToolTipRole)
    assert text(model, 5, warnings, Qt.ItemDataRole.BackgroundRole).color() == QColor(style.DANGER.fill)
    assert text(model, 4, warnings) == "-"
    assert text(model, 4, warnings, Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(cumulative, Qt.Orientation.Horizontal) == "Cumulative\nepirubicin"


def test_status_derived_from_today_and_overridden_by_the_shell(plan):
    model = CyclesTableModel()
    model.set_plan(plan, today=date(2026, 1, 30))
    status = model.status_column()  # the trailing columns follow the plan's drugs
    assert [text(model, r, status) for r in range(3)] == ["not recorded", "in progress", "planned"]
    model.set_plan(plan, {1: "given", 2: "checked"}, today=date(2026, 1, 30))
    assert [text(model, r, status) for r in range(3)] == ["given", "checked", "planned"]


def test_proxy_sorts_dates_as_dates_and_numbers_as_numbers():
    # Cycle 10 must sort after cycle 9 (numbers, not text) and dates after a delay stay in date order.
    plan = make_plan(Delay(3, 7), DoseLevelChange("epirubicin", 2, Decimal(60)))
    model = CyclesTableModel()
    model.set_plan(plan)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(USER)
    proxy.sort(COL_CYCLE, Qt.SortOrder.DescendingOrder)
    assert [proxy.data(proxy.index(r, COL_CYCLE)) for r in range(3)] == ["12", "11", "10"]
    proxy.sort(COL_START, Qt.SortOrder.AscendingOrder)
    starts = [proxy.data(proxy.index(r, COL_START), USER) for r in range(proxy.rowCount(QModelIndex()))]
    assert starts == sorted(starts, key=lambda d: d.toJulianDay())
    assert starts[0] == QDate(START)
    proxy.sort(model.drug_column("epirubicin"), Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, COL_CYCLE)) == "7"  # "-" (no epirubicin) sorts first


def test_tooltips_carry_the_reasons_of_changes():
    from planner.core.modifications import OmitDays

    plan = make_plan(Delay(3, 7, reason="neutrophils 0.9"), OmitDays("anlotinib", 2, (8,), reason="hypertension"),
                     DoseLevelChange("epirubicin", 2, Decimal(75), reason="febrile neutropenia"))
    model = CyclesTableModel()
    model.set_plan(plan)
    tip = Qt.ItemDataRole.ToolTipRole
    assert text(model, 2, COL_START, tip) == "Delayed by 7 days: neutrophils 0.9"
    assert text(model, 1, model.drug_column("anlotinib"), tip).endswith("\nHeld days: hypertension")
    assert text(model, 3, model.drug_column("epirubicin"), tip).endswith("\nDose level: febrile neutropenia")
