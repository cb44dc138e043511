"""Rules a history entry must meet against the plan: the same functions check what a nurse records
(planner.operations) and what a plan file brings in (planner.store.planfile), so both refuse the same things.

- Dates of record (measurements, given on) lie between 1900 and 2100 and never before the date of birth.
- A dose recorded as given is a planned one: its drug is given on that day of that cycle, at the plan's
  dose, on a date within the cycle.
- A double check compares the dose the plan calculated for that cycle.
Each InputError names the field; the plan-file reader prefixes its path.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.core.decimal_math import plain
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.plan import Cycle, DrugDose, Plan

EARLIEST_RECORD_DATE = date(1900, 1, 1)
LATEST_RECORD_DATE = date(2100, 12, 31)


def require_record_date(value: date, field: str, label: str, dob: date | None) -> date:
    """`value` when it lies in 1900-2100 and not before the date of birth, else InputError(field)."""
    if not isinstance(value, date) or not EARLIEST_RECORD_DATE <= value <= LATEST_RECORD_DATE:
        raise InputError(field, translate(
            "Store", "{label}: the date must be between {first} and {last}.").format(
            label=label, first=EARLIEST_RECORD_DATE.isoformat(), last=LATEST_RECORD_DATE.isoformat()))
    if dob is not None and value < dob:
        raise InputError(field, translate(
            "Store", "{label}: {value} is before the date of birth ({dob}).").format(
            label=label, value=value.isoformat(), dob=dob.isoformat()))
    return value


def planned_dose(plan: Plan, cycle: int, drug_id: str) -> tuple[Cycle, DrugDose]:
    """The cycle and the drug's dose in it, or InputError ("cycle" / "drug") when the plan has neither."""
    planned = plan.cycle(cycle)
    dose = planned.dose_for(drug_id)
    if dose is None:
        raise InputError("drug", translate("Store", "Drug: {drug} is not part of cycle {cycle}.").format(
            drug=drug_id, cycle=cycle))
    return planned, dose


def require_planned_administration(plan: Plan, *, cycle: int, day: int, drug_id: str, dose_mg: Decimal,
                                   given_on: date, dob: date | None) -> None:
    """InputError naming the field when the administration is not one the plan has, given within its cycle."""
    planned = require_planned_dose(plan, cycle=cycle, day=day, drug_id=drug_id, dose_mg=dose_mg, given_on=given_on,
                                   dob=dob)
    if not planned.start <= given_on <= planned.end:
        raise InputError("given_on", translate(
            "Store", "Given on: {date} is not within cycle {cycle} ({first} to {last}).").format(
            date=given_on.isoformat(), cycle=cycle, first=planned.start.isoformat(), last=planned.end.isoformat()))


def require_planned_dose(plan: Plan, *, cycle: int, day: int, drug_id: str, dose_mg: Decimal, given_on: date,
                         dob: date | None) -> Cycle:
    """The cycle, after checking that the plan gives `dose_mg` of the drug on that day of it and that
    `given_on` is a possible date; InputError naming the field otherwise."""
    planned, dose = planned_dose(plan, cycle, drug_id)
    if not 1 <= day <= planned.length_days:
        raise InputError("day", translate("Store", "Day: cycle {cycle} has days 1 to {n}.").format(
            cycle=cycle, n=planned.length_days))
    if day not in dose.days:
        raise InputError("day", translate(
            "Store", "Day: the plan gives no {drug} on day {day} of cycle {cycle}.").format(
            drug=drug_id, day=day, cycle=cycle))
    if dose_mg != dose.dose_mg:
        raise InputError("dose", translate(
            "Store", "Dose given: the plan's dose of {drug} in cycle {cycle} is {plan} mg, not {dose} mg.").format(
            drug=drug_id, cycle=cycle, plan=plain(dose.dose_mg), dose=plain(dose_mg)))
    require_record_date(given_on, "given_on", translate("Store", "Given on"), dob)
    return planned


def require_checked_dose(plan: Plan, *, cycle: int, drug_id: str, calculated_mg: Decimal) -> None:
    """InputError when `calculated_mg` is not the dose `plan` calculates for the drug in that cycle.

    A double check counts only for the dose it compared; one made against another dose (before a delay,
    reduction or weight change) must not be recorded as if it were the plan's.
    """
    _, dose = planned_dose(plan, cycle, drug_id)
    if not dose.given:
        raise InputError("drug", translate(
            "Store", "Drug: the plan gives no {drug} in cycle {cycle}; there is no dose to check.").format(
            drug=drug_id, cycle=cycle))
    if calculated_mg != dose.dose_mg:
        raise InputError("calculated_dose", translate(
            "Store", "Calculated dose: the plan now calculates {plan} mg of {drug} for cycle {cycle}, not "
            "{calculated} mg (the plan changed); check the current dose again. Nothing was saved.").format(
            plan=plain(dose.dose_mg), drug=drug_id, cycle=cycle, calculated=plain(calculated_mg)))
