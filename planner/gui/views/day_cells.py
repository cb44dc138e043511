"""What each calendar day shows, read from a Plan once per `set_plan` (no Qt, no drawing).

The painter only looks these cells up, so a repaint costs a dictionary lookup per visible day and a
plan change costs one pass over `Plan.days()` (252 days for a 12-cycle plan). Nothing here computes a
date or a dose: every figure is the core's.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from planner.core.clinic_days import ClinicCalendar
from planner.core.decimal_math import plain
from planner.core.monitoring import Due, due_text, monitoring_due
from planner.core.plan import Cycle, Day, DrugDose, Plan


@dataclass(frozen=True, slots=True)
class Chip:
    """One drug on one day: given (with dose), held (omitted day) or stopped."""

    drug_id: str
    name: str
    short: str
    route: str  # as in the regimen file: decides the colour and pictogram
    route_label: str  # the route in the interface language, for text
    dose_mg_text: str  # "" when not given
    state: str  # "given" | "held" | "stopped"
    reduced: bool  # dose level below the starting level
    dose: DrugDose


@dataclass(frozen=True, slots=True)
class DayCell:
    day: Day
    cycle: Cycle
    chips: tuple[Chip, ...]
    delay_day: bool  # an extra day of this cycle while the next, delayed cycle waits
    cycle_start: bool
    has_warning: bool
    monitoring: str = ""  # "Monitoring due: ..." on the day the tests are due (planner.core.monitoring)

    @property
    def date(self) -> date:
        return self.day.date

    @property
    def given(self) -> tuple[Chip, ...]:
        return tuple(c for c in self.chips if c.state == "given")

    @property
    def is_rest(self) -> bool:
        """No drug scheduled at all; a day whose dose is held is shown as held, not as a rest day."""
        return not self.chips and not self.delay_day


def short_name(name: str) -> str:
    """`Anlotinib` -> `Anl`, `Epirubicin hydrochloride` -> `Epi`: the abbreviation wards write on boards;
    a Chinese name keeps its first two characters (安罗替尼 -> 安罗, 表柔比星 -> 表柔), as wide as `Anlo`;
    callers pass DrugSpec.short_label, so 盐酸表柔比星 (epirubicin hydrochloride) abbreviates from 表柔比星."""
    if not name.strip():
        return name
    first = name.split()[0]
    if unicodedata.east_asian_width(first[0]) in ("W", "F"):
        return first[:2]
    return first[:3].capitalize()


def _chips(day: Day, cycle: Cycle) -> tuple[Chip, ...]:
    chips: list[Chip] = []
    for dose in cycle.doses:
        drug = dose.drug
        phase_days = next((pd.days for pd in cycle.phase.drugs if pd.drug == drug.id), ())
        if day.day in dose.days:
            state = "given"
        elif day.day in dose.omitted_days:
            state = "held"
        elif dose.stopped_from_day is not None and day.day >= dose.stopped_from_day and day.day in phase_days:
            state = "stopped"
        else:
            continue
        chips.append(Chip(drug.id, drug.label, short_name(drug.short_label), drug.route, drug.route_label,
                          plain(dose.dose_mg) if state == "given" else "", state, dose.level_index > 0, dose))
    return tuple(chips)


def build_cells(plan: Plan | None, clinic: ClinicCalendar | None = None) -> dict[date, DayCell]:
    if plan is None:
        return {}
    cycles = {c.number: c for c in plan.cycles}
    cells: dict[date, DayCell] = {}
    for day in plan.days(clinic):
        cycle = cycles[day.cycle]
        cells[day.date] = DayCell(
            day=day, cycle=cycle, chips=_chips(day, cycle),
            delay_day=day.day > cycle.phase.cycle_days, cycle_start=day.day == 1,
            has_warning=day.day == 1 and bool(cycle.warnings))
    if plan.cycles:
        # The blood count before cycle 1 falls before the plan's first day: a cell of its own ("day 0").
        first = plan.cycles[0]
        for when in plan.blood_test_dates(clinic):
            if when < plan.start and when not in cells:
                cells[when] = DayCell(day=Day(when, first.number, 0, first.phase, (), True), cycle=first,
                                      chips=(), delay_day=False, cycle_start=False, has_warning=False)
        _mark_monitoring(plan, cells, clinic)
    return cells


def _mark_monitoring(plan: Plan, cells: dict[date, DayCell], clinic: ClinicCalendar | None) -> None:
    """The monitoring tests on the days they are due (before cycle 1 too: a "day 0" cell)."""
    if not plan.regimen.monitoring:
        return
    by_day: dict[date, list[Due]] = {}
    # Nothing is on record as done here: the calendar shows the schedule (`today` only decides overdue).
    for due in monitoring_due(plan, {}, plan.start, clinic):
        by_day.setdefault(due.due_on, []).append(due)
    first = plan.cycles[0]
    for when, dues in by_day.items():
        cell = cells.get(when)
        if cell is None:
            if when >= plan.start:
                continue
            cell = DayCell(day=Day(when, first.number, 0, first.phase, (), False), cycle=first, chips=(),
                           delay_day=False, cycle_start=False, has_warning=False)
        cells[when] = replace(cell, monitoring=due_text(dues))

