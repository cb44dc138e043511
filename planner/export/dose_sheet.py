"""The clinician dose sheet: everything a nurse needs to prepare and double-check each dose.

Identifiers, height / weight / date measured, BSA formula and value; per cycle the day-1 date, each
dose with its calculation as the core explains it, volume and vials or capsules, cumulative
anthracycline with prior exposure, warnings, modifications with reasons; then signature lines.
Every figure is read from the Plan; nothing is recalculated here.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from planner.core.dates import format_days, format_long
from planner.core.decimal_math import format_m2, plain
from planner.core.i18n import translate
from planner.core.plan import Cycle, Plan
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


def _patient_block(plan: Plan, subject: Subject, measured_on: date | None, s: dict[str, Any]) -> Table:
    P = Paragraph
    inputs, bsa, settings = plan.inputs, plan.baseline_bsa, plan.settings
    not_recorded = translate("Export", "not recorded")
    prior = ", ".join(f"{p.drug} {plain(p.mg_per_m2)} mg/m²" for p in inputs.prior) or translate("Export", "none")
    pairs = [
        (translate("Export", "Name"), subject.name),
        (translate("Export", "MRN"), subject.mrn),
        (translate("Export", "Date of birth"), format_long(subject.dob) if subject.dob else not_recorded),
        (translate("Export", "Height / weight"), f"{plain(inputs.height_cm)} cm / {plain(inputs.weight_kg)} kg"),
        (translate("Export", "Measured on"), format_long(measured_on) if measured_on else not_recorded),
        (translate("Export", "BSA"), bsa.explain()),
        (translate("Export", "Rounding"), translate(
            "Export", "doses half-up to {step} mg; recalculate at a weight change of {pct}% or more").format(
            step=plain(settings.rounding_step_mg), pct=plain(settings.recalc_threshold_pct))),
        (translate("Export", "BSA cap"), f"{format_m2(settings.bsa_cap_m2)} m²" if settings.bsa_cap_m2 else
         translate("Export", "none")),
        (translate("Export", "Prior anthracyclines"), prior),
    ]
    rows = [[P(base.rich(k), s["cellb"]), P(base.rich(v), s["cell"])] for k, v in pairs]
    return _grid(rows, [44 * mm, None], header=False)


def _cycle_block(plan: Plan, cycle: Cycle, s: dict[str, Any]) -> list[Flowable]:
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
    lines: list[Paragraph] = []
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
                   options: PrintOptions | None = None, measured_on: date | None = None) -> bytes:
    """The dose sheet as PDF bytes. `measured_on` is when the baseline height and weight were taken."""
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
        _patient_block(plan, subject, measured_on, s),
    ]
    for cycle in plan.cycles:
        story.extend(_cycle_block(plan, cycle, s))
    footer = base.printed_line(options.printed_on) + (f"    {institution.name}" if institution.name else "")
    decorate = base.header_footer(size, MARGIN, HEADER, base.identity_line(subject.name, subject.mrn, subject.dob),
                                  translate("Export", "Dose sheet"), footer)
    doc.build(story, canvasmaker=base.numbered_canvas(decorate))
    return buffer.getvalue()
