"""The monitoring schedule from the regimen file: due days, tiers with prior exposure, closure days, done/overdue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.core.clinic_days import ClinicCalendar
from planner.core.errors import RegimenError
from planner.core.modifications import Delay, OmitDays, StopDrug
from planner.core.monitoring import DueStatus, MonitoringTest, monitoring_due, pending
from planner.core.plan import PatientInputs, PriorExposure, compute_plan
from planner.core.regimen import load_regimen, parse_regimen

START = date(2026, 1, 5)  # a Monday


def plan_of(*mods, prior=()):
    return compute_plan(load_regimen(), PatientInputs(START, Decimal(170), Decimal(70), tuple(prior)),
                        modifications=mods)


def dues(plan, item, done=None, today=date(2026, 1, 1), clinic=None):
    return [d for d in monitoring_due(plan, done or {}, today, clinic) if d.item == item]


def test_blood_count_before_every_epirubicin_cycle_including_cycle_1():
    plan = plan_of()
    found = dues(plan, "blood-count")
    assert [d.cycle for d in found] == [1, 2, 3, 4, 5, 6]  # not the anlotinib-only maintenance cycles
    assert found[0].due_on == date(2026, 1, 4) and found[0].test is MonitoringTest.BLOOD_COUNT
    assert found[1].due_on == date(2026, 1, 25)
    assert all(d.status is DueStatus.DUE for d in found)


def test_blood_count_not_due_when_epirubicin_is_omitted_or_stopped():
    plan = plan_of(OmitDays("epirubicin", 2, (1,)), StopDrug("epirubicin", 5))
    assert [d.cycle for d in dues(plan, "blood-count")] == [1, 3, 4]


def test_every_n_cycles_and_every_cycle():
    plan = plan_of()
    assert [d.cycle for d in dues(plan, "thyroid-function")] == [1, 3, 5, 7, 9, 11]
    assert [d.cycle for d in dues(plan, "blood-pressure")] == list(range(1, 13))


def test_lvef_at_baseline_only_without_prior_exposure():
    # Six cycles of 90 mg/m² are 540: no tier is crossed.
    assert [(d.cycle, d.why) for d in dues(plan_of(), "lvef")] == [(1, "baseline")]


def test_lvef_before_the_dose_that_crosses_each_tier_with_prior_exposure():
    # 100 prior: after cycle 5 = 550 (not past 550), cycle 6 takes it to 640 -> LVEF before cycle 6.
    plan = plan_of(prior=[PriorExposure("epirubicin", Decimal(100))])
    assert [d.cycle for d in dues(plan, "lvef")] == [1, 6]
    # 560 prior: cycle 1 already crosses 550 (baseline covers it); 700 is crossed at cycle 2 (650 -> 740).
    plan = plan_of(prior=[PriorExposure("epirubicin", Decimal(560))])
    found = dues(plan, "lvef")
    assert [d.cycle for d in found] == [1, 2]
    assert "700" in found[1].why


def test_doxorubicin_prior_counts_through_the_factor():
    # 400 mg/m² doxorubicin = 500 mg/m² epirubicin (factor 0.8): 590 after cycle 1 -> crossed at cycle 1;
    # 680 after cycle 2, 770 after cycle 3 -> 700 crossed at cycle 3.
    plan = plan_of(prior=[PriorExposure("doxorubicin", Decimal(400))])
    assert [d.cycle for d in dues(plan, "lvef")] == [1, 3]


def test_due_day_skips_closure_days():
    clinic = ClinicCalendar(closed_weekdays=frozenset({5, 6}), extra_closed=frozenset({date(2026, 1, 2)}))
    found = dues(plan_of(), "blood-count", clinic=clinic)
    # Cycle 1 on Monday 5 Jan: Sat, Sun closed, Fri 2 Jan a closure day -> Thursday 1 Jan.
    assert found[0].due_on == date(2026, 1, 1)
    # Cycle 2 on Monday 26 Jan -> Friday 23 Jan.
    assert found[1].due_on == date(2026, 1, 23)


def test_delay_moves_the_due_day():
    found = dues(plan_of(Delay(2, 7)), "blood-count")
    assert found[1].due_on == date(2026, 2, 1)


def test_done_overdue_and_due():
    plan = plan_of()
    done = {"blood-count": [date(2026, 1, 3), date(2026, 1, 10)]}
    found = dues(plan, "blood-count", done, today=date(2026, 1, 27))
    assert (found[0].status, found[0].done_on) == (DueStatus.DONE, date(2026, 1, 3))
    # 10 Jan is too early for cycle 2 (valid 3 days before 26 Jan): overdue since the 25th.
    assert found[1].status is DueStatus.OVERDUE and found[1].done_on is None
    assert found[2].status is DueStatus.DUE
    # Measured on the infusion day itself still counts.
    found = dues(plan, "blood-count", {"blood-count": [date(2026, 1, 26)]}, today=date(2026, 1, 27))
    assert found[1].status is DueStatus.DONE


def test_pending_leaves_out_cycles_already_started():
    plan = plan_of()
    open_now = pending(monitoring_due(plan, {}, date(2026, 1, 27)), plan, date(2026, 1, 27))
    assert min(d.cycle for d in open_now) == 3


MINIMAL = {
    "id": "x", "name": "X",
    "drugs": {"epi": {"name": "Epi", "route": "IV", "basis": "mg_per_m2", "levels": [90], "anthracycline": True},
              "cap": {"name": "Cap", "route": "oral", "basis": "flat", "levels": [12]}},
    "phases": [{"id": "p", "name": "P", "cycle_days": 21, "max_cycles": 6,
                "drugs": [{"drug": "epi", "days": "1"}, {"drug": "cap", "days": "1-14"}]}],
}


@pytest.mark.parametrize(("item", "key"), [
    ({"code": "a", "test": "x-ray", "when": {"baseline": True}, "source": "s"}, "monitoring[0].test"),
    ({"code": "a", "test": "lvef", "when": {"baseline": True}}, "monitoring[0].source"),
    ({"code": "a", "test": "lvef", "source": "s"}, "monitoring[0].when"),
    ({"code": "a", "test": "lvef", "when": {"before_drug": "nope"}, "source": "s"}, "monitoring[0].when.before_drug"),
    ({"code": "a", "test": "lvef", "when": {"every_cycles": 0}, "source": "s"}, "monitoring[0].when.every_cycles"),
    ({"code": "a", "test": "lvef", "when": {"cumulative_drug": "epi", "tiers": [700, 550]}, "source": "s"},
     "monitoring[0].when.tiers"),
    ({"code": "a", "test": "lvef", "when": {"cumulative_drug": "cap", "tiers": [550]}, "source": "s"},
     "monitoring[0].when.cumulative_drug"),
    ({"code": "a", "test": "lvef", "when": {"tiers": [550]}, "source": "s"}, "monitoring[0].when.tiers"),
    ({"code": "a", "test": "lvef", "when": {"baseline": "yes"}, "source": "s"}, "monitoring[0].when.baseline"),
    ({"code": "a", "test": "lvef", "when": {"weekly": True}, "source": "s"}, "monitoring[0].when.weekly"),
    ({"code": "a", "test": "lvef", "when": {"baseline": True}, "source": "s", "valid_days": -1},
     "monitoring[0].valid_days"),
])
def test_bad_monitoring_tables_name_the_key(item, key):
    with pytest.raises(RegimenError) as err:
        parse_regimen({**MINIMAL, "monitoring": [item]}, "x.toml")
    assert err.value.key == key and err.value.source == "x.toml"


def test_duplicate_codes_are_refused():
    item = {"code": "a", "test": "lvef", "when": {"baseline": True}, "source": "s"}
    with pytest.raises(RegimenError) as err:
        parse_regimen({**MINIMAL, "monitoring": [item, item]}, "x.toml")
    assert err.value.key == "monitoring[1].code"


def test_shipped_regimen_has_a_sourced_schedule():
    items = {i.code: i for i in load_regimen().monitoring}
    assert set(items) == {"blood-count", "liver-function", "blood-pressure", "urine-protein", "thyroid-function",
                          "lvef"}
    assert all(i.source for i in items.values())
    assert items["lvef"].tiers == (Decimal(550), Decimal(700)) and items["lvef"].baseline


def test_an_assessment_marks_the_tests_it_holds_done():
    from planner.core.assessment import Assessment
    from planner.core.monitoring import done_from_assessments

    plan = plan_of()
    before_1 = Assessment(cycle=1, on=date(2026, 1, 4), anc=Decimal("2.1"), platelets=Decimal(210),
                          systolic_bp=Decimal(128), diastolic_bp=Decimal(80), lvef=Decimal(62),
                          lvef_on=date(2025, 12, 20))
    before_2 = Assessment(cycle=2, on=date(2026, 1, 25), anc=Decimal("1.8"))  # platelets missing: no count
    done = done_from_assessments(plan.regimen.monitoring, [before_1, before_2])
    assert done["blood-count"] == [date(2026, 1, 4)] and done["lvef"] == [date(2025, 12, 20)]
    found = {(d.item, d.cycle): d for d in monitoring_due(plan, done, date(2026, 1, 26))}
    assert found["blood-count", 1].status is DueStatus.DONE
    assert found["lvef", 1].status is DueStatus.DONE  # 16 days before day 1, within the 28 valid days
    assert found["blood-pressure", 1].status is DueStatus.DONE
    assert found["liver-function", 1].status is DueStatus.OVERDUE
    assert found["blood-count", 2].status is DueStatus.OVERDUE
