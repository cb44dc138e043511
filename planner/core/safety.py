"""Safety rules: cumulative anthracycline exposure, the re-weigh rule and the dose double check."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.core.decimal_math import CONTEXT, round_2dp
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.rules import guarded

DEFAULT_RECALC_THRESHOLD_PCT = Decimal(10)
DEFAULT_VERIFICATION_TOLERANCE_PCT = Decimal(5)


@dataclass(frozen=True)
class AnthracyclineFactor:
    """Doxorubicin-equivalent factor of one anthracycline, with where it comes from (shown in the UI)."""

    drug: str
    factor: Decimal
    source: str


# Institution policy, configurable: how prior anthracyclines are summed as doxorubicin equivalents.
DEFAULT_ANTHRACYCLINE_FACTORS: tuple[AnthracyclineFactor, ...] = (
    AnthracyclineFactor("doxorubicin", Decimal(1), "reference drug"),
    AnthracyclineFactor("epirubicin", Decimal("0.8"), "ESC 2022 cardio-oncology guideline"),
    AnthracyclineFactor("daunorubicin", Decimal("0.6"), "ESC 2022 cardio-oncology guideline"),
    AnthracyclineFactor("mitoxantrone", Decimal("10.5"), "ESC 2022 cardio-oncology guideline"),
    AnthracyclineFactor("idarubicin", Decimal(5), "ESC 2022 cardio-oncology guideline"),
)


def factor_for(drug: str, factors: tuple[AnthracyclineFactor, ...]) -> AnthracyclineFactor:
    key = drug.strip().lower()
    for factor in factors:
        if factor.drug == key:
            return factor
    raise InputError("prior", translate(
        "Safety", "Prior anthracycline: '{drug}' is not known; use one of {choices}.").format(
        drug=drug, choices=", ".join(f.drug for f in factors)))


def equivalent_mg_per_m2(amount: Decimal, from_drug: str, to_drug: str,
                         factors: tuple[AnthracyclineFactor, ...]) -> Decimal:
    """Convert a cumulative dose of one anthracycline into another through doxorubicin equivalents."""
    source, target = factor_for(from_drug, factors), factor_for(to_drug, factors)
    return CONTEXT.divide(CONTEXT.multiply(amount, source.factor), target.factor)


def needs_recalculation(new_weight_kg: Decimal, dose_weight_kg: Decimal, threshold_pct: Decimal) -> bool:
    """True when the weight moved by `threshold_pct` % or more (exactly the threshold counts).

    Compared in Decimal without division, so 63 kg against 70 kg at 10 % is exactly 10 % and counts.
    A threshold of 0 means always recalculate.
    """
    if threshold_pct <= 0:
        return True
    return abs(new_weight_kg - dose_weight_kg) * 100 >= threshold_pct * dose_weight_kg


def weight_change_pct(new_weight_kg: Decimal, dose_weight_kg: Decimal) -> Decimal:
    return round_2dp(CONTEXT.divide((new_weight_kg - dose_weight_kg) * 100, dose_weight_kg))


@dataclass(frozen=True)
class DoseVerification:
    """The independent double check of one dose: what was expected, what was entered, the deviation."""

    expected_mg: Decimal
    checked_mg: Decimal
    tolerance_pct: Decimal
    deviation_pct: Decimal

    @property
    def passed(self) -> bool:
        return abs(self.deviation_pct) <= self.tolerance_pct


def verify_dose(expected_mg: Decimal, checked_mg: Decimal,
                tolerance_pct: Decimal = DEFAULT_VERIFICATION_TOLERANCE_PCT) -> DoseVerification:
    """Compare the dose on the order or the prepared bag with the calculated dose."""
    if not checked_mg.is_finite() or checked_mg <= 0 or checked_mg.adjusted() > 9:
        raise InputError("checked_dose", translate(
            "Safety", "Checked dose: enter the dose on the order or bag in mg, more than 0."))
    if not tolerance_pct.is_finite() or tolerance_pct < 0 or tolerance_pct > 20:
        raise InputError("tolerance", translate(
            "Safety", "Verification tolerance: enter a percentage from 0 to 20 (5 by default)."))
    with guarded("checked_dose", translate("Safety", "Checked dose")):
        deviation = round_2dp(CONTEXT.divide((checked_mg - expected_mg) * 100, expected_mg))
    return DoseVerification(expected_mg, checked_mg, tolerance_pct, deviation)
