from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.core.modifications import DoseLevelChange, StopDrug, WeightChange
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
    assert check_history(record, plan)[0][4] == "passed"


def _check(store, record, cycle, mg):
    return store.record_dose_check("12345", cycle=cycle, drug="epirubicin", calculated_mg=mg, checked_mg=mg,
                                   tolerance_pct=Decimal(5), first_checker="AL", second_checker="MK",
                                   expected_version=record.version)


@pytest.mark.parametrize("modification", [
    DoseLevelChange("epirubicin", 3, Decimal(60)),  # 164 mg -> 109 mg
    WeightChange(3, Decimal(56), date(2026, 2, 10)),  # 20 % less: recalculated, 164 mg -> 147 mg
])
def test_a_check_of_an_older_dose_no_longer_counts(store, modification):
    record = add_patient(store)
    cycle3 = date(2026, 2, 16)  # day 1 of cycle 3
    record = _check(store, record, 3, record.compute_plan().cycle(3).dose_for("epirubicin").dose_mg)
    assert "dose-check-due" not in [b.code for b in active_badges(record, record.compute_plan(), cycle3)]
    record, _ = store.add_modification("12345", modification, "toxicity", expected_version=record.version)
    plan = record.compute_plan()
    new_mg = plan.cycle(3).dose_for("epirubicin").dose_mg
    assert new_mg != Decimal(164)
    [due] = [b for b in active_badges(record, plan, cycle3) if b.code == "dose-check-due"]
    assert f"checked at 164 mg; the plan now calculates {new_mg} mg" in due.detail
    verdict = check_history(record, plan)[0][4]
    assert verdict.startswith("passed, outdated") and f"{new_mg} mg" in verdict
    # A check of the new dose counts again.
    record = _check(store, record, 3, new_mg)
    assert "dose-check-due" not in [b.code for b in active_badges(record, plan, cycle3)]
    assert [row[4] for row in check_history(record, plan)][:2] == ["passed", verdict]


def test_a_check_of_a_dose_no_longer_given_is_outdated(store):
    record = add_patient(store)
    record = _check(store, record, 3, Decimal(164))
    record, _ = store.add_modification("12345", StopDrug("epirubicin", 3), "cardiac", expected_version=record.version)
    assert check_history(record, record.compute_plan())[0][4] == "passed, outdated (no longer given)"


def test_cycle_statuses_from_administrations(store):
    record = add_patient(store)
    plan = record.compute_plan()
    dose = plan.cycle(1).dose_for("epirubicin")
    record = store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=dose.dose_mg,
                                     checked_mg=dose.dose_mg, tolerance_pct=Decimal(5), first_checker="Li",
                                     second_checker="Chen", expected_version=record.version)
    record = store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=dose.dose_mg,
                                         given_on=START, expected_version=record.version)
    statuses = cycle_statuses(record, plan)
    assert statuses == {1: "epirubicin given"}


def test_cycle_statuses_checked_and_held(store):
    from planner.core.modifications import OmitDays

    record = add_patient(store)
    record = _check(store, record, 2, record.compute_plan().cycle(2).dose_for("epirubicin").dose_mg)
    record, _ = store.add_modification("12345", StopDrug("epirubicin", 4), "cardiac", expected_version=record.version)
    record, _ = store.add_modification("12345", OmitDays("anlotinib", 4, tuple(range(1, 15))), "hand-foot",
                                       expected_version=record.version)
    statuses = cycle_statuses(record, record.compute_plan())
    assert statuses == {2: "checked", 4: "held"}


@pytest.mark.parametrize("today", [date(2026, 3, 1), date(2027, 7, 15)])
def test_the_demo_patient_builds_and_its_checks_are_of_the_current_doses(store, today):
    from planner.gui.demo import add_demo_patient

    record = add_demo_patient(store, today=today)
    plan = record.compute_plan()
    assert [a.cycle for a in record.administrations] == [1, 2, 3]  # given before and after the changes
    assert [row[4] for row in check_history(record, plan)] == ["passed"] * 3
    assert "dose-check-due" not in [b.code for b in active_badges(record, plan, today)]
