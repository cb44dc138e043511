"""Decimal helpers shared by the BSA and dose arithmetic: one rounding rule everywhere."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

# 28 significant digits is far beyond any clinical need; a private context keeps the arithmetic
# independent of whatever the caller did to decimal.getcontext().
CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)

TWO_PLACES = Decimal("0.01")


def round_half_up(value: Decimal, step: Decimal = Decimal(1)) -> Decimal:
    """Round to the nearest multiple of `step`, halves away from zero (never banker's rounding)."""
    if step <= 0:
        raise ValueError("rounding step must be positive")
    units = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP, context=CONTEXT)
    result = units * step
    # Keep the step's number of decimals: 164 for a 1 mg step, 162.5 for 2.5 mg.
    step_exponent = step.as_tuple().exponent
    exponent = min(step_exponent, 0) if isinstance(step_exponent, int) else 0
    return result.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=CONTEXT)


def round_2dp(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP, context=CONTEXT)


def plain(value: Decimal) -> str:
    """A Decimal as a person writes it: 164, 163.8, 1.82 (no exponent, no trailing zeros)."""
    text = format(value.normalize(CONTEXT), "f")
    return text


def format_m2(value: Decimal) -> str:
    """A BSA as clinicians write it, always with two decimals: 1.80 m², 2.00 m² (never 1.8 or 2)."""
    return format(value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP, context=CONTEXT), "f")


def to_json_number(value: Decimal) -> int | float:
    """JSON has no decimals: integral values become ints, the rest floats with their shortest repr."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
