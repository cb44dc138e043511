"""When a planned dose may be recorded as given: one rule for the app, the CLI and the store.

A "Mark given" that is wrong is worse than none: the dose sheet, the cumulative anthracycline total and the
next nurse all trust it. So a dose can be recorded as given only
- for a day the plan gives that drug on, in a cycle that has started (a future cycle cannot have been given);
- on its scheduled day, or on another day with a reason (a late or early dose is a fact to explain);
- for an infusion (IV), after a passed double check of the dose the plan calculates now: a check of an older
  dose (before a delay, dose level or weight change) proves nothing about the dose given.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

from planner.core import rules
from planner.core.dates import format_long
from planner.core.decimal_math import plain
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.plan import DrugDose, Plan


class DoseCheck(Protocol):
    """What the rule needs of a recorded double check (the store's DoseCheckRecord has it)."""

    @property
    def cycle(self) -> int: ...

    @property
    def drug(self) -> str: ...

    @property
    def calculated_mg(self) -> Decimal: ...

    @property
    def passed(self) -> bool: ...


def needs_double_check(dose: DrugDose) -> bool:
    """An infusion is drawn up from a calculation, so two people check it; capsules come in fixed strengths."""
    return rules.is_infusion(dose.drug.route)


def current_dose(plan: Plan, cycle_number: int, drug_id: str) -> DrugDose | None:
    """The dose the plan gives now for that cycle and drug; None when it gives none (stopped, held, no cycle)."""
    cycle = next((c for c in plan.cycles if c.number == cycle_number), None)
    dose = cycle.dose_for(drug_id) if cycle is not None else None
    return dose if dose is not None and dose.given else None


def check_is_current(check: DoseCheck, plan: Plan) -> bool:
    """Whether `check` compared the dose the plan calculates now for its cycle and drug."""
    dose = current_dose(plan, check.cycle, check.drug)
    return dose is not None and dose.dose_mg == check.calculated_mg


def has_current_check(plan: Plan, cycle_number: int, drug_id: str, checks: Iterable[DoseCheck]) -> bool:
    """A passed double check of the dose the plan calculates now for this cycle and drug."""
    return any(c.passed and c.cycle == cycle_number and c.drug == drug_id and check_is_current(c, plan)
               for c in checks)


def check_can_mark_given(plan: Plan, cycle: int, drug: str, day: int, on: date, checks: Iterable[DoseCheck],
                         today: date, reason: str = "") -> None:
    """None when cycle `cycle`, day `day` of `drug` may be recorded as given on `on`; otherwise InputError
    naming what is wrong (field "cycle", "day", "given_on", "reason" or "dose_check").

    `reason` explains a dose given on another day than planned (the note of the record).
    """
    planned = plan.cycle(cycle)  # InputError when there is no such cycle
    if planned.start > today:
        raise InputError("cycle", translate(
            "AdministrationRules", "Cycle {n} starts on {start}, after today: a future cycle cannot be "
            "marked given.").format(n=cycle, start=format_long(planned.start)))
    dose = planned.dose_for(drug)
    if dose is None or day not in dose.days:
        raise InputError("day", translate(
            "AdministrationRules", "Day: {drug} is not planned on day {day} of cycle {n}.").format(
            drug=dose.drug.name if dose is not None else drug, day=day, n=cycle))
    if on > today:
        raise InputError("given_on", translate(
            "AdministrationRules", "Given on: {date} is in the future.").format(date=format_long(on)))
    scheduled = planned.date_of(day)
    if on != scheduled and not reason.strip():
        raise InputError("reason", translate(
            "AdministrationRules", "Reason: day {day} of cycle {n} is planned for {planned}; a dose given on "
            "{on} needs a reason.").format(day=day, n=cycle, planned=format_long(scheduled), on=format_long(on)))
    if needs_double_check(dose) and not has_current_check(plan, cycle, dose.drug.id, checks):
        raise InputError("dose_check", translate(
            "AdministrationRules", "Double check: {drug} {mg} mg of cycle {n} has no passed double check of "
            "the dose the plan calculates now; record the check first.").format(
            drug=dose.drug.name, mg=plain(dose.dose_mg), n=cycle))
