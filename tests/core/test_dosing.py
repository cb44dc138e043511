from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.decimal_math import round_half_up
from planner.core.dosing import calculate_dose, capsule_combination, infusion_volume_ml, vial_combination
from planner.core.regimen import load_regimen
from planner.core.safety import verify_dose

REGIMEN = load_regimen("anlotinib-epirubicin")
EPIRUBICIN = REGIMEN.drug("epirubicin")
ANLOTINIB = REGIMEN.drug("anlotinib")


def test_reference_example_from_the_clinical_reference():
    calc = calculate_dose(EPIRUBICIN, Decimal(90), Decimal("1.82"), Decimal(70))
    assert calc.exact_mg == Decimal("163.80") and calc.dose_mg == Decimal(164)
    assert calc.explain() == "90 mg/m² x 1.82 m² = 163.8 -> 164 mg"


def test_half_rounds_up_never_to_even():
    calc = calculate_dose(EPIRUBICIN, Decimal(90), Decimal("1.85"), Decimal(70))
    assert calc.exact_mg == Decimal("166.5") and calc.dose_mg == Decimal(167)
    # 164.5 would go to 164 with banker's rounding
    assert calculate_dose(EPIRUBICIN, Decimal(70), Decimal("2.35"), Decimal(70)).dose_mg == Decimal(165)


def test_rounding_step_of_five():
    calc = calculate_dose(EPIRUBICIN, Decimal(90), Decimal("1.85"), Decimal(70), Decimal(5))
    assert calc.dose_mg == Decimal(165)
    assert calculate_dose(EPIRUBICIN, Decimal(90), Decimal("1.82"), Decimal(70), Decimal(5)).dose_mg == Decimal(165)
    assert round_half_up(Decimal("162.5"), Decimal(5)) == Decimal(165)
    assert round_half_up(Decimal("167.49"), Decimal(5)) == Decimal(165)


def test_flat_dose_is_the_level():
    calc = calculate_dose(ANLOTINIB, Decimal(10), Decimal("1.82"), Decimal(70), Decimal(5))
    assert calc.dose_mg == Decimal(10) and calc.explain() == "10 mg (flat dose)"


def test_mg_per_kg_dose():
    from dataclasses import replace

    per_kg = replace(EPIRUBICIN, basis="mg_per_kg", levels=(Decimal(2),))
    calc = calculate_dose(per_kg, Decimal(2), Decimal("1.82"), Decimal("70.4"))
    assert calc.dose_mg == Decimal(141) and calc.explain() == "2 mg/kg x 70.4 kg = 140.8 -> 141 mg"


def test_vials_waste_least_then_fewest():
    assert vial_combination(Decimal(164), EPIRUBICIN.vials_mg).units == ((Decimal(50), 3), (Decimal(10), 2))
    assert vial_combination(Decimal(60), EPIRUBICIN.vials_mg).units == ((Decimal(50), 1), (Decimal(10), 1))
    assert vial_combination(Decimal(200), EPIRUBICIN.vials_mg).units == ((Decimal(200), 1),)
    assert infusion_volume_ml(Decimal(164), Decimal(2)) == Decimal(82)


def test_capsules_make_the_exact_dose():
    assert capsule_combination(Decimal(12), ANLOTINIB.strengths_mg).units == ((Decimal(12), 1),)
    assert capsule_combination(Decimal(8), ANLOTINIB.strengths_mg).count == 1
    assert capsule_combination(Decimal(7), ANLOTINIB.strengths_mg) is None


@given(st.decimals(min_value=Decimal(1), max_value=Decimal(150), places=0),
       st.decimals(min_value=Decimal("0.50"), max_value=Decimal("3.00"), places=2),
       st.sampled_from([Decimal(1), Decimal("2.5"), Decimal(5), Decimal(10)]))
def test_rounded_dose_is_within_half_a_step_of_the_exact_dose(level, bsa, step):
    calc = calculate_dose(EPIRUBICIN, level, bsa, Decimal(70), step)
    assert abs(calc.dose_mg - calc.exact_mg) <= step / 2
    assert (calc.dose_mg / step) == (calc.dose_mg / step).to_integral_value()


def test_dose_verification_within_tolerance():
    ok = verify_dose(Decimal(164), Decimal(170))
    assert ok.deviation_pct == Decimal("3.66") and ok.passed
    bad = verify_dose(Decimal(164), Decimal(175))
    assert bad.deviation_pct == Decimal("6.71") and not bad.passed
    assert verify_dose(Decimal(100), Decimal(105)).passed  # exactly 5 % passes


@pytest.mark.parametrize("checked", [Decimal(0), Decimal(-3), Decimal("NaN")])
def test_dose_verification_rejects_impossible_entries(checked):
    from planner.core.errors import InputError

    with pytest.raises(InputError) as err:
        verify_dose(Decimal(164), checked)
    assert err.value.field == "checked_dose"
