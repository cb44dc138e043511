from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.errors import InputError
from planner.core.units import parse_height, parse_weight


@pytest.mark.parametrize(
    ("text", "cm"),
    [("170", "170"), ("170cm", "170"), ("170 cm", "170"), ("1.7m", "170.0"), ("67in", "170.18"),
     ('67"', "170.18"), ("170,5", "170.5"), (170, "170"), (Decimal("182.5"), "182.5")],
)
def test_heights_in_every_accepted_form(text, cm):
    assert parse_height(text) == Decimal(cm)


@pytest.mark.parametrize(("text", "kg"), [("70", "70"), ("70kg", "70"), ("70 KG", "70"),
                                          ("154lb", "69.85"), ("154 lbs", "69.85")])
def test_weights_in_every_accepted_form(text, kg):
    assert parse_weight(text) == Decimal(kg)


def test_conversions_are_exact_definitions():
    assert parse_height("98in") == Decimal("248.92")
    assert parse_weight("100lb") == Decimal("45.36")  # 45.359237 kg, kept to 0.01 kg
    assert parse_weight("150.5lb") == Decimal("68.27")  # 68.2656517 kg


@pytest.mark.parametrize("bad", ["0", "-170", "nan", "NaN", "inf", "-inf", "", "   ", "abc", "17O", "170 furlongs",
                                 "17", "1.7", "900", "1e3", True, float("nan"), float("inf"), 0, -5])
def test_bad_heights_name_the_field_and_the_range(bad):
    with pytest.raises(InputError) as err:
        parse_height(bad)
    assert err.value.field == "height"
    assert "Height" in err.value.message
    assert "50-250 cm" in err.value.message


@pytest.mark.parametrize("bad", ["0", "0kg", "-70", "nan", "infinity", "seventy", "7", "3000", "70 stone"])
def test_bad_weights_name_the_field_and_the_range(bad):
    with pytest.raises(InputError) as err:
        parse_weight(bad)
    assert err.value.field == "weight"
    assert "Weight" in err.value.message
    assert "20-300 kg" in err.value.message


@given(st.decimals(min_value=Decimal(50), max_value=Decimal(250), places=2))
def test_any_plausible_height_round_trips(cm):
    assert parse_height(f"{cm}cm") == cm
