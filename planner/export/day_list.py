"""The clinic day list: for one date, every patient due for an infusion or a cycle start, with the doses
and the checks due, and the blood tests due that day for tomorrow's infusions.

Takes (source, plan) pairs so it works from the database, a test or a script alike; a source is a store
record (`PatientStore.due_on` gives those: allergies and measurement dates print too), a PatientIdentity or
a Subject. The charge nurse's sheet: infusions apart from cycle starts with capsules only, allergies, the
height / weight / BSA calculation to redo each dose, patients sharing a name flagged.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm

from planner.core.dates import format_long
from planner.core.decimal_math import plain
from planner.core.i18n import translate
from planner.core.monitoring import due_text, monitoring_due
from planner.core.plan import Cycle, Day, Plan
from planner.export import pdf_base as base
from planner.export.calendar_model import is_oral
from planner.export.canvas_table import CanvasTable, Line
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
    source: Any = None  # what the caller gave: a store record carries allergies and measurement dates

    @property
    def infusion(self) -> bool:
        return self.day.has_infusion

    @property
    def cycle_start(self) -> bool:
        return self.day.day == 1


def _subject(source: Any) -> Subject:
    identity = getattr(source, "identity", source)
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
        entry = DueEntry(_subject(identity), plan, cycle, day, identity)
        if day.has_infusion or day.day == 1:
            due.append(entry)
        if day.blood_test:
            bloods.append(entry)
    key = lambda e: (e.subject.name.casefold(), e.subject.mrn)  # noqa: E731
    return sorted(due, key=key), sorted(bloods, key=key)


def standing_checks() -> list[str]:
    """What is checked before every infusion on the list: printed once above the table, not on every row."""
    return [translate("Export", "Before every infusion: blood count reviewed against the start criteria; "
                                "independent double check of each calculated dose.")]


def checks_due(entry: DueEntry) -> list[str]:
    """What to check for this patient before the day's treatment: read from the plan and its settings."""
    cycle, plan = entry.cycle, entry.plan
    checks: list[str] = []
    if entry.cycle_start:
        checks.append(translate("Export", "Weigh: doses are recalculated at a change of {pct}% or more "
                                          "from {w} kg").format(pct=plain(plan.settings.recalc_threshold_pct),
                                                                 w=plain(cycle.dose_weight_kg)))
    for drug_id, amount in cycle.cumulative_mg_per_m2:
        drug = plan.regimen.drug(drug_id)
        if any(a.drug.id == drug_id for a in entry.day.administrations):
            text = translate("Export", "Cumulative {drug} after today {amount} mg/m²").format(
                drug=drug.name.split()[0].lower(), amount=plain(amount))
            if drug.cumulative_limit_mg_per_m2 is not None:
                text += " " + translate("Export", "(limit {limit})").format(
                    limit=plain(drug.cumulative_limit_mg_per_m2))
            checks.append(text)
    line = monitoring_line(entry)
    if line:
        checks.append(line)
    if entry.cycle_start:
        for dose in cycle.doses:
            if is_oral(dose.drug) and dose.days:
                checks.append(translate("Export", "Dispense {drug} for days {first}-{last}: {prep}").format(
                    drug=dose.drug.name, first=dose.days[0], last=dose.days[-1], prep=preparation(dose)))
    return checks


def monitoring_line(entry: DueEntry) -> str:
    """The tests due before this cycle (on its day 1) or due on this day for the next cycle: "Monitoring due:
    ...". Nothing is on record as done yet (assessments record it), so every test of the cycle is listed."""
    if not entry.plan.regimen.monitoring:
        return ""
    dues = monitoring_due(entry.plan, {}, entry.day.date)
    wanted = [d for d in dues if d.open and ((entry.cycle_start and d.cycle == entry.cycle.number)
                                              or d.due_on == entry.day.date)]
    return due_text(wanted)


def _subject_of(source: Any) -> Any:
    """The identity of a day-list source: a store record (has .identity), a PatientIdentity or a Subject."""
    return getattr(source, "identity", source)


def _measured_on(entry: DueEntry) -> date | None:
    """When the height and weight the doses use were measured, when the source is a store record."""
    measurements = getattr(entry.source, "measurements", ())
    return measurements[-1].measured_on if measurements else None


