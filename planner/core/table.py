"""The plan as a flat table (one row a calendar day), shared by `plan --csv` and the CSV/XLSX export."""

from __future__ import annotations

from typing import Any

from planner.core.decimal_math import to_json_number
from planner.core.plan import Plan


def plan_day_columns(plan: Plan) -> list[str]:
    drugs = list(plan.regimen.drugs)
    return ["date", "cycle", "day", "phase", *(f"{d}_mg" for d in drugs), "blood_test"]


def plan_day_rows(plan: Plan) -> list[dict[str, Any]]:
    """One dict a calendar day: date, cycle, day, phase, each drug's dose in mg (None when not given)."""
    drugs = list(plan.regimen.drugs)
    rows = []
    for day in plan.days():
        row: dict[str, Any] = {"date": day.date.isoformat(), "cycle": day.cycle, "day": day.day,
                               "phase": day.phase.id}
        given = {a.drug.id: a.dose_mg for a in day.administrations}
        for drug in drugs:
            row[f"{drug}_mg"] = to_json_number(given[drug]) if drug in given else None
        row["blood_test"] = day.blood_test
        rows.append(row)
    return rows
