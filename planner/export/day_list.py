"""The clinic day list: for one date, every patient due for an infusion or a cycle start, with the doses
and the checks due, and the blood tests due that day for tomorrow's infusions.

Takes (identity, plan) pairs so it works from the database, a test or a script alike; identity is a
Subject or anything with name, mrn and dob (the store's PatientIdentity).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from planner.core.dates import format_long
from planner.core.decimal_math import plain
from planner.core.i18n import translate
from planner.core.plan import Cycle, Day, Plan
from planner.export import pdf_base as base
from planner.export.calendar_model import is_oral
from planner.export.options import Institution, PrintOptions, Subject
from planner.export.wording import describe_modification, preparation

MARGIN = 12 * mm
HEADER = 10 * mm
FOOTER = 8 * mm


@dataclass(frozen=True)
class DueEntry:
    """One patient on the day list: the plan day, its cycle, and why the patient comes in."""

    subject: Subject
    plan: Plan
    cycle: Cycle
    day: Day

    @property
    def infusion(self) -> bool:
        return self.day.has_infusion

    @property
    def cycle_start(self) -> bool:
        return self.day.day == 1


def _subject(identity: Any) -> Subject:
    return identity if isinstance(identity, Subject) else Subject.from_identity(identity)


def due_on(patients: Iterable[tuple[Any, Plan]], when: date) -> tuple[list[DueEntry], list[DueEntry]]:
    """(patients due for an infusion or a cycle start, patients due for a blood test), sorted by name."""
    due: list[DueEntry] = []
    bloods: list[DueEntry] = []
    for identity, plan in patients:
        if not plan.cycles or not plan.start <= when <= plan.end:
            continue
        day = plan.day_on(when)
        if day is None:
            continue
        cycle = plan.cycle(day.cycle)
        entry = DueEntry(_subject(identity), plan, cycle, day)
        if day.has_infusion or day.day == 1:
            due.append(entry)
        if day.blood_test:
            bloods.append(entry)
    key = lambda e: (e.subject.name.casefold(), e.subject.mrn)  # noqa: E731
    return sorted(due, key=key), sorted(bloods, key=key)


def checks_due(entry: DueEntry) -> list[str]:
    """What to check before giving the day's treatment: read from the plan and its settings."""
    cycle, plan = entry.cycle, entry.plan
    checks: list[str] = []
    if entry.infusion:
        checks.append(translate("Export", "Blood count reviewed against the start criteria"))
    if entry.cycle_start:
        checks.append(translate("Export", "Weigh: doses are recalculated at a change of {pct}% or more "
                                          "from {w} kg").format(pct=plain(plan.settings.recalc_threshold_pct),
                                                                 w=plain(cycle.dose_weight_kg)))
    if any(not is_oral(a.drug) for a in entry.day.administrations):
        checks.append(translate("Export", "Independent double check of each calculated dose"))
    for drug_id, amount in cycle.cumulative_mg_per_m2:
        drug = plan.regimen.drug(drug_id)
        if any(a.drug.id == drug_id for a in entry.day.administrations):
            text = translate("Export", "Cumulative {drug} after today {amount} mg/m²").format(
                drug=drug.name.split()[0].lower(), amount=plain(amount))
            if drug.cumulative_limit_mg_per_m2 is not None:
                text += " " + translate("Export", "(limit {limit})").format(
                    limit=plain(drug.cumulative_limit_mg_per_m2))
            checks.append(text)
    if entry.cycle_start:
        for dose in cycle.doses:
            if is_oral(dose.drug) and dose.days:
                checks.append(translate("Export", "Dispense {drug} for days {first}-{last}: {prep}").format(
                    drug=dose.drug.name, first=dose.days[0], last=dose.days[-1], prep=preparation(dose)))
    return checks


def _styles() -> dict[str, Any]:
    return {
        "title": base.style("title", 16, bold=True, leading=20, space_after=1 * mm),
        "sub": base.style("sub", 10, color=base.MUTED, space_after=3 * mm),
        "h": base.style("h", 12, bold=True, leading=15, space_before=4 * mm, space_after=1.5 * mm),
        "cell": base.style("cell", 8.5, leading=10.5),
        "cellb": base.style("cellb", 8.5, bold=True, leading=10.5),
        "warn": base.style("warn", 8.5, bold=True, leading=10.5, color=base.HOSPITAL),
        "body": base.style("body", 10, leading=13),
    }


def _patient_cell(entry: DueEntry, s: dict[str, Any]) -> list[Paragraph]:
    subject = entry.subject
    dob = format_long(subject.dob) if subject.dob else translate("Export", "not recorded")
    return [Paragraph(base.rich(subject.name), s["cellb"]),
            Paragraph(base.rich(translate("Export", "MRN {mrn}").format(mrn=subject.mrn)), s["cell"]),
            Paragraph(base.rich(translate("Export", "Born {dob}").format(dob=dob)), s["cell"])]


def _doses_cell(entry: DueEntry, s: dict[str, Any]) -> list[Paragraph]:
    out = []
    for administration in entry.day.administrations:
        dose = entry.cycle.dose_for(administration.drug.id)
        text = f"<b>{base.rich(administration.drug.name)} {plain(administration.dose_mg)} mg</b> " \
               f"{base.rich(administration.drug.route)}"
        if dose is not None and dose.calculation.calculated:
            text += "<br/>" + base.rich(dose.calculation.explain())
            prep = preparation(dose)
            if prep:
                text += "<br/>" + base.rich(prep)
        out.append(Paragraph(text, s["cell"]))
    return out


