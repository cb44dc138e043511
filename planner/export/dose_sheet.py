"""The clinician dose sheet: everything a nurse needs to prepare and double-check each dose.

Identifiers, height / weight / date measured, BSA formula and value; per cycle the day-1 date, each
dose with its calculation as the core explains it, volume and vials or capsules, cumulative
anthracycline with prior exposure, warnings, modifications with reasons; then signature lines.
Every figure is read from the Plan; nothing is recalculated here.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from planner.core import rules
from planner.core.dates import format_days, format_long
from planner.core.decimal_math import format_m2, plain
from planner.core.i18n import translate
from planner.core.plan import Cycle, Plan
from planner.core.safety import equivalent_mg_per_m2, factor_for
from planner.export import pdf_base as base
from planner.export.options import Institution, PrintOptions, Subject
from planner.export.wording import describe_modification, preparation

MARGIN = 14 * mm
HEADER = 10 * mm
FOOTER = 8 * mm


def _styles() -> dict[str, Any]:
    return {
        "title": base.style("title", 17, bold=True, leading=21, space_after=1 * mm),
        "sub": base.style("sub", 10, color=base.MUTED, space_after=3 * mm),
        "h": base.style("h", 12, bold=True, leading=15, space_before=4 * mm, space_after=1.5 * mm),
        "body": base.style("body", 9.5, leading=12),
        "cell": base.style("cell", 9, leading=11),
        "cellb": base.style("cellb", 9, bold=True, leading=11),
        "warn": base.style("warn", 9.5, bold=True, leading=12, color=base.HOSPITAL),
        "sign": base.style("sign", 10, leading=13),
    }


def _grid(rows: list[list[Any]], widths: list[Any], header: bool = True) -> Table:
    table = base.table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, base.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), base.SHADE))
    table.setStyle(TableStyle(commands))
    return table


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value  # stored in UTC; printed in the ward's time
        return f"{format_long(local.date())} {local:%H:%M}"
    if isinstance(value, date):
        return format_long(value)
    return ""


def _order_fields(record: Any) -> tuple[str, str, str, str]:
    """(diagnosis, allergies, prescriber, order date) from the record, read by attribute so a record from an
    older or newer store (with or without a prescriber) prints what it has; "" where it has nothing."""
    identity = getattr(record, "identity", None)
    plan_record = getattr(record, "plan", None)
    ordered = getattr(plan_record, "created_at", None) or getattr(plan_record, "ordered_on", None)
    return (_text(getattr(identity, "diagnosis", "")), _text(getattr(identity, "allergies", "")),
            _text(getattr(plan_record, "prescriber", "")), _when(ordered))


def _prior_conversion(plan: Plan) -> str:
    """Each prior anthracycline converted to the regimen's own, as the calculation the nurse can redo:
    `doxorubicin 300 mg/m² x 1 / 0.8 = 375 mg/m² epirubicin-equivalent` (the factors are the settings')."""
    target = next((d for d in plan.regimen.drugs.values() if d.anthracycline), None)
    if not plan.inputs.prior:
        return translate("Export", "none")
    parts = []
    factors = plan.settings.anthracycline_factors
    for prior in plan.inputs.prior:
        if target is None:
            parts.append(f"{prior.drug} {plain(prior.mg_per_m2)} mg/m²")
            continue
        name = target.name.split()[0].lower()
        source_factor = factor_for(prior.drug, factors).factor
        target_factor = factor_for(name, factors).factor
        amount = equivalent_mg_per_m2(prior.mg_per_m2, prior.drug, name, factors)
        parts.append(translate("Export", "{drug} {amount} mg/m² x {factor} / {target_factor} = {result} mg/m² "
                                         "{target}-equivalent").format(
            drug=prior.drug, amount=plain(prior.mg_per_m2), factor=plain(source_factor),
            target_factor=plain(target_factor), result=plain(amount.quantize(Decimal("0.1"), ROUND_HALF_UP)),
            target=name))
    return "; ".join(parts)


def _assessments(record: Any) -> list[Any]:
    """The record's assessments (from the assessment records, once the store keeps them), oldest first."""
    found = list(getattr(record, "assessments", ()) or ())
    return sorted(found, key=lambda a: (getattr(a, "cycle", 0), getattr(a, "on", None) or date.min))


def _counts(assessment: Any) -> str:
    """`ANC 2.1, platelets 180, Hb 118 (12 Jan 2026)` from whatever the assessment has."""
    parts = []
    for attr, label, unit in (("anc", translate("Export", "ANC"), "x 10^9/L"),
                              ("platelets", translate("Export", "platelets"), "x 10^9/L"),
                              ("hb", translate("Export", "Hb"), "g/L"),
                              ("lvef", translate("Export", "LVEF"), "%")):
        value = getattr(assessment, attr, None)
        if isinstance(value, Decimal):
            parts.append(f"{label} {plain(value)} {unit}")
    text = ", ".join(parts) or translate("Export", "no counts recorded")
    on = getattr(assessment, "on", None)
    return f"{text} ({format_long(on)})" if isinstance(on, date) else text


def _start_criteria(plan: Plan) -> str:
    """The conditions a cycle starts on: the regimen's hold-cycle rules, each with its source."""
    criteria = [rule.source for rule in plan.regimen.rules if rule.action == "hold-cycle"]
    return "; ".join(criteria) or translate("Export", "none in the regimen file")


def _patient_block(plan: Plan, subject: Subject, measured_on: date | None, s: dict[str, Any],
                   record: Any = None) -> Table:
    P = Paragraph
    inputs, bsa, settings = plan.inputs, plan.baseline_bsa, plan.settings
    not_recorded = translate("Export", "not recorded")
    diagnosis, allergies, prescriber, ordered = _order_fields(record)
    measurements = getattr(record, "measurements", ()) or ()
    latest = measurements[-1] if measurements else None
    if latest is not None:
        current = translate("Export", "{w} kg, measured {date}").format(
            w=plain(latest.weight_kg), date=format_long(latest.measured_on))
    else:
        current = translate("Export", "{w} kg (the plan's; no later weight recorded)").format(
            w=plain(plan.cycles[-1].weight_kg if plan.cycles else inputs.weight_kg))
    assessments = _assessments(record)
    pairs = [
        (translate("Export", "Name"), subject.name),
        (translate("Export", "MRN"), subject.mrn),
        (translate("Export", "Date of birth"), format_long(subject.dob) if subject.dob else not_recorded),
        (translate("Export", "Diagnosis"), diagnosis or not_recorded),
        (translate("Export", "Allergies"), allergies or not_recorded),
        (translate("Export", "Prescriber"), prescriber or not_recorded),
        (translate("Export", "Order date"), ordered or not_recorded),
        (translate("Export", "Height / weight"), f"{plain(inputs.height_cm)} cm / {plain(inputs.weight_kg)} kg"),
        (translate("Export", "Measured on"), format_long(measured_on) if measured_on else not_recorded),
        (translate("Export", "Current weight"), current),
        (translate("Export", "BSA"), bsa.explain()),
        (translate("Export", "Rounding"), translate(
            "Export", "doses half-up to {step} mg; recalculate at a weight change of {pct}% or more").format(
            step=plain(settings.rounding_step_mg), pct=plain(settings.recalc_threshold_pct))),
        (translate("Export", "BSA cap"), f"{format_m2(settings.bsa_cap_m2)} m²" if settings.bsa_cap_m2 else
         translate("Export", "none")),
        (translate("Export", "Prior anthracyclines"), _prior_conversion(plan)),
        (translate("Export", "Start criteria"), _start_criteria(plan)),
        (translate("Export", "Latest counts"), _counts(assessments[-1]) if assessments else not_recorded),
    ]
    rows = [[P(base.rich(k), s["cellb"]), P(base.rich(v), s["cell"])] for k, v in pairs]
    return _grid(rows, [44 * mm, None], header=False)


def _infusion_lines(cycle: Cycle, s: dict[str, Any]) -> list[Paragraph]:
    """How each infused drug of the cycle is given (the regimen file's order details) and, for a vesicant,
    the extravasation warning."""
    lines = []
    for dose in cycle.doses:
        drug = dose.drug
        if not dose.given or not (drug.diluent or drug.infusion_volume_ml or drug.infusion_duration):
            continue
        details = [translate("Export", "diluent {text}").format(text=translate("Regimen", drug.diluent))
                   if drug.diluent else "",
                   translate("Export", "volume {ml} mL").format(ml=plain(drug.infusion_volume_ml))
                   if drug.infusion_volume_ml else "",
                   translate("Export", "duration {text}").format(text=translate("Regimen", drug.infusion_duration))
                   if drug.infusion_duration else ""]
        lines.append(Paragraph(base.rich(translate("Export", "Infusion of {drug}: {details}").format(
            drug=drug.name, details="; ".join(d for d in details if d))), s["body"]))
        if drug.vesicant:
            warning = translate("Regimen", drug.extravasation) if drug.extravasation else translate(
                "Export", "Vesicant: watch the infusion site.")
            lines.append(Paragraph(base.rich(translate("Export", "VESICANT - {text}").format(text=warning)),
                                   s["warn"]))
    return lines


def _checks(record: Any, cycle: int) -> list[str]:
    """The recorded double checks of this cycle's doses: who, when, what was checked against what."""
    out = []
    for check in getattr(record, "dose_checks", ()) or ():
        if getattr(check, "cycle", None) != cycle:
            continue
        verdict = translate("Export", "passed") if check.passed else translate("Export", "FAILED")
        out.append(translate("Export", "Double check of {drug}: calculated {calc} mg, checked {checked} mg "
                                       "({deviation}%) - {verdict} - {first} and {second}, {when}").format(
            drug=check.drug, calc=plain(check.calculated_mg), checked=plain(check.checked_mg),
            deviation=plain(check.deviation_pct), verdict=verdict, first=check.first_checker,
            second=check.second_checker, when=_when(check.checked_at)))
    return out


def _cycle_block(plan: Plan, cycle: Cycle, s: dict[str, Any], record: Any = None) -> list[Flowable]:
    P = Paragraph
    title = translate("Export", "Cycle {n} ({phase}) - day 1: {date}").format(
        n=cycle.number, phase=cycle.phase.name, date=format_long(cycle.start))
    if cycle.delay_days:
        title += " - " + translate("Export", "delayed {days} days").format(days=cycle.delay_days)
    parts: list[Flowable] = [P(base.rich(title), s["h"])]
    weight = translate("Export", "Weight {w} kg; doses calculated on {dw} kg; BSA {bsa}").format(
        w=plain(cycle.weight_kg), dw=plain(cycle.dose_weight_kg), bsa=cycle.bsa.explain())
    parts.append(P(base.rich(weight), s["body"]))
    header = [translate("Export", "Drug"), translate("Export", "Route / days"), translate("Export", "Level"),
              translate("Export", "Dose"), translate("Export", "Calculation"), translate("Export", "Preparation")]
    rows: list[list[Any]] = [[P(base.rich(h), s["cellb"]) for h in header]]
    for dose in cycle.doses:
        drug = dose.drug
        level = f"{plain(dose.level)} {drug.unit}"
        if dose.level_index:
            level += " " + translate("Export", "(reduced, level -{n})").format(n=dose.level_index)
        days = format_days(dose.days) if dose.days else translate("Export", "none")
        route = f"{drug.route}, " + translate("Export", "day {days}").format(days=days)
        if dose.omitted_days:
            route += "; " + translate("Export", "held {days}").format(days=format_days(dose.omitted_days))
        if dose.stopped_from_day is not None:
            route += "; " + translate("Export", "stopped from day {day}").format(day=dose.stopped_from_day)
        rows.append([P(base.rich(drug.name), s["cellb"]), P(base.rich(route), s["cell"]),
                     P(base.rich(level), s["cell"]), P(f"<b>{plain(dose.dose_mg)} mg</b>", s["cell"]),
                     P(base.rich(dose.calculation.explain()), s["cell"]),
                     P(base.rich(preparation(dose)), s["cell"])])
    parts.append(_grid(rows, [30 * mm, 25 * mm, 22 * mm, 16 * mm, 40 * mm, None]))
    lines: list[Paragraph] = _infusion_lines(cycle, s)
    for assessment in _assessments(record):
        if getattr(assessment, "cycle", None) == cycle.number:
            lines.append(P(base.rich(translate("Export", "Assessment before this cycle: {counts}").format(
                counts=_counts(assessment))), s["body"]))
    checks = _checks(record, cycle.number)
    lines.extend(P(base.rich(text), s["body"]) for text in checks)
    if record is not None and not checks and any(not rules.is_oral(d.drug.route) for d in cycle.doses if d.given):
        lines.append(P(base.rich(translate("Export", "Double check: none recorded yet.")), s["body"]))
    for drug_id, amount in cycle.cumulative_mg_per_m2:
        drug = plan.regimen.drug(drug_id)
        text = translate("Export", "Cumulative {drug} after this cycle: {amount} mg/m² (prior exposure included)"
                         ).format(drug=drug.name, amount=plain(amount))
        if drug.cumulative_limit_mg_per_m2 is not None:
            text += "; " + translate("Export", "limit {limit} mg/m²").format(
                limit=plain(drug.cumulative_limit_mg_per_m2))
        lines.append(P(base.rich(text), s["body"]))
    if cycle.cumulative_doxorubicin_eq_mg_per_m2 is not None:
        lines.append(P(base.rich(translate("Export", "Doxorubicin equivalent: {amount} mg/m²").format(
            amount=plain(cycle.cumulative_doxorubicin_eq_mg_per_m2))), s["body"]))
    for warning in cycle.warnings:
        lines.append(P(base.rich(translate("Export", "WARNING [{code}]: {message}").format(
            code=warning.code, message=warning.message)), s["warn"]))
    for note in cycle.notes:
        lines.append(P(base.rich(note), s["body"]))
    for mod in plan.modifications:
        if mod.cycle == cycle.number:
            lines.append(P(base.rich(translate("Export", "Modification: {text}").format(
                text=describe_modification(mod, plan.regimen))), s["body"]))
    parts.extend(lines)
    parts.append(_signatures(s))
    return [KeepTogether(parts)]


def _signatures(s: dict[str, Any]) -> Table:
    """One row a cycle: each cycle's doses are prepared and double-checked on their own day."""
    cells = []
    for label in (translate("Export", "Prepared by"), translate("Export", "Checked by"),
                  translate("Export", "Date / time")):
        cells.extend([Paragraph(base.rich(label), s["sign"]), ""])
    table = base.table([cells], colWidths=[26 * mm, 34 * mm, 26 * mm, 34 * mm, 26 * mm, None], rowHeights=[9 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, base.INK), ("LINEBELOW", (3, 0), (3, 0), 0.6, base.INK),
        ("LINEBELOW", (5, 0), (5, 0), 0.6, base.INK),
    ]))
    return table