def _patient_cell(entry: DueEntry, shared: set[str]) -> list[Line]:
    subject = entry.subject
    dob = format_long(subject.dob) if subject.dob else translate("Export", "not recorded")
    cell = [Line(subject.name, bold=True), Line(translate("Export", "MRN {mrn}").format(mrn=subject.mrn)),
            Line(translate("Export", "Born {dob}").format(dob=dob))]
    if subject.name.casefold() in shared:
        cell.append(Line(translate("Export", "SAME NAME as another patient: check MRN and date of birth"),
                         bold=True, color=base.HOSPITAL))
    return cell


def _allergies_cell(entry: DueEntry) -> list[Line]:
    allergies = (getattr(_subject_of(entry.source), "allergies", "") or "").strip()
    if not allergies:
        return [Line(translate("Export", "None recorded"), color=base.MUTED)]
    return [Line(allergies, bold=True, color=base.HOSPITAL)]


def _body_cell(entry: DueEntry) -> list[Line]:
    """Height, weight (and when measured) and the BSA with its formula: enough to redo "90 x 1.82"."""
    cycle = entry.cycle
    measured = _measured_on(entry)
    weight = translate("Export", "H {h} cm, W {w} kg").format(h=plain(entry.plan.inputs.height_cm),
                                                               w=plain(cycle.weight_kg))
    lines = [Line(weight)]
    if measured is not None:
        lines.append(Line(translate("Export", "measured {date}").format(date=format_long(measured)), color=base.MUTED))
    lines.append(Line(translate("Export", "BSA {bsa}").format(bsa=cycle.bsa.explain())))
    return lines


def _due_cell(entry: DueEntry) -> list[Line]:
    cycle = entry.cycle
    what = []
    if entry.cycle_start:
        what.append(translate("Export", "Cycle {n} starts").format(n=cycle.number))
    if entry.infusion:
        what.append(translate("Export", "Infusion"))
    when = translate("Export", "Cycle {c}, day {d}").format(c=cycle.number, d=entry.day.day)
    if cycle.delay_days and entry.cycle_start:
        when += " " + translate("Export", "(delayed {days} days)").format(days=cycle.delay_days)
    return [Line(", ".join(what), bold=True), Line(when), Line(entry.plan.regimen.name, color=base.MUTED)]


def _doses_cell(entry: DueEntry) -> list[Line]:
    out: list[Line] = []
    for administration in entry.day.administrations:
        dose = entry.cycle.dose_for(administration.drug.id)
        out.append(Line(f"{administration.drug.name} {plain(administration.dose_mg)} mg {administration.drug.route}",
                        bold=True))
        if dose is not None and dose.calculation.calculated:
            out.append(Line(dose.calculation.explain()))
            prep = preparation(dose)
            if prep:
                out.append(Line(prep))
    if not out:
        out.append(Line(translate("Export", "No dose today"), color=base.MUTED))
    return out


def _checks_cell(entry: DueEntry) -> list[Line]:
    cycle = entry.cycle
    lines = [Line("• " + c) for c in checks_due(entry)]
    lines += [Line(f"{w.message} [{w.code}]", bold=True, color=base.HOSPITAL) for w in cycle.warnings]
    lines += [Line(n) for n in cycle.notes]
    lines += [Line(describe_modification(m, entry.plan.regimen)) for m in entry.plan.modifications
              if m.cycle == cycle.number]
    return lines


def _shared_names(entries: Iterable[DueEntry], known: Iterable[str]) -> set[str]:
    """Names (case-folded) that belong to more than one patient: on this list, or per the database."""
    seen: dict[str, set[str]] = {}
    for entry in entries:
        seen.setdefault(entry.subject.name.casefold(), set()).add(entry.subject.mrn)
    return {name for name, mrns in seen.items() if len(mrns) > 1} | {n.casefold() for n in known}


