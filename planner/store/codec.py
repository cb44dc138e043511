"""Core values <-> plain JSON-able dicts, for the database columns, the audit log and plan files.

Decimals travel as strings so no binary float ever touches a weight or a dose; dates as ISO text.
The plan file reader (planfile.py) validates untrusted input itself and then builds values with these
helpers; the database reads back only what this module wrote.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from planner.core.modifications import (
    Delay,
    DoseLevelChange,
    DosePercentChange,
    EndReason,
    EndTreatment,
    Modification,
    OmitDays,
    StopDrug,
    WeightChange,
)
from planner.core.plan import PlanSettings, PriorExposure
from planner.core.safety import AnthracyclineFactor

# The stable names of modification kinds in the database and in plan files.
KIND_OF: dict[type, str] = {
    Delay: "delay",
    DoseLevelChange: "dose_level",
    OmitDays: "omit_days",
    StopDrug: "stop",
    WeightChange: "weight",
    DosePercentChange: "dose_percent",
    EndTreatment: "end_treatment",
}
KINDS = tuple(KIND_OF.values())


def dec(value: Decimal) -> str:
    return format(value, "f")


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def modification_to_dict(mod: Modification) -> dict[str, Any]:
    kind = KIND_OF[type(mod)]
    if isinstance(mod, Delay):
        return {"kind": kind, "cycle": mod.cycle, "days": mod.days}
    if isinstance(mod, DoseLevelChange):
        return {"kind": kind, "drug": mod.drug, "cycle": mod.cycle, "level": dec(mod.level)}
    if isinstance(mod, OmitDays):
        return {"kind": kind, "drug": mod.drug, "cycle": mod.cycle, "days": list(mod.days)}
    if isinstance(mod, StopDrug):
        return {"kind": kind, "drug": mod.drug, "cycle": mod.cycle, "day": mod.day}
    if isinstance(mod, DosePercentChange):
        return {"kind": kind, "drug": mod.drug, "cycle": mod.cycle, "percent": dec(mod.percent), "of": mod.of}
    if isinstance(mod, EndTreatment):
        return {"kind": kind, "cycle": mod.cycle, "effective_on": mod.effective_on.isoformat(),
                "reason_code": mod.reason_code.value, "note": mod.note}
    return {"kind": kind, "cycle": mod.cycle, "weight_kg": dec(mod.weight_kg), "measured_on": iso(mod.measured_on)}


def modification_from_dict(data: dict[str, Any], reason: str = "") -> Modification:
    kind = data["kind"]
    if kind == "delay":
        return Delay(int(data["cycle"]), int(data["days"]), reason)
    if kind == "dose_level":
        return DoseLevelChange(str(data["drug"]), int(data["cycle"]), Decimal(str(data["level"])), reason)
    if kind == "omit_days":
        return OmitDays(str(data["drug"]), int(data["cycle"]), tuple(int(d) for d in data["days"]), reason)
    if kind == "stop":
        return StopDrug(str(data["drug"]), int(data["cycle"]), int(data.get("day", 1)), reason)
    if kind == "dose_percent":
        return DosePercentChange(str(data["drug"]), int(data["cycle"]), Decimal(str(data["percent"])),
                                 str(data.get("of", "current")), reason)
    if kind == "end_treatment":
        return EndTreatment(int(data["cycle"]), date.fromisoformat(str(data["effective_on"])),
                            EndReason(str(data["reason_code"])), str(data.get("note", "")), reason)
    if kind == "weight":
        measured = data.get("measured_on")
        return WeightChange(int(data["cycle"]), Decimal(str(data["weight_kg"])),
                            date.fromisoformat(measured) if measured else None, reason)
    raise ValueError(f"unknown modification kind {kind!r}")


def factors_to_list(factors: tuple[AnthracyclineFactor, ...]) -> list[dict[str, str]]:
    return [{"drug": f.drug, "factor": dec(f.factor), "source": f.source} for f in factors]


def factors_from_list(items: list[dict[str, Any]]) -> tuple[AnthracyclineFactor, ...]:
    return tuple(AnthracyclineFactor(str(i["drug"]), Decimal(str(i["factor"])), str(i.get("source", "")))
                 for i in items)


def settings_to_dict(settings: PlanSettings) -> dict[str, Any]:
    return {
        "formula": settings.formula,
        "rounding_step_mg": dec(settings.rounding_step_mg),
        "recalc_threshold_pct": dec(settings.recalc_threshold_pct),
        "bsa_cap_m2": None if settings.bsa_cap_m2 is None else dec(settings.bsa_cap_m2),
        "open_ended_cycles": settings.open_ended_cycles,
        "anthracycline_factors": factors_to_list(settings.anthracycline_factors),
    }


def prior_to_list(prior: tuple[PriorExposure, ...]) -> list[dict[str, str]]:
    return [{"drug": p.drug, "mg_per_m2": dec(p.mg_per_m2)} for p in prior]