def dose_sheet_pdf(plan: Plan, subject: Subject, institution: Institution | None = None,
                   options: PrintOptions | None = None, measured_on: date | None = None, record: Any = None) -> bytes:
    """The dose sheet as PDF bytes. `measured_on` is when the baseline height and weight were taken;
    `record` (the store's PatientRecord, read by attribute) adds the order elements only the record has:
    diagnosis, allergies, prescriber, order date, current weight, assessments and recorded double checks."""
    base.register_fonts()
    options = options or PrintOptions()
    institution = institution or Institution()
    size = base.page_size(options.paper)
    s = _styles()
    buffer = io.BytesIO()
    doc = base.single_frame_document(buffer, size, margin=MARGIN, header=HEADER, footer=FOOTER,
                                     title=translate("Export", "Dose sheet"), author=institution.name)
    story: list[Flowable] = [
        Paragraph(base.rich(translate("Export", "Chemotherapy dose sheet")), s["title"]),
        Paragraph(base.rich(f"{plan.regimen.name} ({plan.regimen.id}) - {plan.regimen.source}"), s["sub"]),
        _patient_block(plan, subject, measured_on, s, record),
    ]
    for cycle in plan.cycles:
        story.extend(_cycle_block(plan, cycle, s, record))
    footer = base.printed_line(options.printed_on) + (f"    {institution.name}" if institution.name else "")
    decorate = base.header_footer(size, MARGIN, HEADER, base.identity_line(subject.name, subject.mrn, subject.dob,
                                                                                     subject.same_name),
                                  translate("Export", "Dose sheet"), footer)
    doc.build(story, canvasmaker=base.numbered_canvas(decorate))
    return buffer.getvalue()