def _due_row(n: int, entry: DueEntry, s: dict[str, Any]) -> list[Any]:
    cycle = entry.cycle
    what = []
    if entry.cycle_start:
        what.append(translate("Export", "Cycle {n} starts").format(n=cycle.number))
    if entry.infusion:
        what.append(translate("Export", "Infusion"))
    when = translate("Export", "Cycle {c}, day {d}").format(c=cycle.number, d=entry.day.day)
    if cycle.delay_days and entry.cycle_start:
        when += " " + translate("Export", "(delayed {days} days)").format(days=cycle.delay_days)
    notes = [Paragraph(base.rich("• " + c), s["cell"]) for c in checks_due(entry)]
    notes += [Paragraph(base.rich(f"{w.message} [{w.code}]"), s["warn"]) for w in cycle.warnings]
    notes += [Paragraph(base.rich(n), s["cell"]) for n in cycle.notes]
    notes += [Paragraph(base.rich(describe_modification(m, entry.plan.regimen)), s["cell"])
              for m in entry.plan.modifications if m.cycle == cycle.number]
    return [Paragraph(str(n), s["cell"]), _patient_cell(entry, s),
            [Paragraph(base.rich(", ".join(what)), s["cellb"]), Paragraph(base.rich(when), s["cell"]),
             Paragraph(base.rich(entry.plan.regimen.name), s["cell"])],
            _doses_cell(entry, s), notes, ""]


def _table(rows: list[list[Any]], widths: list[Any]) -> Table:
    table = base.table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, base.RULE),
        ("BACKGROUND", (0, 0), (-1, 0), base.SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def day_list_pdf(when: date, patients: Iterable[tuple[Any, Plan]], institution: Institution | None = None,
                 options: PrintOptions | None = None) -> bytes:
    """The day list for `when` as PDF bytes (landscape: the doses and checks need the width)."""
    base.register_fonts()
    options = options or PrintOptions()
    institution = institution or Institution()
    size = base.page_size(options.paper, wide=True)
    s = _styles()
    due, bloods = due_on(patients, when)
    buffer = io.BytesIO()
    doc = base.single_frame_document(buffer, size, margin=MARGIN, header=HEADER, footer=FOOTER,
                                     title=translate("Export", "Day list"), author=institution.name)
    title = translate("Export", "Day list for {date}").format(date=format_long(when))
    story: list[Flowable] = [
        Paragraph(base.rich(title), s["title"]),
        Paragraph(base.rich(translate("Export", "Due for an infusion or a cycle start: {due}. Blood tests "
                                                "for tomorrow: {bloods}.").format(due=len(due), bloods=len(bloods))),
                  s["sub"]),
        CondPageBreak(30 * mm),  # a heading never sits alone at the foot of a page
        Paragraph(base.rich(translate("Export", "Infusions and cycle starts")), s["h"]),
    ]
    header = [translate("Export", "#"), translate("Export", "Patient"), translate("Export", "Due"),
              translate("Export", "Doses"), translate("Export", "Checks due"), translate("Export", "Done")]
    head = [Paragraph(base.rich(h), s["cellb"]) for h in header]
    if due:
        rows = [head] + [_due_row(n, e, s) for n, e in enumerate(due, start=1)]
        story.append(_table(rows, [8 * mm, 45 * mm, 40 * mm, 72 * mm, None, 16 * mm]))
    else:
        story.append(Paragraph(base.rich(translate("Export", "Nobody is due for an infusion or a cycle start.")),
                               s["body"]))
    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph(base.rich(translate("Export", "Blood tests due (infusion tomorrow)")), s["h"]))
    if bloods:
        blood_head = [Paragraph(base.rich(h), s["cellb"]) for h in (
            translate("Export", "#"), translate("Export", "Patient"), translate("Export", "Infusion tomorrow"),
            translate("Export", "Done"))]
        rows = [blood_head] + [[Paragraph(str(n), s["cell"]), _patient_cell(e, s),
                                Paragraph(base.rich(_tomorrow(e)), s["cell"]), ""]
                               for n, e in enumerate(bloods, start=1)]
        story.append(_table(rows, [8 * mm, 60 * mm, None, 16 * mm]))
    else:
        story.append(Paragraph(base.rich(translate("Export", "No blood tests due.")), s["body"]))
    footer = base.printed_line(options.printed_on) + (f"    {institution.name}" if institution.name else "")
    decorate = base.header_footer(size, MARGIN, HEADER, title, institution.name or translate("Export", "Day list"),
                                  footer)
    doc.build(story, canvasmaker=base.numbered_canvas(decorate))
    return buffer.getvalue()


def _tomorrow(entry: DueEntry) -> str:
    """The infusion the blood test is for, read from the plan's next day."""
    found = _next_day(entry)
    if found is None:
        return ""
    cycle, day = found
    drugs = ", ".join(f"{a.drug.name} {plain(a.dose_mg)} mg" for a in day.administrations if not is_oral(a.drug))
    return translate("Export", "{date}: cycle {c} day {d} - {drugs}").format(
        date=format_long(day.date), c=cycle.number, d=day.day, drugs=drugs)


def _next_day(entry: DueEntry) -> tuple[Cycle, Day] | None:
    after = False
    for day in entry.plan.days():
        if after:
            return entry.plan.cycle(day.cycle), day
        after = day.date == entry.day.date
    return None
