"""What a plan asks of the clinic, day by day: infusions (and the chair time they take), cycles that start
with capsules only, and blood tests.

One rule for "who comes in on a day", used by the store's summary tables (so the day list and the ward
forecast ask the database instead of computing 10,000 plans), by the day list itself and by the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planner.core.plan import Day, Plan
from planner.core.rules import is_infusion


class ClinicEventKind(StrEnum):
    INFUSION = "infusion"  # a hospital day: at least one infusion, the patient needs a chair
    ORAL_START = "oral-start"  # day 1 of a cycle without an infusion: a visit, no chair
    BLOOD_TEST = "blood-test"  # a blood count due before an infusion


@dataclass(frozen=True, slots=True)
class ClinicEvent:
    on: date
    kind: ClinicEventKind
    cycle: int
    chair_minutes: int = 0  # infusion events only: the time in the chair the regimen file gives


def chair_minutes(day: Day) -> int:
    """Chair time of one plan day: the sum of its infusions' durations from the regimen file."""
    return sum(a.drug.infusion_minutes for a in day.administrations if is_infusion(a.drug.route))


def day_events(day: Day) -> Iterator[ClinicEvent]:
    if day.has_infusion:
        yield ClinicEvent(day.date, ClinicEventKind.INFUSION, day.cycle, chair_minutes(day))
    elif day.day == 1:
        yield ClinicEvent(day.date, ClinicEventKind.ORAL_START, day.cycle)
    if day.blood_test:
        yield ClinicEvent(day.date, ClinicEventKind.BLOOD_TEST, day.cycle)


def plan_events(plan: Plan) -> list[ClinicEvent]:
    """Every clinic event of the plan, in date order."""
    return [event for day in plan.days() for event in day_events(day)]


def is_due(day: Day) -> bool:
    """On the day list: an infusion or the start of a cycle (capsules handed out, doses reviewed)."""
    return day.has_infusion or day.day == 1
