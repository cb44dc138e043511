"""Relative dose intensity (RDI): how much of the planned dose per week a patient actually received.

Dose intensity is dose per unit of time (Hryniuk 1984): mg/m² per week for a BSA-based drug, mg per week
for a flat one. The planned intensity is the regimen's standard schedule (starting dose on every planned
day, cycles of the standard length); the delivered intensity is what was recorded as given, over the time
the completed cycles actually took (delays lengthen it). RDI = delivered / planned, in %. Only completed
cycles count, so a cycle in progress does not look under-dosed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from planner.core.decimal_math import CONTEXT
from planner.core.plan import Plan

WEEK_DAYS = Decimal(7)
PERCENT_STEP = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class GivenDose:
    """One recorded administration, as the intensity needs it."""

    drug: str
    cycle: int
    dose_mg: Decimal


@dataclass(frozen=True, slots=True)
class DoseIntensity:
    """One drug's dose intensity over the completed cycles, with the inputs to redo the sum by hand."""

    drug: str
    unit: str  # "mg/m²/week" or "mg/week" (mg/kg drugs: "mg/kg/week")
    cycles: int  # completed cycles counted
    planned_total: Decimal  # in the drug's basis unit (mg/m², mg or mg/kg)
    planned_weeks: Decimal
    given_total: Decimal
    actual_weeks: Decimal

    @property
    def planned_per_week(self) -> Decimal:
        return CONTEXT.divide(self.planned_total, self.planned_weeks)

    @property
    def given_per_week(self) -> Decimal:
        return CONTEXT.divide(self.given_total, self.actual_weeks)

    @property
    def relative_pct(self) -> Decimal | None:
        """RDI in % (one decimal, half-up); None when nothing was planned."""
        if self.planned_total == 0:
            return None
        ratio = CONTEXT.divide(self.given_per_week * 100, self.planned_per_week)
        return ratio.quantize(PERCENT_STEP, rounding=ROUND_HALF_UP)


def _basis_amount(plan: Plan, cycle_number: int, drug_id: str, dose_mg: Decimal) -> Decimal:
    """A given dose in the drug's basis unit: mg/m² on the cycle's BSA, mg/kg on its dose weight, or mg."""
    drug = plan.regimen.drugs[drug_id]
    cycle = plan.cycle(cycle_number)
    if drug.basis == "mg_per_m2":
        return CONTEXT.divide(dose_mg, cycle.bsa.m2)
    if drug.basis == "mg_per_kg":
        return CONTEXT.divide(dose_mg, cycle.dose_weight_kg)
    return dose_mg


def dose_intensities(plan: Plan, given: Iterable[GivenDose], as_of: date) -> tuple[DoseIntensity, ...]:
    """Per drug of the regimen, the intensity over the cycles completed by `as_of` (empty when none is)."""
    completed = [c for c in plan.cycles if c.end < as_of]
    if not completed:
        return ()
    numbers = {c.number for c in completed}
    actual_days = Decimal((completed[-1].end - plan.start).days + 1)
    planned_days = Decimal(sum(c.phase.cycle_days for c in completed))
    given_by_drug: dict[str, Decimal] = {}
    for dose in given:
        if dose.cycle in numbers and dose.drug in plan.regimen.drugs:
            given_by_drug[dose.drug] = given_by_drug.get(dose.drug, Decimal(0)) + _basis_amount(
                plan, dose.cycle, dose.drug, dose.dose_mg)
    out = []
    for drug in plan.regimen.drugs.values():
        planned = sum((drug.starting_level * len(pd.days) for c in completed for pd in c.phase.drugs
                       if pd.drug == drug.id), Decimal(0))
        if planned == 0:
            continue
        out.append(DoseIntensity(drug=drug.id, unit=f"{drug.unit}/week", cycles=len(completed),
                                 planned_total=planned, planned_weeks=planned_days / WEEK_DAYS,
                                 given_total=given_by_drug.get(drug.id, Decimal(0)),
                                 actual_weeks=actual_days / WEEK_DAYS))
    return tuple(out)
