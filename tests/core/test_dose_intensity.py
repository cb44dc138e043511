"""Relative dose intensity: planned vs given dose per week over completed cycles, sums redone by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.core.dose_intensity import GivenDose, dose_intensities
from planner.core.modifications import Delay
from planner.core.plan import PatientInputs, compute_plan
from planner.core.regimen import load_regimen

REGIMEN = load_regimen("anlotinib-epirubicin")
INPUTS = PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70))  # BSA 1.82 m², epirubicin 164 mg


def _all_given(plan, cycles):
    out = []
    for cycle in plan.cycles[:cycles]:
        for dose in cycle.doses:
            out.extend(GivenDose(dose.drug.id, cycle.number, dose.dose_mg) for _ in dose.days)
    return out


def _by_drug(result):
    return {r.drug: r for r in result}


def test_nothing_completed_has_no_intensity() -> None:
    plan = compute_plan(REGIMEN, INPUTS)
    assert dose_intensities(plan, [], date(2026, 1, 20)) == ()


def test_everything_given_on_time() -> None:
    plan = compute_plan(REGIMEN, INPUTS)
    result = _by_drug(dose_intensities(plan, _all_given(plan, 2), date(2026, 2, 16)))  # cycles 1-2 done
    anlotinib = result["anlotinib"]
    assert (anlotinib.cycles, anlotinib.planned_total, anlotinib.given_total) == (2, Decimal(336), Decimal(336))
    assert anlotinib.planned_per_week == Decimal(56)  # 12 mg x 14 days / 3 weeks
    assert anlotinib.relative_pct == Decimal("100.0")
    # epirubicin is given as 164 mg on 1.82 m² = 90.1 mg/m² per cycle: rounding to whole mg shows.
    epirubicin = result["epirubicin"]
    assert epirubicin.unit == "mg/m²/week"
    assert epirubicin.relative_pct == Decimal("100.1")


def test_a_delay_lowers_the_intensity() -> None:
    plan = compute_plan(REGIMEN, INPUTS, modifications=[Delay(2, 7)])
    result = _by_drug(dose_intensities(plan, _all_given(plan, 2), date(2026, 3, 1)))
    # 2 cycles planned in 6 weeks took 7 weeks: 6/7 = 85.7 %
    assert result["anlotinib"].actual_weeks == Decimal(7)
    assert result["anlotinib"].relative_pct == Decimal("85.7")


def test_missed_doses_count() -> None:
    plan = compute_plan(REGIMEN, INPUTS)
    given = [g for g in _all_given(plan, 2) if not (g.drug == "anlotinib" and g.cycle == 2)]
    given += [GivenDose("anlotinib", 2, Decimal(12))] * 7  # half of cycle 2's capsules
    result = _by_drug(dose_intensities(plan, given, date(2026, 2, 16)))
    assert result["anlotinib"].relative_pct == Decimal("75.0")  # 21 of 28 days
