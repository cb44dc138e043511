"""Body surface area: the five published formulas, computed in Decimal.

The BSA used for doses is rounded to 2 decimals half-up so that the nurse can redo the sum by hand
(90 mg/m² x 1.82 m² = 163.8 mg). A cap (2.0 m² is common) is an explicit, recorded override, off by
default. Sources are in the clinical reference and shown to the user next to the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.core.decimal_math import CONTEXT, format_m2, plain, round_2dp, to_json_number
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.rules import check_bsa_cap, guarded


def _mosteller(h: Decimal, w: Decimal) -> Decimal:
    return CONTEXT.sqrt(CONTEXT.divide(CONTEXT.multiply(h, w), Decimal(3600)))


def _power(x: Decimal, y: Decimal) -> Decimal:
    return CONTEXT.power(x, y)


def _dubois(h: Decimal, w: Decimal) -> Decimal:
    return Decimal("0.007184") * _power(w, Decimal("0.425")) * _power(h, Decimal("0.725"))


def _haycock(h: Decimal, w: Decimal) -> Decimal:
    return Decimal("0.024265") * _power(w, Decimal("0.5378")) * _power(h, Decimal("0.3964"))


def _gehan_george(h: Decimal, w: Decimal) -> Decimal:
    return Decimal("0.0235") * _power(w, Decimal("0.51456")) * _power(h, Decimal("0.42246"))


def _boyd(h: Decimal, w: Decimal) -> Decimal:
    grams = w * 1000
    exponent = Decimal("0.7285") - Decimal("0.0188") * CONTEXT.log10(grams)
    return Decimal("0.0003207") * _power(h, Decimal("0.3")) * _power(grams, exponent)


@dataclass(frozen=True)
class BsaFormula:
    key: str
    name: str
    expression: str
    source: str
    compute: Callable[[Decimal, Decimal], Decimal]


FORMULAS: dict[str, BsaFormula] = {
    f.key: f
    for f in (
        BsaFormula("mosteller", "Mosteller", "sqrt(H x W / 3600)", "N Engl J Med 1987;317:1098", _mosteller),
        BsaFormula("dubois", "DuBois & DuBois", "0.007184 x W^0.425 x H^0.725",
                   "Arch Intern Med 1916;17:863", _dubois),
        BsaFormula("haycock", "Haycock", "0.024265 x W^0.5378 x H^0.3964", "J Pediatr 1978;93:62", _haycock),
        BsaFormula("gehan-george", "Gehan & George", "0.0235 x W^0.51456 x H^0.42246",
                   "Cancer Chemother Rep 1970;54:225", _gehan_george),
        BsaFormula("boyd", "Boyd", "0.0003207 x H^0.3 x Wg^(0.7285 - 0.0188 x log10 Wg)", "Boyd 1935", _boyd),
    )
}
DEFAULT_FORMULA = "mosteller"


def get_formula(key: str) -> BsaFormula:
    try:
        return FORMULAS[key.strip().lower()]
    except (KeyError, AttributeError):
        raise InputError("formula", translate(
            "Bsa", "BSA formula: '{key}' is not known; choose one of {choices}.").format(
            key=key, choices=", ".join(FORMULAS))) from None


@dataclass(frozen=True)
class BsaResult:
    """A BSA with everything needed to trace it: formula, inputs, exact and rounded value, cap."""

    formula: str
    height_cm: Decimal
    weight_kg: Decimal
    exact_m2: Decimal
    rounded_m2: Decimal
    cap_m2: Decimal | None = None

    @property
    def capped(self) -> bool:
        return self.cap_m2 is not None and self.rounded_m2 > self.cap_m2

    @property
    def m2(self) -> Decimal:
        """The value doses are calculated with: rounded to 2 dp, then capped if a cap applies."""
        if self.cap_m2 is not None and self.rounded_m2 > self.cap_m2:
            return self.cap_m2
        return self.rounded_m2

    @property
    def formula_name(self) -> str:
        return FORMULAS[self.formula].name

    def explain(self) -> str:
        """`Mosteller sqrt(H x W / 3600), H 170 cm, W 70 kg = 1.8181 -> 1.82 m²` (plus the cap if applied)."""
        f = FORMULAS[self.formula]
        text = translate("Bsa", "{name} {expression}, H {height} cm, W {weight} kg = {exact} -> {rounded} m²").format(
            name=f.name, expression=f.expression, height=plain(round_2dp(self.height_cm)),
            weight=plain(round_2dp(self.weight_kg)), exact=plain(self.exact_m2.quantize(Decimal("0.0001"))),
            rounded=format_m2(self.rounded_m2))
        if self.capped:
            text += translate("Bsa", ", capped at {cap} m²").format(cap=format_m2(self.cap_m2 or Decimal(0)))
        return text


def calculate_bsa(height_cm: Decimal, weight_kg: Decimal, formula: str = DEFAULT_FORMULA,
                  cap_m2: Decimal | None = None) -> BsaResult:
    """BSA in m² from height (cm) and weight (kg), both already parsed and range-checked."""
    f = get_formula(formula)
    # The cap is shown with two decimals like every BSA, so it is used with two decimals too (a cap of
    # 1.815 must not print as 1.82 while the dose is worked out on 1.815); the rule keeps it in 1.0-3.0.
    cap_m2 = check_bsa_cap(cap_m2)
    with guarded("bsa", translate("Bsa", "BSA")):
        exact = f.compute(Decimal(height_cm), Decimal(weight_kg))
    return BsaResult(formula=f.key, height_cm=Decimal(height_cm), weight_kg=Decimal(weight_kg),
                     exact_m2=exact, rounded_m2=round_2dp(exact), cap_m2=cap_m2)


def bsa_to_dict(bsa: BsaResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "formula": bsa.formula,
        "height_cm": to_json_number(bsa.height_cm),
        "weight_kg": to_json_number(bsa.weight_kg),
        "bsa_m2": to_json_number(bsa.m2),
        "bsa_m2_exact": to_json_number(bsa.exact_m2),
    }
    if bsa.cap_m2 is not None:
        out["bsa_cap_m2"] = to_json_number(bsa.cap_m2)
        out["capped"] = bsa.capped
    return out
