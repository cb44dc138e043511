"""Dose = level x basis (BSA, kg or flat), in Decimal, rounded half-up to the rounding step.

Every dose carries its own calculation so the screen and the paper can show the sum a nurse would
redo by hand: `90 mg/m² x 1.82 m² = 163.8 -> 164 mg`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.core.decimal_math import CONTEXT, format_m2, plain, round_half_up
from planner.core.i18n import translate
from planner.core.regimen import DrugSpec
from planner.core.rules import DosingBasis, check_rounding_step

DEFAULT_ROUNDING_STEP = Decimal(1)


@dataclass(frozen=True, slots=True)
class DoseCalculation:
    """One drug's dose with its inputs: level (mg, mg/m² or mg/kg), the basis value, exact and rounded."""

    drug: str
    basis: str
    level: Decimal
    basis_value: Decimal | None  # BSA in m² or weight in kg; None for a flat dose
    exact_mg: Decimal
    dose_mg: Decimal
    rounding_step: Decimal
    # A level worked out as a percentage of another (50% x 90 mg/m² = 45 mg/m²), shown in the sum.
    percent: Decimal | None = None
    percent_of: Decimal | None = None

    @property
    def calculated(self) -> bool:
        return self.basis != DosingBasis.FLAT

    @property
    def rounding_deviation_pct(self) -> Decimal:
        """How far rounding moved the dose, in % of the exact dose (0 for flat doses)."""
        if self.exact_mg == 0:
            return Decimal(0)
        return (self.dose_mg - self.exact_mg) * 100 / self.exact_mg

    def explain(self) -> str:
        """`90 mg/m² x 1.82 m² = 163.8 -> 164 mg`; `12 mg (flat dose)`; `2 mg/kg x 70 kg = 140 -> 140 mg`."""
        if self.basis == DosingBasis.FLAT:
            return translate("Dosing", "{dose} mg (flat dose)").format(dose=plain(self.dose_mg))
        per_m2 = self.basis == DosingBasis.MG_PER_M2
        unit, basis_unit = ("mg/m²", "m²") if per_m2 else ("mg/kg", "kg")
        basis_value = self.basis_value or Decimal(0)
        text = translate("Dosing", "{level} {unit} x {basis} {basis_unit} = {exact} -> {dose} mg").format(
            level=plain(self.level), unit=unit, basis=format_m2(basis_value) if per_m2 else plain(basis_value),
            basis_unit=basis_unit, exact=plain(self.exact_mg), dose=plain(self.dose_mg))
        if self.percent is not None and self.percent_of is not None:
            text = translate("Dosing", "{percent}% x {of} {unit} = {text}").format(
                percent=plain(self.percent), of=plain(self.percent_of), unit=unit, text=text)
        return text


def validate_rounding_step(step: Decimal) -> Decimal:
    """Kept for callers; the rule (0.1-50 mg in 0.1 mg steps) lives in planner.core.rules."""
    return check_rounding_step(step)


def percent_level(percent: Decimal, of: Decimal) -> Decimal:
    """`percent` % of a level, exact (50% of 90 = 45, 75% of 90 = 67.5); only the mg dose is rounded."""
    return CONTEXT.divide(CONTEXT.multiply(percent, of), Decimal(100)).normalize(CONTEXT)


def calculate_dose(drug: DrugSpec, level: Decimal, bsa_m2: Decimal, weight_kg: Decimal,
                   rounding_step: Decimal = DEFAULT_ROUNDING_STEP, *, percent: Decimal | None = None,
                   percent_of: Decimal | None = None) -> DoseCalculation:
    """The dose of `drug` at dose level `level` for this BSA and weight.

    Flat doses are what the regimen says (capsules come in fixed strengths, no rounding); calculated
    doses are rounded half-up to `rounding_step` mg.
    """
    if drug.basis is DosingBasis.FLAT:
        return DoseCalculation(drug.id, drug.basis, level, None, level, level, rounding_step, percent, percent_of)
    basis_value = bsa_m2 if drug.basis is DosingBasis.MG_PER_M2 else weight_kg
    exact = CONTEXT.multiply(level, basis_value)
    return DoseCalculation(drug.id, drug.basis, level, basis_value, exact,
                           round_half_up(exact, rounding_step), rounding_step, percent, percent_of)


