"""The plan as a readable plain-text table for the terminal (`planner plan` without --json)."""

from __future__ import annotations

from planner.core.columns import format_columns
from planner.core.dates import format_days
from planner.core.decimal_math import format_m2, plain
from planner.core.i18n import translate
from planner.core.plan import Plan


def plan_as_text(plan: Plan) -> str:
    bsa = plan.baseline_bsa
    lines = [
        translate("Report", "Regimen: {name} ({id})").format(name=plan.regimen.label, id=plan.regimen.id),
        translate("Report", "BSA: {explain}").format(explain=bsa.explain()),
        translate("Report", "Rounding step {step} mg; recalculate at a weight change of {pct}% or more").format(
            step=plain(plan.settings.rounding_step_mg), pct=plain(plan.settings.recalc_threshold_pct)),
        "",
    ]
    headers = [translate("Report", "Cycle"), translate("Report", "Phase"), translate("Report", "Day 1"),
               translate("Report", "Last day"), translate("Report", "Weight"), translate("Report", "BSA"),
               translate("Report", "Doses")]
    rows: list[list[str]] = []
    extra: list[str] = []
    for cycle in plan.cycles:
        doses = []
        for dose in cycle.doses:
            if not dose.days:
                doses.append(translate("Report", "{drug} held").format(drug=dose.drug.id))
                continue
            text = f"{dose.drug.id} {plain(dose.dose_mg)} mg {dose.drug.route} d{format_days(dose.days)}"
            if dose.calculation.calculated:
                text += f" ({dose.calculation.explain()})"
            doses.append(text)
        for drug, amount in cycle.cumulative_mg_per_m2:
            doses.append(translate("Report", "cumulative {drug} {amount} mg/m²").format(
                drug=drug, amount=plain(amount)))
        rows.append([str(cycle.number), cycle.phase.id, cycle.start.isoformat(), cycle.end.isoformat(),
                     f"{plain(cycle.weight_kg)} kg", format_m2(cycle.bsa.m2), "; ".join(doses)])
        for warning in cycle.warnings:
            extra.append(translate("Report", "Cycle {n} warning [{code}]: {message}").format(
                n=cycle.number, code=warning.code, message=warning.message))
        for note in cycle.notes:
            extra.append(translate("Report", "Cycle {n}: {note}").format(n=cycle.number, note=note))
    lines.extend(format_columns([headers, *rows]))
    if extra:
        lines.append("")
        lines.extend(extra)
    return "\n".join(lines) + "\n"
