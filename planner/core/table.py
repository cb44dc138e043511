"""The plan as a flat table (one row a calendar day), shared by `plan --csv` and the CSV/XLSX export.

Besides each drug's dose the table says what kind of day it is for that drug, so a spreadsheet can tell a
held day (the doctor withheld a dose that was planned) from a rest day (none planned), a stopped drug from
a finished one, and a delay day from an ordinary rest day; and it carries the dose level, the cycle's delay
and the reasons recorded for the changes that fall on the day.
"""

from __future__ import annotations

from typing import Any

from planner.core.decimal_math import to_json_number
from planner.core.modifications import Delay, DoseLevelChange, DosePercentChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import Cycle, Plan

# Day status words per drug (stable, English: they are data for spreadsheets and scripts, like the
# column names).
GIVEN, HELD, STOPPED, REST, DELAY = "given", "held", "stopped", "rest", "delay"


def plan_day_columns(plan: Plan) -> list[str]:
    drugs = list(plan.regimen.drugs)
    return ["date", "cycle", "day", "phase", *(f"{d}_mg" for d in drugs), "blood_test",
            *(f"{d}_status" for d in drugs), *(f"{d}_level" for d in drugs), "delay_days", "reason"]


def _status(cycle: Cycle, drug: str, day: int, given: bool, stop: tuple[int, int] | None) -> str:
    if given:
        return GIVEN
    if stop is not None and stop <= (cycle.number, day):  # from the stop on, in this cycle and every later one
        return STOPPED
    dose = cycle.dose_for(drug)
    if dose is not None and day in dose.omitted_days:
        return HELD
    if day > cycle.phase.cycle_days:  # the days a delay of the next cycle adds to this one
        return DELAY
    return REST


def _reasons(plan: Plan, cycle: int, day: int) -> str:
    """The recorded reasons of the changes that take effect on this day (a cycle-wide change on its day 1)."""
    reasons: list[str] = []
    for mod in plan.modifications:
        if mod.cycle != cycle:
            continue
        if isinstance(mod, OmitDays):
            applies = day in mod.days
        elif isinstance(mod, StopDrug):
            applies = day == mod.day
        elif isinstance(mod, Delay | DoseLevelChange | DosePercentChange | WeightChange):
            applies = day == 1
        else:
            applies = False
        if applies and mod.reason and mod.reason not in reasons:
            reasons.append(mod.reason)
    return "; ".join(reasons)


def plan_day_rows(plan: Plan) -> list[dict[str, Any]]:
    """One dict a calendar day: date, cycle, day, phase, each drug's dose in mg (None when not given),
    blood test, each drug's day status and dose level, the cycle's delay in days and the day's reasons."""
    drugs = list(plan.regimen.drugs)
    cycles = {c.number: c for c in plan.cycles}
    stops: dict[str, tuple[int, int]] = {}
    for mod in plan.modifications:
        if isinstance(mod, StopDrug):
            stops[mod.drug] = min(stops.get(mod.drug, (mod.cycle, mod.day)), (mod.cycle, mod.day))
    rows = []
    for day in plan.days():
        cycle = cycles[day.cycle]
        row: dict[str, Any] = {"date": day.date.isoformat(), "cycle": day.cycle, "day": day.day,
                               "phase": day.phase.id}
        given = {a.drug.id: a.dose_mg for a in day.administrations}
        for drug in drugs:
            row[f"{drug}_mg"] = to_json_number(given[drug]) if drug in given else None
        row["blood_test"] = day.blood_test
        for drug in drugs:
            row[f"{drug}_status"] = _status(cycle, drug, day.day, drug in given, stops.get(drug))
        for drug in drugs:
            dose = cycle.dose_for(drug)
            row[f"{drug}_level"] = to_json_number(dose.level) if dose is not None and dose.given else None
        row["delay_days"] = cycle.delay_days
        row["reason"] = _reasons(plan, day.cycle, day.day)
        rows.append(row)
    return rows
