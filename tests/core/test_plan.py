from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import PatientInputs, PlanSettings, PriorExposure, compute_plan
from planner.core.regimen import load_regimen

REGIMEN = load_regimen("anlotinib-epirubicin")
START = date(2026, 1, 5)
PATIENT = PatientInputs(START, Decimal(170), Decimal(70))


DEFAULT_SETTINGS = PlanSettings()


def plan(*mods, inputs=PATIENT, settings=DEFAULT_SETTINGS, regimen=REGIMEN):
    return compute_plan(regimen, inputs, settings, mods)


def dosing_dates(p, drug):
    return [d.date for d in p.days() if any(a.drug.id == drug for a in d.administrations)]


def test_seed_regimen_six_combination_then_maintenance():
    p = plan()
    assert [c.phase.id for c in p.cycles] == ["combination"] * 6 + ["maintenance"] * 6
    assert [c.start for c in p.cycles] == [START + timedelta(days=21 * i) for i in range(12)]
    assert all(c.end == c.start + timedelta(days=20) for c in p.cycles)
    first = p.cycles[0]
    assert first.bsa.m2 == Decimal("1.82")
    assert first.dose_for("epirubicin").dose_mg == Decimal(164)
    assert first.dose_for("epirubicin").days == (1,)
    assert first.dose_for("anlotinib").dose_mg == Decimal(12)
    assert first.dose_for("anlotinib").days == tuple(range(1, 15))
    assert p.cycles[6].dose_for("epirubicin") is None
    days = list(p.days())
    assert len(days) == 12 * 21
    assert [d.date for d in days] == [START + timedelta(days=i) for i in range(252)]
    assert days[14].is_rest and days[13].administrations[0].drug.id == "anlotinib"
    assert days[20].blood_test and days[21].has_infusion  # blood count the day before cycle 2's infusion


def test_maintenance_cycles_setting():
    assert len(plan(settings=PlanSettings(open_ended_cycles=0)).cycles) == 6
    assert len(plan(settings=PlanSettings(open_ended_cycles=10)).cycles) == 16
    with pytest.raises(InputError):
        compute_plan(load_regimen("anlotinib"), PATIENT, PlanSettings(open_ended_cycles=0))


def test_delay_moves_the_cycle_and_every_later_one():
    p = plan(Delay(3, 7, "ANC 1.1"))
    base = plan()
    assert [c.start for c in p.cycles[:2]] == [c.start for c in base.cycles[:2]]
    assert all(a.start == b.start + timedelta(days=7) for a, b in zip(p.cycles[2:], base.cycles[2:], strict=True))
    assert p.cycles[1].length_days == 28 and p.cycles[1].end == p.cycles[2].start - timedelta(days=1)
    assert p.cycles[2].delay_days == 7
    assert len(list(p.days())) == 252 + 7


def test_dose_level_change_from_a_cycle_onward():
    p = plan(DoseLevelChange("anlotinib", 3, Decimal(10)), DoseLevelChange("epirubicin", 4, Decimal(75)))
    assert [c.dose_for("anlotinib").dose_mg for c in p.cycles] == [12, 12] + [10] * 10
    assert [c.dose_for("epirubicin").dose_mg for c in p.cycles[:6]] == [164] * 3 + [Decimal(137)] * 3
    assert p.cycles[3].dose_for("epirubicin").calculation.explain() == "75 mg/m² x 1.82 m² = 136.5 -> 137 mg"
    assert p.cycles[3].dose_for("epirubicin").level_index == 1


def test_omitted_days_and_early_stop():
    p = plan(OmitDays("anlotinib", 3, tuple(range(8, 15))), StopDrug("epirubicin", 5), StopDrug("anlotinib", 9, 8))
    assert p.cycles[2].dose_for("anlotinib").days == tuple(range(1, 8))
    assert p.cycles[2].dose_for("anlotinib").omitted_days == tuple(range(8, 15))
    assert p.cycles[4].dose_for("epirubicin") is None
    assert p.cycles[8].dose_for("anlotinib").days == tuple(range(1, 8))
    assert len(p.cycles) == 9  # nothing is given after cycle 9
    assert p.cycles[-1].length_days == 21


def test_weight_change_below_threshold_keeps_the_dose():
    p = plan(WeightChange(3, Decimal("64")))  # -8.6 %
    assert p.cycles[2].weight_kg == Decimal(64) and p.cycles[2].dose_weight_kg == Decimal(70)
    assert p.cycles[2].dose_for("epirubicin").dose_mg == Decimal(164)
    assert "below the 10% threshold" in p.cycles[2].notes[0]


def test_weight_change_of_exactly_ten_percent_recalculates():
    p = plan(WeightChange(3, Decimal(63)))  # exactly -10 %
    assert p.cycles[2].dose_weight_kg == Decimal(63)
    assert p.cycles[2].bsa.m2 == Decimal("1.72")  # sqrt(170 x 63 / 3600) = 1.7248
    assert p.cycles[2].dose_for("epirubicin").dose_mg == Decimal(155)  # 90 x 1.72 = 154.8
    up = plan(WeightChange(3, Decimal(77)))  # exactly +10 %
    assert up.cycles[2].dose_weight_kg == Decimal(77)


def test_weight_change_compares_with_the_weight_the_dose_was_calculated_on():
    # 70 -> 65 (-7 %, kept) -> 63 (-10 % from 70: recalculated even though only -3 % from 65)
    p = plan(WeightChange(2, Decimal(65)), WeightChange(3, Decimal(63)))
    assert p.cycles[1].dose_weight_kg == Decimal(70) and p.cycles[2].dose_weight_kg == Decimal(63)


