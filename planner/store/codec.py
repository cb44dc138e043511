"""Core values <-> plain JSON-able dicts, for the database columns, the audit log and plan files.

Decimals travel as strings so no binary float ever touches a weight or a dose; dates as ISO text.
The plan file reader (planfile.py) validates untrusted input itself and then builds values with these
helpers; the database reads back only what this module wrote.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from planner.core.assessment import Assessment, ToxicityGrade, ToxicityTerm
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


# ------------------------------------------------------------------------------------------- assessments

# Field name -> Assessment attribute, for the numeric measurements.
_ASSESSMENT_NUMBERS = {
    "anc": "anc", "platelets": "platelets", "hb": "hb", "ast": "ast", "alt": "alt", "uln-ast": "uln_ast",
    "uln-alt": "uln_alt", "creatinine": "creatinine", "lvef": "lvef", "nadir-anc": "nadir_anc",
    "nadir-platelets": "nadir_platelets", "systolic-bp": "systolic_bp", "diastolic-bp": "diastolic_bp",
    "urine-protein": "urine_protein",
}


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The measurements, keyed by the field names the rules and errors use (`anc`, `uln-ast`), each value with
    the unit it was entered in and its normalised value and unit (only bilirubin has two units today)."""
    from planner.core.assessment import RANGES

    out: dict[str, Any] = {"cycle": assessment.cycle, "on": iso(assessment.on), "lvef_on": iso(assessment.lvef_on),
                           "febrile_neutropenia": assessment.febrile_neutropenia}
    for name, attribute in _ASSESSMENT_NUMBERS.items():
        value = getattr(assessment, attribute)
        if value is not None:
            unit = RANGES[name][2]
            out[name] = {"value": dec(value), "unit": unit, "normalised": dec(value), "normalised_unit": unit}
    if assessment.bilirubin is not None:
        b = assessment.bilirubin
        out["bilirubin"] = {"value": dec(b.value), "unit": b.unit, "normalised": dec(b.umol_l),
                            "normalised_unit": "umol/L"}
    out["toxicity"] = [{"term": t.term, "grade": t.grade} for t in assessment.toxicities]
    out["ongoing"] = [{"term": t.term, "grade": t.grade} for t in assessment.ongoing]
    return out


def assessment_from_dict(data: Any, terms: tuple[ToxicityTerm, ...]) -> Assessment:
    """An Assessment from `assessment_to_dict`'s form, through the same parsers as the command line and the
    form: whatever the input (a plan file is untrusted), the result is a valid Assessment or an InputError
    naming the field (`anc`, `bilirubin`, `toxicity`, ...)."""
    from planner.core.assessment import RANGES, Assessment, Bilirubin, check_bilirubin, parse_number, parse_toxicity
    from planner.core.dates import parse_iso_date
    from planner.core.errors import InputError
    from planner.core.i18n import translate

    if not isinstance(data, dict):
        raise InputError("assessment", translate("Assessment", "An assessment must be an object."))

    def measured(name: str) -> dict[str, Any] | None:
        item = data.get(name)
        if item is None:
            return None
        if not isinstance(item, dict) or isinstance(item.get("value"), bool) or item.get("value") is None:
            raise InputError(name, translate(
                "Assessment", "{name}: must be an object with a value and its unit.").format(name=name))
        return item

    def unit_of(name: str, item: dict[str, Any], allowed: tuple[str, ...]) -> str:
        unit = item.get("unit", allowed[0])
        if unit not in allowed:
            raise InputError(name, translate("Assessment", "{name}: the unit must be {units}, not '{unit}'.").format(
                name=name, units=" or ".join(allowed), unit=str(unit)[:20]))
        return str(unit)

    numbers: dict[str, Decimal | None] = {}
    for name, attribute in _ASSESSMENT_NUMBERS.items():
        item = measured(name)
        if item is not None:
            unit_of(name, item, (RANGES[name][2],))
        numbers[attribute] = None if item is None else parse_number(str(item["value"]), name)
    bilirubin = None
    item = measured("bilirubin")
    if item is not None:
        unit = unit_of("bilirubin", item, ("umol/L", "mg/dL"))
        bilirubin = Bilirubin(parse_number(str(item["value"]), "bilirubin") if unit == "umol/L"
                              else _bilirubin_mg_dl(item["value"]), unit)
        check_bilirubin(bilirubin)

    def grades(name: str) -> tuple[ToxicityGrade, ...]:
        items = data.get(name) or []
        if not isinstance(items, list):
            raise InputError(name, translate("Assessment", "{name}: must be a list of terms and grades.").format(
                name=name))
        out = []
        for entry in items:
            if not isinstance(entry, dict):
                raise InputError(name, translate("Assessment", "{name}: must be a list of terms and grades.").format(
                    name=name))
            out.append(parse_toxicity(f"{entry.get('term', '')}:{entry.get('grade', '')}", terms, name))
        return tuple(out)

    cycle = data.get("cycle")
    if not isinstance(cycle, int) or isinstance(cycle, bool):
        raise InputError("cycle", translate("Assessment", "Cycle: must be a whole number from 1."))
    febrile = data.get("febrile_neutropenia", False)
    if not isinstance(febrile, bool):
        raise InputError("febrile_neutropenia", translate("Assessment", "Febrile neutropenia: must be true or false."))
    on, lvef_on = data.get("on"), data.get("lvef_on")
    return Assessment(
        cycle=cycle,
        on=parse_iso_date(on, "on") if on is not None else None,
        lvef_on=parse_iso_date(lvef_on, "lvef_on") if lvef_on is not None else None,
        bilirubin=bilirubin, febrile_neutropenia=febrile, toxicities=grades("toxicity"), ongoing=grades("ongoing"),
        **numbers,
    )


def _bilirubin_mg_dl(raw: Any) -> Decimal:
    from planner.core.assessment import parse_bilirubin

    return parse_bilirubin(f"{raw}mg/dL").value
