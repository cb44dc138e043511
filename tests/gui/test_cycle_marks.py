"""The cycles table tells held and modified doses apart and marks the monitoring due before the next cycle."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.core.modifications import DoseLevelChange, OmitDays, StopDrug
from planner.core.plan import PatientInputs, PriorExposure, compute_plan
from planner.gui import style
from planner.gui.models.cycles_model import COL_START, CyclesTableModel
from tests.gui.conftest import REGIMEN, START, make_plan

BG, FG, FONT = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole


def test_held_and_modified_doses_are_coloured_differently(qtmodeltester):
    plan = make_plan(DoseLevelChange("epirubicin", 2, Decimal(75)), OmitDays("anlotinib", 3, (8, 9)),
                     StopDrug("epirubicin", 5))
    model = CyclesTableModel()
    model.set_plan(plan, today=START)
    qtmodeltester.check(model)
    epi, anl = model.drug_column("epirubicin"), model.drug_column("anlotinib")
    modified = model.index(1, epi)  # cycle 2: 75 mg/m², given
    held = model.index(2, anl)  # cycle 3: anlotinib days 8-9 held
    stopped = model.index(4, epi)  # cycle 5: epirubicin stopped
    assert modified.data(BG).color() == QColor(style.WARNING.fill) and not modified.data(FONT)
    for index in (held, stopped):
        assert index.data(BG).color() == QColor(style.HELD_FILL)
        assert index.data(FG).color() == QColor(style.HELD.text) and index.data(FONT).italic()
    assert model.index(0, epi).data(BG) is None  # as planned


def test_monitoring_dot_on_the_next_cycle_with_tests_due(qtbot):
    plan = make_plan()
    model = CyclesTableModel()
    model.set_plan(plan, today=START - timedelta(days=5))
    assert model.monitoring_badge(0) == "due" and model.monitoring_badge(1) == ""
    tip = model.index(0, COL_START).data(Qt.ItemDataRole.ToolTipRole)
    assert "LVEF due" in tip and "Monitoring due: Blood count" in tip and "LVEF (baseline)" in tip
    assert model.index(0, COL_START).data(Qt.ItemDataRole.DecorationRole) == QColor(style.BLOOD_TEST.border)
    # On cycle 1's day 1 the tests were due the day before: overdue (nothing on record), a red dot.
    model.set_plan(plan, today=START)
    assert model.monitoring_badge(0) == "overdue"
    assert model.index(0, COL_START).data(Qt.ItemDataRole.DecorationRole) == QColor(style.DANGER.border)
    # Mid cycle 1: the next cycle's tests.
    model.set_plan(plan, today=START + timedelta(days=3))
    assert model.monitoring_badge(0) == "" and model.monitoring_badge(1) == "due"


def test_lvef_marked_before_the_tier_with_prior_exposure():
    plan = compute_plan(REGIMEN, PatientInputs(START, Decimal(170), Decimal(70),
                                               (PriorExposure("epirubicin", Decimal(100)),)))
    model = CyclesTableModel()
    model.set_plan(plan, today=plan.cycle(5).start + timedelta(days=1))
    assert model.monitoring_badge(5) == "due"
    assert "LVEF due" in model.index(5, COL_START).data(Qt.ItemDataRole.ToolTipRole)
    assert date(2026, 4, 19) == plan.cycle(6).start - timedelta(days=1)
