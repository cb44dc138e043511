from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.bsa import FORMULAS, calculate_bsa
from planner.core.errors import InputError

FOUR_PLACES = Decimal("0.0001")


@pytest.mark.parametrize(
    ("height", "weight", "expected"),
    [(170, 70, "1.8181"), (180, 80, "2.0000"), (175, 70, "1.8447"), (160, 60, "1.6330")],
)
def test_mosteller_published_reference_values(height, weight, expected):
    result = calculate_bsa(Decimal(height), Decimal(weight))
    assert result.exact_m2.quantize(FOUR_PLACES) == Decimal(expected)


@pytest.mark.parametrize(
    ("formula", "expected"),
    # 170 cm / 70 kg worked by hand from each formula in the clinical reference.
    [("dubois", "1.8097"), ("haycock", "1.8257"), ("gehan-george", "1.8313"), ("boyd", "1.8347")],
)
def test_other_formulas_at_170_cm_70_kg(formula, expected):
    assert calculate_bsa(Decimal(170), Decimal(70), formula).exact_m2.quantize(FOUR_PLACES) == Decimal(expected)


def test_dose_bsa_is_rounded_half_up_to_two_places():
    result = calculate_bsa(Decimal(170), Decimal(70))
    assert result.rounded_m2 == Decimal("1.82")
    assert result.m2 == Decimal("1.82")
    # 1.845 exactly must go up, never to the even 1.84: sqrt(H x W / 3600) = 1.845 for H x W = 12254.49
    exact_half = calculate_bsa(Decimal("122.5449"), Decimal(100))
    assert exact_half.exact_m2 == Decimal("1.845")
    assert exact_half.rounded_m2 == Decimal("1.85")


def test_cap_is_off_by_default_and_recorded_when_applied():
    big = calculate_bsa(Decimal(190), Decimal(110))
    assert big.m2 == Decimal("2.41") and not big.capped
    capped = calculate_bsa(Decimal(190), Decimal(110), cap_m2=Decimal("2.0"))
    assert capped.capped and capped.m2 == Decimal("2.0") and capped.rounded_m2 == Decimal("2.41")
    assert "capped at 2.00 m²" in capped.explain()
    small = calculate_bsa(Decimal(160), Decimal(60), cap_m2=Decimal("2.0"))
    assert not small.capped and small.m2 == Decimal("1.63")


def test_explain_shows_formula_inputs_and_rounding():
    assert calculate_bsa(Decimal(170), Decimal(70)).explain() == (
        "Mosteller sqrt(H x W / 3600), H 170 cm, W 70 kg = 1.8181 -> 1.82 m²")


def test_unknown_formula_names_the_choices():
    with pytest.raises(InputError) as err:
        calculate_bsa(Decimal(170), Decimal(70), "fujimoto")
    assert err.value.field == "formula" and "mosteller" in err.value.message


heights = st.decimals(min_value=Decimal(50), max_value=Decimal(249), places=1)
weights = st.decimals(min_value=Decimal(20), max_value=Decimal(299), places=1)


@given(heights, weights, st.sampled_from(sorted(FORMULAS)), st.decimals(min_value=Decimal("0.1"),
                                                                          max_value=Decimal(1), places=1))
def test_bsa_grows_with_height_and_weight(height, weight, formula, step):
    base = calculate_bsa(height, weight, formula).exact_m2
    assert calculate_bsa(height + step, weight, formula).exact_m2 > base
    assert calculate_bsa(height, weight + step, formula).exact_m2 > base


@given(heights, weights, st.sampled_from(sorted(FORMULAS)))
def test_rounded_bsa_is_within_half_a_hundredth(height, weight, formula):
    result = calculate_bsa(height, weight, formula)
    assert abs(result.rounded_m2 - result.exact_m2) <= Decimal("0.005")
