"""The one Mark given rule the app, the CLI and the store share."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from planner.core.administration_rules import check_can_mark_given
from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange
from planner.core.plan import PatientInputs, compute_plan
from planner.core.regimen import load_regimen

START = date(2026, 1, 5)  # a Monday


@dataclass(frozen=True)
class Check:
    cycle: int
    drug: str
    calculated_mg: Decimal
    passed: bool = True


def _plan(*mods):
    return compute_plan(load_regimen("anlotinib-epirubicin"), PatientInputs(START, Decimal(170), Decimal(70)),
                        modifications=mods)


def _refused(field, **kwargs):
    args = {"plan": _plan(), "cycle": 1, "drug": "epirubicin", "day": 1, "on": START,
            "checks": [Check(1, "epirubicin", Decimal(164))], "today": date(2026, 1, 10)} | kwargs
    with pytest.raises(InputError) as caught:
        check_can_mark_given(**args)
    assert caught.value.field == field
    return caught.value.message


def test_a_checked_infusion_on_its_day_may_be_marked_given():
    check_can_mark_given(_plan(), 1, "epirubicin", 1, START, [Check(1, "epirubicin", Decimal(164))],
                         date(2026, 1, 10))
    check_can_mark_given(_plan(), 1, "anlotinib", 3, date(2026, 1, 7), [], date(2026, 1, 10))  # capsules: no check


def test_an_infusion_needs_a_passed_check_of_the_current_dose():
    assert "double check" in _refused("dose_check", checks=[])
    _refused("dose_check", checks=[Check(1, "epirubicin", Decimal(164), passed=False)])
    _refused("dose_check", checks=[Check(2, "epirubicin", Decimal(164))])
    # Checked at 164 mg, then the level went down: that check proves nothing about today's dose.
    _refused("dose_check", plan=_plan(DoseLevelChange("epirubicin", 1, Decimal(75))))


def test_a_future_cycle_cannot_be_marked_given():
    # Cycle 2 was delayed a week: it starts 2026-02-02; 19 days before that it is still in the future.
    message = _refused("cycle", plan=_plan(Delay(2, 7)), cycle=2, on=date(2026, 1, 14), today=date(2026, 1, 14),
                       checks=[Check(2, "epirubicin", Decimal(164))])
    assert "2 Feb 2026" in message


def test_another_day_than_planned_needs_a_reason_and_never_the_future():
    assert "needs a reason" in _refused("reason", on=date(2026, 1, 6))
    check_can_mark_given(_plan(), 1, "epirubicin", 1, date(2026, 1, 6), [Check(1, "epirubicin", Decimal(164))],
                         date(2026, 1, 10), reason="pump fault, given next morning")
    _refused("given_on", on=date(2026, 1, 11), reason="x")
    _refused("day", day=2)  # epirubicin is given on day 1 only
