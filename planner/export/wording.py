"""Sentences shared by the clinician documents: modifications with their reasons, preparation of a dose."""

from __future__ import annotations

from planner.core.dates import format_days, format_long
from planner.core.decimal_math import plain
from planner.core.dosing import capsule_combination, drawn_volume_ml, infusion_volume_ml, vial_combination
from planner.core.i18n import translate
from planner.core.modifications import (
    Delay,
    DoseLevelChange,
    DosePercentChange,
    EndTreatment,
    Modification,
    OmitDays,
    StopDrug,
    WeightChange,
    end_reason_label,
)
from planner.core.plan import DrugDose
from planner.core.regimen import Regimen
from planner.export.calendar_model import unit_word


def describe_modification(mod: Modification, regimen: Regimen) -> str:
    if isinstance(mod, Delay):
        text = translate("Export", "Cycle {c} delayed {days} days").format(c=mod.cycle, days=mod.days)
    elif isinstance(mod, DoseLevelChange):
        drug = regimen.drug(mod.drug)
        text = translate("Export", "{drug} dose level {level} {unit} from cycle {c}").format(
            drug=drug.name, level=plain(mod.level), unit=drug.unit, c=mod.cycle)
    elif isinstance(mod, OmitDays):
        text = translate("Export", "{drug} held on days {days} of cycle {c}").format(
            drug=regimen.drug(mod.drug).name, days=format_days(mod.days), c=mod.cycle)
    elif isinstance(mod, StopDrug):
        text = translate("Export", "{drug} stopped from day {day} of cycle {c}").format(
            drug=regimen.drug(mod.drug).name, day=mod.day, c=mod.cycle)
    elif isinstance(mod, WeightChange):
        text = translate("Export", "New weight {w} kg before cycle {c}").format(w=plain(mod.weight_kg), c=mod.cycle)
        if mod.measured_on is not None:
            text += " " + translate("Export", "(measured {date})").format(date=format_long(mod.measured_on))
    elif isinstance(mod, DosePercentChange):
        drug = regimen.drug(mod.drug)
        text = translate("Export", "{drug} at {pct}% of the {of} dose from cycle {c}").format(
            drug=drug.name, pct=plain(mod.percent),
            of=translate("Export", "starting") if mod.of == "starting" else translate("Export", "current"),
            c=mod.cycle)
    elif isinstance(mod, EndTreatment):
        text = translate("Export", "Treatment ended on {date} ({reason}); no cycles after cycle {c}").format(
            date=format_long(mod.effective_on), reason=end_reason_label(mod.reason_code), c=mod.cycle)
    else:  # pragma: no cover - the Modification union is closed
        text = str(mod)
    reason = mod.reason.strip()
    return text + (" - " + translate("Export", "reason: {reason}").format(reason=reason) if reason else "")


def preparation(dose: DrugDose) -> str:
    """How the dose is made up: volume and vials for a solution, capsules for an oral drug."""
    drug, mg = dose.drug, dose.dose_mg
    parts: list[str] = []
    if drug.concentration_mg_per_ml:
        exact = infusion_volume_ml(mg, drug.concentration_mg_per_ml)
        shown = drawn_volume_ml(mg, drug.concentration_mg_per_ml)
        volume = translate("Export", "{ml} mL at {conc} mg/mL").format(ml=plain(shown),
                                                                       conc=plain(drug.concentration_mg_per_ml))
        if shown != exact:
            volume += " " + translate("Export", "(exactly {exact} mL)").format(exact=plain(exact))
        parts.append(volume)
    if drug.vials_mg:
        vials = vial_combination(mg, drug.vials_mg)
        if vials is not None:
            text = vials.describe(translate("Export", "vial") if vials.count == 1 else translate("Export", "vials"))
            left = vials.total_mg - mg
            if left:
                text += " " + translate("Export", "({total} mg opened, {left} mg left over)").format(
                    total=plain(vials.total_mg), left=plain(left))
            parts.append(text)
    if drug.strengths_mg:
        capsules = capsule_combination(mg, drug.strengths_mg)
        if capsules is None:
            parts.append(translate("Export", "no capsule combination makes {mg} mg").format(mg=plain(mg)))
        else:
            parts.append(capsules.describe(unit_word(drug, capsules.count)) + " " + translate("Export", "per day"))
    return "; ".join(parts)