def day_list_pdf(when: date, patients: Iterable[tuple[Any, Plan]], institution: Institution | None = None,
                 options: PrintOptions | None = None, *, shared_names: Iterable[str] = ()) -> bytes:
    """The day list for `when` as PDF bytes (landscape: the doses and checks need the width).

    `patients` are (source, plan) pairs; a source is a store record (then allergies and the date the
    weight was measured print too), a PatientIdentity or a Subject. `shared_names` are names the database
    holds for more than one patient: flagged even when only one of them is due today.
    """

    base.register_fonts()
    options = options or PrintOptions()
    institution = institution or Institution()
    size = base.page_size(options.paper, wide=True)
    width, height = size
    due, bloods = due_on(patients, when)
    infusions = [e for e in due if e.infusion]
    oral = [e for e in due if not e.infusion]
    shared = _shared_names([*due, *bloods], shared_names)
    title = translate("Export", "Day list for {date}").format(date=format_long(when))
    footer = base.printed_line(options.printed_on) + (f"    {institution.name}" if institution.name else "")
    decorate = base.header_footer(size, MARGIN, HEADER, title, institution.name or translate("Export", "Day list"),
                                  footer)
    buffer = io.BytesIO()
    c = base.numbered_canvas(decorate)(buffer, pagesize=size)
    c.setTitle(translate("Export", "Day list"))
    c.setAuthor(institution.name)
    c.setCreator("Cycle Planner")
    top = float(height - MARGIN - HEADER)
    bottom = float(MARGIN + FOOTER)
    usable = float(width - 2 * MARGIN)

    def new_page() -> float:
        c.showPage()
        return top

    y = top - 16
    c.setFillColor(base.INK)
    base.draw_text(c, MARGIN, y, title, base.FONT_BOLD, 15)
    y -= 14
    c.setFillColor(base.MUTED)
    base.draw_text(c, MARGIN, y, translate(
        "Export", "Infusions: {infusions}. Cycle starts with capsules only: {oral}. Blood tests for tomorrow: "
                  "{bloods}.").format(infusions=len(infusions), oral=len(oral), bloods=len(bloods)),
        base.FONT, 9.5)
    for line in standing_checks():
        y -= 12
        base.draw_text(c, MARGIN, y, line, base.FONT, 9.5)
    y -= 8

    def heading(y: float, text: str) -> float:
        if y - 60 < bottom:  # a heading never sits alone at the foot of a page
            y = new_page()
        y -= 16
        c.setFillColor(base.INK)
        base.draw_text(c, MARGIN, y, text, base.FONT_BOLD, 11.5)
        return y - 5

    header = [[Line(h, bold=True)] for h in (
        translate("Export", "#"), translate("Export", "Patient"), translate("Export", "Allergies"),
        translate("Export", "Height, weight, BSA"), translate("Export", "Due"), translate("Export", "Doses"),
        translate("Export", "Checks due"), translate("Export", "Done"))]
    fixed = [7 * mm, 36 * mm, 22 * mm, 44 * mm, 27 * mm, 62 * mm, 0, 10 * mm]
    fixed[6] = usable - sum(fixed)
    sections = ((translate("Export", "Infusions"), infusions,
                 translate("Export", "Nobody is due for an infusion or a cycle start.") if not due else
                 translate("Export", "No infusions today.")),
                (translate("Export", "Cycle starts with capsules only"), oral,
                 translate("Export", "No cycle starts with capsules only.")))
    for name, entries, empty in sections:
        y = heading(y, name)
        if not entries:
            c.setFillColor(base.INK)
            base.draw_text(c, MARGIN, y - 11, empty, base.FONT, 9.5)
            y -= 16
            continue
        rows = [[[Line(str(n))], _patient_cell(e, shared), _allergies_cell(e), _body_cell(e), _due_cell(e),
                 _doses_cell(e), _checks_cell(e), []] for n, e in enumerate(entries, start=1)]
        y = CanvasTable(c, MARGIN, fixed, bottom, header).draw_rows(y, rows, new_page)
    y = heading(y, translate("Export", "Blood tests due (infusion tomorrow)"))
    if bloods:
        blood_header = [[Line(h, bold=True)] for h in (
            translate("Export", "#"), translate("Export", "Patient"), translate("Export", "Infusion tomorrow"),
            translate("Export", "Done"))]
        widths = [7 * mm, 60 * mm, usable - 79 * mm, 12 * mm]
        rows = [[[Line(str(n))], _patient_cell(e, shared),
                 [Line(_tomorrow(e))] + ([Line(monitoring_line(e))] if monitoring_line(e) else []), []]
                for n, e in enumerate(bloods, start=1)]
        CanvasTable(c, MARGIN, widths, bottom, blood_header).draw_rows(y, rows, new_page)
    else:
        c.setFillColor(base.INK)
        base.draw_text(c, MARGIN, y - 11, translate("Export", "No blood tests due."), base.FONT, 9.5)
    c.showPage()
    c.save()
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
