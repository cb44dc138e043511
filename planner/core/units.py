"""Parse heights and weights as nurses type them into exact Decimal centimetres and kilograms.

Accepted: `170`, `170cm`, `170 cm`, `1.7m`, `67in`, `67"` for height; `70`, `70kg`, `154lb`, `154lbs`
for weight. A bare number is centimetres or kilograms, the units the ward records in. Conversions use
the exact definitions (1 in = 2.54 cm, 1 lb = 0.45359237 kg) so no float error creeps into a dose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from planner.core import rules
from planner.core.decimal_math import CONTEXT, round_2dp
from planner.core.errors import InputError
from planner.core.i18n import translate

CM_PER_INCH = Decimal("2.54")
KG_PER_POUND = Decimal("0.45359237")
CM_PER_METRE = Decimal(100)

# The ranges live with every other limit in planner.core.rules; re-exported for existing callers.
HEIGHT_RANGE_CM = rules.HEIGHT_RANGE_CM
WEIGHT_RANGE_KG = rules.WEIGHT_RANGE_KG

_NUMBER_UNIT = re.compile(r"^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*([a-zA-Z\"']*)\s*$")
_HEIGHT_UNITS = {"": Decimal(1), "cm": Decimal(1), "m": CM_PER_METRE, "in": CM_PER_INCH,
                 '"': CM_PER_INCH, "inch": CM_PER_INCH, "inches": CM_PER_INCH}
_WEIGHT_UNITS = {"": Decimal(1), "kg": Decimal(1), "lb": KG_PER_POUND, "lbs": KG_PER_POUND,
                 "pound": KG_PER_POUND, "pounds": KG_PER_POUND}


@dataclass(frozen=True)
class Measurement:
    """A parsed value: what was typed, its unit, and the exact value in the unit the core uses."""

    text: str
    unit: str
    value: Decimal


def _field_label(field: str) -> str:
    labels = {"height": translate("Units", "Height"), "weight": translate("Units", "Weight")}
    return labels.get(field, field)


def _parse(field: str, raw: object, units: dict[str, Decimal], limits: tuple[Decimal, Decimal],
           unit_name: str, examples: str) -> Measurement:
    label = _field_label(field)
    low, high = limits
    accepted = translate("Units", "enter {low}-{high} {unit} (for example {examples})").format(
        low=low, high=high, unit=unit_name, examples=examples)
    if isinstance(raw, bool):
        raise InputError(field, translate("Units", "{label}: not a number; {accepted}.").format(
            label=label, accepted=accepted))
    if isinstance(raw, int | float | Decimal):
        text, number_text, unit = str(raw), str(raw), ""
    else:
        text = str(raw).strip()
        match = _NUMBER_UNIT.match(text.replace('”', '"'))
        if not text:
            raise InputError(field, translate("Units", "{label} is missing; {accepted}.").format(
                label=label, accepted=accepted))
        if match is None:
            raise InputError(field, translate("Units", "{label}: '{text}' is not a number; {accepted}.").format(
                label=label, text=rules.clip(text), accepted=accepted))
        number_text, unit = match.group(1).replace(",", "."), match.group(2).lower()
    if unit not in units:
        raise InputError(field, translate("Units", "{label}: unknown unit '{unit}'; {accepted}.").format(
            label=label, unit=unit, accepted=accepted))
    try:
        number = Decimal(number_text)
    except InvalidOperation:
        raise InputError(field, translate("Units", "{label}: '{text}' is not a number; {accepted}.").format(
            label=label, text=rules.clip(text), accepted=accepted)) from None
    if not number.is_finite():
        raise InputError(field, translate("Units", "{label}: '{text}' is not a number; {accepted}.").format(
            label=label, text=rules.clip(text), accepted=accepted))
    if number <= 0:
        raise InputError(field, translate("Units", "{label} must be more than 0; {accepted}.").format(
            label=label, accepted=accepted))
    implausible = InputError(field, translate(
        "Units", "{label}: {text} is not a plausible adult value; {accepted}.").format(
        label=label, text=rules.clip(text), accepted=accepted))
    # 28 nines and 1e-30 are numbers, but no height: refuse them before any arithmetic can overflow.
    if not -6 <= number.adjusted() <= 6:
        raise implausible
    # A converted value is kept to 0.01 cm / 0.01 kg: far finer than any ward scale or stadiometer, and
    # short enough to print, so the weight shown on screen and paper is exactly the one doses use
    # (154 lb -> 69.85 kg, not 69.85322498 kg).
    with rules.guarded(field, label):
        value = round_2dp(number * units[unit]).normalize(CONTEXT)
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
    if not low <= value <= high:
        raise implausible
    return Measurement(text=text, unit=unit or "", value=value)


def parse_height(raw: object) -> Decimal:
    """Height in exact centimetres, from `170`, `170cm`, `1.7m`, `67in` or a number (cm)."""
    return parse_height_measurement(raw).value


def parse_height_measurement(raw: object) -> Measurement:
    return _parse("height", raw, _HEIGHT_UNITS, HEIGHT_RANGE_CM, "cm", "170, 170cm, 1.7m, 67in")


def parse_weight(raw: object) -> Decimal:
    """Weight in exact kilograms, from `70`, `70kg`, `154lb` or a number (kg)."""
    return parse_weight_measurement(raw).value


def parse_weight_measurement(raw: object) -> Measurement:
    return _parse("weight", raw, _WEIGHT_UNITS, WEIGHT_RANGE_KG, "kg", "70, 70kg, 154lb")


def cm_to_inches(cm: Decimal) -> Decimal:
    return cm / CM_PER_INCH


def kg_to_pounds(kg: Decimal) -> Decimal:
    return kg / KG_PER_POUND
