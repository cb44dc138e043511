"""The per-regimen frame (layout, factors and the dose tables shared by every patient) must never change a
plan: a plan computed with a warm table equals one computed from scratch, and settings that print
differently (a 1 mg and a 1.0 mg step) never share a table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core import plan as plan_module
from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange, DosePercentChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import PatientInputs, PlanSettings, compute_plan
from planner.core.regimen import load_regimen

REGIMEN = load_regimen()


def _forget_frames() -> None:
    plan_module._FRAMES.clear()
    plan_module._last_frame = None


def _cold(inputs, plan_settings, mods):
    """The same plan with every cached frame dropped first."""
    _forget_frames()
    return compute_plan(REGIMEN, inputs, plan_settings, mods)


MODIFICATIONS = st.lists(st.one_of(
    st.builds(Delay, st.integers(2, 8), st.integers(1, 14)),
    st.builds(WeightChange, st.integers(2, 8), st.decimals("40", "130", places=1)),
    st.builds(DoseLevelChange, st.just("epirubicin"), st.integers(2, 8), st.sampled_from([Decimal(75), Decimal(60)])),
    st.builds(DosePercentChange, st.just("epirubicin"), st.integers(2, 8), st.sampled_from([Decimal(50), Decimal(80)])),
    st.builds(OmitDays, st.just("anlotinib"), st.integers(1, 8), st.sets(st.integers(1, 14), min_size=1, max_size=3)
              .map(lambda days: tuple(sorted(days)))),
    st.builds(StopDrug, st.just("anlotinib"), st.integers(7, 12), st.integers(1, 21)),
), max_size=4)


@settings(max_examples=60, deadline=None)
@given(height=st.decimals("140", "200", places=1), weight=st.decimals("40", "130", places=1),
       step=st.sampled_from([Decimal("1"), Decimal("1.0"), Decimal("5"), Decimal("0.5")]),
       cap=st.sampled_from([None, Decimal("2.00"), Decimal("1.80")]), mods=MODIFICATIONS)
def test_a_warm_frame_gives_the_plan_a_cold_one_gives(height, weight, step, cap, mods):
    inputs = PatientInputs(date(2026, 3, 2), height, weight)
    plan_settings = PlanSettings(rounding_step_mg=step, bsa_cap_m2=cap, open_ended_cycles=6)
    try:
        cold = _cold(inputs, plan_settings, mods)
    except InputError:
        return  # a combination the rules refuse (a percentage of a stopped drug...) is refused either way
    # Fresh tables warmed by other patients first, then the same patient again.
    _forget_frames()
    for other in (Decimal(55), Decimal(70), Decimal(95), Decimal("70.0")):
        compute_plan(REGIMEN, replace(inputs, weight_kg=other), plan_settings, mods)
    warm = compute_plan(REGIMEN, inputs, plan_settings, mods)
    assert warm.cycles == cold.cycles
    assert [str(d.dose_mg) for c in warm.cycles for d in c.doses] == \
        [str(d.dose_mg) for c in cold.cycles for d in c.doses]


def test_a_1_mg_and_a_1_0_mg_step_never_share_doses():
    inputs = PatientInputs(date(2026, 3, 2), Decimal(170), Decimal(70))
    whole = compute_plan(REGIMEN, inputs, PlanSettings(rounding_step_mg=Decimal("1")))
    tenths = compute_plan(REGIMEN, inputs, PlanSettings(rounding_step_mg=Decimal("1.0")))
    assert str(whole.cycles[0].dose_for("epirubicin").dose_mg) == "164"
    assert str(tenths.cycles[0].dose_for("epirubicin").dose_mg) == "164.0"  # still whole mg, written as the step is


def test_bad_settings_are_refused_every_time_not_only_the_first():
    inputs = PatientInputs(date(2026, 3, 2), Decimal(170), Decimal(70))
    bad = PlanSettings(rounding_step_mg=Decimal("0.05"))
    for _ in range(2):
        with pytest.raises(InputError) as err:
            compute_plan(REGIMEN, inputs, bad)
        assert err.value.field == "round_to"


def test_a_reloaded_regimen_gets_its_own_frame():
    inputs = PatientInputs(date(2026, 3, 2), Decimal(170), Decimal(70))
    compute_plan(REGIMEN, inputs)
    changed = replace(REGIMEN, drugs={**REGIMEN.drugs, "epirubicin": replace(
        REGIMEN.drugs["epirubicin"], levels=(Decimal(60), Decimal(45)))})
    assert compute_plan(changed, inputs).cycles[0].dose_for("epirubicin").dose_mg == Decimal(109)  # 60 x 1.82
    assert compute_plan(REGIMEN, inputs).cycles[0].dose_for("epirubicin").dose_mg == Decimal(164)


def test_the_hand_written_cycle_constructor_sets_every_field():
    """Cycle's __init__ is written out for speed: a field added to the class must be added to it too."""
    import dataclasses
    import inspect

    from planner.core.plan import Cycle

    names = [f.name for f in dataclasses.fields(Cycle)]
    parameters = [p for p in inspect.signature(Cycle.__init__).parameters if p not in ("self", "_set")]
    assert parameters == names
    cycle = compute_plan(REGIMEN, PatientInputs(date(2026, 3, 2), Decimal(170), Decimal(70))).cycles[0]
    copy = Cycle(**{name: getattr(cycle, name) for name in names})
    assert copy == cycle and dataclasses.replace(cycle, delay_days=3).delay_days == 3