@dataclass(frozen=True)
class UnitCombination:
    """Vials or capsules that make up a dose: (size in mg, count) pairs, largest first."""

    units: tuple[tuple[Decimal, int], ...]
    total_mg: Decimal

    @property
    def count(self) -> int:
        return sum(n for _, n in self.units)

    def describe(self, unit_word: str) -> str:
        """`1 x 200 mg + 1 x 10 mg vial` style text."""
        parts = [f"{n} x {plain(size)} mg" for size, n in self.units]
        return " + ".join(parts) + f" {unit_word}"


def _combinations(dose_mg: Decimal, sizes: tuple[Decimal, ...], exact: bool) -> UnitCombination | None:
    """Fewest units whose total is the dose (exact) or the smallest total >= the dose (vials).

    Sizes are whole milligrams in every regimen we ship; a tiny dynamic programme over milligrams
    finds the optimum where a greedy choice would waste drug (e.g. 60 mg from 50+10, not 2x50).
    """
    if not sizes or dose_mg <= 0:
        return None
    scale = 1
    while any((s * scale) != (s * scale).to_integral_value() for s in (*sizes, dose_mg)) and scale < 1000:
        scale *= 10
    target = int((dose_mg * scale).to_integral_value(rounding="ROUND_CEILING"))
    ints = sorted({int(s * scale) for s in sizes}, reverse=True)
    limit = target + (0 if exact else max(ints))
    best: list[tuple[int, tuple[int, ...]] | None] = [None] * (limit + 1)
    best[0] = (0, ())
    for total in range(1, limit + 1):
        for size in ints:
            prev = best[total - size] if total >= size else None
            if prev is not None and (best[total] is None or prev[0] + 1 < best[total][0]):  # type: ignore[index]
                best[total] = (prev[0] + 1, (*prev[1], size))
    candidates = [target] if exact else range(target, limit + 1)
    for total in candidates:
        found = best[total]
        if found is not None:
            counts: dict[int, int] = {}
            for size in found[1]:
                counts[size] = counts.get(size, 0) + 1
            units = tuple((Decimal(size) / scale, counts[size]) for size in sorted(counts, reverse=True))
            return UnitCombination(units=units, total_mg=Decimal(total) / scale)
    return None


def vial_combination(dose_mg: Decimal, vials_mg: tuple[Decimal, ...]) -> UnitCombination | None:
    """Vials to open for a dose: least drug wasted, then fewest vials."""
    return _combinations(dose_mg, vials_mg, exact=False)


def capsule_combination(dose_mg: Decimal, strengths_mg: tuple[Decimal, ...]) -> UnitCombination | None:
    """Capsules that make exactly the dose with the fewest capsules; None when no combination does."""
    return _combinations(dose_mg, strengths_mg, exact=True)


# What a syringe or pump can be set to: the screen and the dose sheet both show the volume to this step.
VOLUME_STEP_ML = Decimal("0.1")


def infusion_volume_ml(dose_mg: Decimal, concentration_mg_per_ml: Decimal) -> Decimal:
    return CONTEXT.divide(dose_mg, concentration_mg_per_ml)


def drawn_volume_ml(dose_mg: Decimal, concentration_mg_per_ml: Decimal) -> Decimal:
    """The volume to draw up, rounded half-up to VOLUME_STEP_ML (the exact quotient is shown beside it
    wherever the two differ)."""
    return round_half_up(infusion_volume_ml(dose_mg, concentration_mg_per_ml), VOLUME_STEP_ML)
