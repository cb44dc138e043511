"""Plans and BSA results as plain JSON-able data: the contract of `planner plan --json`.

Numbers are JSON numbers (never strings); dates are ISO. The store, the exports and other tools
read this shape, so keys are only ever added, never renamed.
"""

from __future__ import annotations

from typing import Any

from planner.core.bsa import bsa_to_dict
from planner.core.decimal_math import to_json_number
from planner.core.plan import Cycle, Day, DrugDose, Plan
from planner.core.rules import DosingBasis


def dose_to_dict(dose: DrugDose) -> dict[str, Any]:
    calc = dose.calculation
    out: dict[str, Any] = {
        "drug": dose.drug.id,
        "name": dose.drug.name,
        "dose_mg": to_json_number(calc.dose_mg),
        "route": dose.drug.route,
        "basis": dose.drug.basis,
        "level": to_json_number(dose.level),
        "level_unit": dose.drug.unit,
        "level_index": dose.level_index,
        "exact_mg": to_json_number(calc.exact_mg),
        "calculation": calc.explain(),
        "days": list(dose.days),
    }
    if dose.drug.basis is DosingBasis.MG_PER_M2:
        out["dose_mg_per_m2"] = to_json_number(dose.level)
    elif dose.drug.basis is DosingBasis.MG_PER_KG:
        out["dose_mg_per_kg"] = to_json_number(dose.level)
    if dose.omitted_days:
        out["omitted_days"] = list(dose.omitted_days)
    if dose.stopped_from_day is not None:
        out["stopped_from_day"] = dose.stopped_from_day
    return out


def cycle_to_dict(cycle: Cycle) -> dict[str, Any]:
    cumulative: dict[str, Any] = {
        f"{drug}_mg_per_m2": to_json_number(amount) for drug, amount in cycle.cumulative_mg_per_m2
    }
    if cycle.cumulative_doxorubicin_eq_mg_per_m2 is not None:
        cumulative["doxorubicin_equivalent_mg_per_m2"] = to_json_number(cycle.cumulative_doxorubicin_eq_mg_per_m2)
    return {
        "cycle": cycle.number,
        "phase": cycle.phase.id,
        "start": cycle.start.isoformat(),
        "end": cycle.end.isoformat(),
        "delay_days": cycle.delay_days,
        "weight_kg": to_json_number(cycle.weight_kg),
        "dose_weight_kg": to_json_number(cycle.dose_weight_kg),
        "bsa_m2": to_json_number(cycle.bsa.m2),
        "bsa_m2_exact": to_json_number(cycle.bsa.exact_m2),
        "doses": [dose_to_dict(d) for d in cycle.doses],
        "cumulative": cumulative,
        "warnings": [{"code": w.code, "message": w.message} for w in cycle.warnings],
        "notes": list(cycle.notes),
    }


def day_to_dict(day: Day) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "cycle": day.cycle,
        "day": day.day,
        "phase": day.phase.id,
        "administrations": [
            {"drug": a.drug.id, "dose_mg": to_json_number(a.dose_mg), "route": a.drug.route}
            for a in day.administrations
        ],
        "blood_test": day.blood_test,
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    settings = plan.settings
    return {
        "regimen": plan.regimen.id,
        "regimen_name": plan.regimen.name,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "settings": {
            "formula": settings.formula,
            "rounding_step_mg": to_json_number(settings.rounding_step_mg),
            "recalc_threshold_pct": to_json_number(settings.recalc_threshold_pct),
            "bsa_cap_m2": None if settings.bsa_cap_m2 is None else to_json_number(settings.bsa_cap_m2),
            "open_ended_cycles": settings.open_ended_cycles,
        },
        "bsa": bsa_to_dict(plan.baseline_bsa),
        "prior": [{"drug": p.drug, "mg_per_m2": to_json_number(p.mg_per_m2)} for p in plan.inputs.prior],
        "cycles": [cycle_to_dict(c) for c in plan.cycles],
        "days": [day_to_dict(d) for d in plan.days()],
    }
