from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.core.plan import PriorExposure
from planner.gui.facts import active_badges, age_on, check_history, current_cycle, cycle_statuses
from planner.store import PatientStore
from tests.gui.shell_helpers import START, add_patient


@pytest.fixture
def store(tmp_path):
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as opened:
        yield opened


def test_age_counts_completed_years():
    assert age_on(date(1970, 3, 1), date(2026, 2, 28)) == 55
    assert age_on(date(1970, 3, 1), date(2026, 3, 1)) == 56


def test_current_cycle_before_during_and_after(store):
    plan = add_patient(store).compute_plan()
    assert current_cycle(plan, date(2025, 12, 1)).number == 1
    assert current_cycle(plan, date(2026, 2, 2)).number == 2
    assert current_cycle(plan, date(2030, 1, 1)) is None


def test_badges_show_the_cumulative_limit_once_and_the_due_double_check(store):
    record = add_patient(store, prior=(PriorExposure("doxorubicin", Decimal(400)),))
    plan = record.compute_plan()
    badges = active_badges(record, plan, START)
    codes = [b.code for b in badges]
    assert codes.count("cumulative-epirubicin-limit") == 1
    assert codes[0] == "cumulative-epirubicin-limit"  # the worst first
    assert "dose-check-due" in codes
    assert "900 mg/m²" in badges[0].detail
    # Once the current cycle's epirubicin is double-checked, that badge goes.
    dose = plan.cycle(1).dose_for("epirubicin")
    record = store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=dose.dose_mg,
                                     checked_mg=dose.dose_mg, tolerance_pct=Decimal(5), first_checker="AL",
                                     second_checker="MK", expected_version=record.version)
    assert "dose-check-due" not in [b.code for b in active_badges(record, plan, START)]
    assert check_history(record)[0][4] == "passed"


def test_cycle_statuses_from_administrations(store):
    record = add_patient(store)
    plan = record.compute_plan()
    dose = plan.cycle(1).dose_for("epirubicin")
    record = store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=dose.dose_mg,
                                         given_on=START, expected_version=record.version)
    statuses = cycle_statuses(record, plan)
    assert statuses == {1: "epirubicin given"}