def test_threshold_zero_always_recalculates():
    p = plan(WeightChange(2, Decimal("69.5")), settings=PlanSettings(recalc_threshold_pct=Decimal(0)))
    assert p.cycles[1].dose_weight_kg == Decimal("69.5")


def test_cumulative_epirubicin_and_limit_warning():
    p = plan(inputs=PatientInputs(START, Decimal(170), Decimal(70), (PriorExposure("doxorubicin", Decimal(400)),)))
    # 400 mg/m² doxorubicin = 500 mg/m² epirubicin (factor 0.8); +90 a cycle
    assert [c.cumulative("epirubicin") for c in p.cycles[:6]] == [590, 680, 770, 860, 950, 1040]
    assert p.cycles[6].cumulative("epirubicin") == 1040
    assert p.cycles[0].cumulative_doxorubicin_eq_mg_per_m2 == Decimal("472.0")
    codes = [[w.code for w in c.warnings] for c in p.cycles]
    assert codes[:4] == [[], [], [], []]
    assert codes[4] == ["cumulative-epirubicin-limit"]  # the cycle that takes it over 900
    assert "950" in p.cycles[4].warnings[0].message


def test_exactly_900_is_not_over_the_limit():
    p = plan(inputs=PatientInputs(START, Decimal(170), Decimal(70), (PriorExposure("epirubicin", Decimal(360)),)))
    assert p.cycles[5].cumulative("epirubicin") == 900
    assert p.warnings == ()


def test_bsa_cap_is_recorded():
    p = plan(inputs=PatientInputs(START, Decimal(190), Decimal(110)), settings=PlanSettings(bsa_cap_m2=Decimal(2)))
    assert p.cycles[0].bsa.m2 == 2 and p.cycles[0].dose_for("epirubicin").dose_mg == 180
    assert p.cycles[0].warnings[0].code == "bsa-capped"
    assert all(c.warnings == () for c in p.cycles[6:])  # maintenance: no dose depends on the BSA


@pytest.mark.parametrize(
    ("mod", "field"),
    [
        (Delay(13, 7), "delay"),
        (Delay(0, 7), "delay"),
        (Delay(3, -7), "delay"),
        (Delay(3, 0), "delay"),
        (DoseLevelChange("anlotinib", 2, Decimal(9)), "level"),
        (DoseLevelChange("anlotinib", 2, Decimal(-1)), "level"),
        (DoseLevelChange("cisplatin", 2, Decimal(9)), "drug"),
        (OmitDays("anlotinib", 3, (15,)), "omit"),
        (OmitDays("epirubicin", 8, (1,)), "omit"),
        (StopDrug("anlotinib", 40), "stop"),
        (WeightChange(0, Decimal(60)), "weight_at"),
    ],
)
def test_impossible_modifications_name_the_field(mod, field):
    with pytest.raises(InputError) as err:
        plan(mod)
    assert err.value.field == field


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 60))
def test_a_delay_moves_every_later_dosing_date_by_exactly_d(cycle, days):
    base, delayed = plan(), plan(Delay(cycle, days))
    boundary = base.cycles[cycle - 1].start
    for drug in ("anlotinib", "epirubicin"):
        before, after = dosing_dates(base, drug), dosing_dates(delayed, drug)
        assert len(before) == len(after)
        for old, new in zip(before, after, strict=True):
            assert new == (old + timedelta(days=days) if old >= boundary else old)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.integers(1, 12), st.sets(st.integers(1, 14), min_size=1), max_size=5))
def test_anlotinib_days_are_fourteen_per_cycle_less_omitted(omissions):
    p = plan(*(OmitDays("anlotinib", c, tuple(sorted(d))) for c, d in omissions.items()))
    for cycle in p.cycles:
        given_days = [d for d in p.days() if d.cycle == cycle.number
                      and any(a.drug.id == "anlotinib" for a in d.administrations)]
        assert len(given_days) == 14 - len(omissions.get(cycle.number, ()))


def test_a_cap_is_used_with_the_two_decimals_it_is_shown_with():
    p = plan(settings=PlanSettings(bsa_cap_m2=Decimal("1.815")))
    assert p.cycles[0].bsa.cap_m2 == Decimal("1.82") and p.cycles[0].bsa.m2 == Decimal("1.82")
    assert p.cycles[0].dose_for("epirubicin").calculation.explain() == "90 mg/m² x 1.82 m² = 163.8 -> 164 mg"
    lower = plan(settings=PlanSettings(bsa_cap_m2=Decimal("1.804")))
    assert lower.cycles[0].bsa.m2 == Decimal("1.80") and lower.cycles[0].dose_for("epirubicin").dose_mg == 162


def test_a_level_change_that_changes_nothing_is_refused_when_entered():
    from planner.core.plan import check_level_change

    reduced = plan(DoseLevelChange("epirubicin", 2, Decimal(75)))
    with pytest.raises(InputError) as err:
        check_level_change(reduced, DoseLevelChange("epirubicin", 4, Decimal(75)))
    assert err.value.field == "level" and "already at 75 mg/m² in cycle 4" in err.value.message
    check_level_change(reduced, DoseLevelChange("epirubicin", 4, Decimal(60)))  # a real change passes
    check_level_change(reduced, DoseLevelChange("epirubicin", 1, Decimal(75)))
