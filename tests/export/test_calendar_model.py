from datetime import date, timedelta

from planner.core.modifications import StopDrug
from planner.core.plan import compute_plan
from planner.export.calendar_model import BLOOD, CAPSULE, HELD, HOSPITAL, NOTE, REST, calendar_days


def by_date(plan):
    return {d.date: d for d in calendar_days(plan)}


def texts(day, kind):
    return [e.text for e in day.entries if e.kind == kind]


def test_every_plan_day_once_in_order(plan):
    days = calendar_days(plan)
    assert [d.date for d in days] == [d.date for d in plan.days()]


def test_capsule_days_carry_dose_count_and_instruction_and_a_tick_box(plan):
    day = by_date(plan)[date(2026, 1, 6)]
    assert texts(day, CAPSULE) == ["Anlotinib 12 mg - 1 capsule before breakfast"]
    assert day.tick


def test_hospital_day_and_blood_test_the_day_before(plan):
    days = by_date(plan)
    cycle2 = plan.cycle(2).start
    assert texts(days[cycle2], HOSPITAL) == ["Hospital day - epirubicin infusion"]
    assert texts(days[cycle2 - timedelta(days=1)], BLOOD) == ["Blood test"]
    for day in plan.days():
        assert (BLOOD in days[day.date].kinds()) == day.blood_test


def test_rest_days_say_no_capsule_and_have_no_tick(plan):
    day = by_date(plan)[date(2026, 1, 19)]  # cycle 1 day 15
    assert texts(day, REST) == ["Rest day - no capsule"] and not day.tick


def test_held_days_show_on_their_dates(plan):
    days = by_date(plan)
    start = plan.cycle(2).start
    for offset in (7, 8, 9):  # days 8-10 of cycle 2
        day = days[start + timedelta(days=offset)]
        assert texts(day, HELD) == ["No Anlotinib today - held by your doctor"] and not day.tick
    assert days[start + timedelta(days=10)].tick


def test_delay_and_reductions_show_on_the_day_they_apply(plan):
    days = by_date(plan)
    cycle3, cycle4 = plan.cycle(3), plan.cycle(4)
    assert cycle3.start == date(2026, 2, 23)
    assert texts(days[cycle3.start], NOTE) == ["Cycle 3 starts", "Delayed by 7 days"]
    notes4 = texts(days[cycle4.start], NOTE)
    assert "New anlotinib dose" in notes4 and "New epirubicin dose" in notes4
    assert texts(days[cycle4.start + timedelta(days=1)], CAPSULE) == ["Anlotinib 10 mg - 1 capsule before breakfast"]
    # The last day before the reduction still shows the old dose.
    assert texts(days[cycle3.start + timedelta(days=13)], CAPSULE)[0].startswith("Anlotinib 12 mg")


def test_maintenance_phase_is_announced(plan):
    notes = texts(by_date(plan)[plan.cycle(7).start], NOTE)
    assert "Maintenance phase starts" in notes
    assert HOSPITAL not in by_date(plan)[plan.cycle(7).start].kinds()


def test_stop_shows_on_its_date(plan):
    stopped = compute_plan(plan.regimen, plan.inputs, plan.settings,
                           (*plan.modifications, StopDrug("anlotinib", 8, 5, "grade 3 bleeding")))
    days = by_date(stopped)
    start = stopped.cycle(8).start
    assert texts(days[start + timedelta(days=4)], HELD) == ["Anlotinib stopped - take no more"]
    assert days[start + timedelta(days=3)].tick and not days[start + timedelta(days=4)].tick
