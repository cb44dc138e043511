"""Clinic closure days: blood tests on the last open day before an infusion, infusions on closed days flagged."""

from datetime import date
from decimal import Decimal

import pytest

from planner.core.clinic_days import (
    CLOSED_DAY_WARNING,
    ClinicCalendar,
    closed_infusions,
    public_holidays,
)
from planner.core.errors import InputError
from planner.core.plan import PatientInputs, compute_plan
from planner.core.regimen import load_regimen

START = date(2026, 1, 5)  # a Monday: every 21-day cycle starts on a Monday
WEEKEND = ClinicCalendar(frozenset({5, 6}))


def _plan():
    return compute_plan(load_regimen("anlotinib-epirubicin"), PatientInputs(START, Decimal(170), Decimal(70)))


def test_blood_tests_are_on_the_last_open_day_before_each_infusion_and_before_cycle_1():
    plan = _plan()
    # Nothing known to be closed: the day before, as before (cycle 1's falls on the Sunday before the plan).
    assert date(2026, 1, 4) in plan.blood_test_dates() and date(2026, 1, 25) in plan.blood_test_dates()
    # Closed at weekends: the Friday before each Monday infusion, cycle 1 included.
    tests = plan.blood_test_dates(WEEKEND)
    assert date(2026, 1, 2) in tests and date(2026, 1, 23) in tests
    assert all(d.weekday() == 4 for d in tests)
    flagged = [d.date for d in plan.days(WEEKEND) if d.blood_test]
    assert date(2026, 1, 23) in flagged and date(2026, 1, 25) not in flagged
    # A holiday on that Friday moves it to Thursday.
    clinic = ClinicCalendar(frozenset({5, 6}), {date(2026, 1, 23): "Founders' Day"})
    assert date(2026, 1, 22) in plan.blood_test_dates(clinic)


def test_an_infusion_on_a_closed_day_is_flagged_with_the_next_open_day():
    plan = _plan()
    assert closed_infusions(plan, WEEKEND) == []
    # Cycle 3 starts on 2026-02-16 (Chinese New Year's Eve in CN); the clinic is closed 16-18 Feb.
    clinic = ClinicCalendar(frozenset({5, 6}), {date(2026, 2, 16): "Spring Festival Eve",
                                                date(2026, 2, 17): "Spring Festival"},
                            frozenset({date(2026, 2, 18)}))
    [closed] = closed_infusions(plan, clinic)
    assert (closed.cycle, closed.day, closed.on, closed.move_to, closed.delay_days) == (
        3, 1, date(2026, 2, 16), date(2026, 2, 19), 3)
    assert closed.code == CLOSED_DAY_WARNING and "Spring Festival Eve" in closed.message
    assert clinic.why_closed(date(2026, 2, 18)) == "clinic closure day"
    assert clinic.why_closed(date(2026, 2, 21)) == "Saturday"


def test_public_holidays_come_from_the_holidays_package_and_a_bad_region_is_named():
    cn = public_holidays("CN", [2026])
    assert date(2026, 2, 17) in cn and date(2026, 10, 1) in cn
    assert public_holidays("", [2026]) == {}
    with pytest.raises(InputError, match="XX"):
        public_holidays("XX", [2026])
