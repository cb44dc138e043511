"""The patient calendar PDF: a cover page (plan at a glance, legend, how to take the capsules, what to
do after a missed dose, when and whom to call) and one landscape month grid a page.

Written for a tired patient of 70: large type, a pictogram and words on every day, a tick box on every
capsule day, and the patient's identifiers, page number and printing date on every page.
"""

from __future__ import annotations

import calendar as pycalendar
import io
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from planner.core import rules
from planner.core.clinic_days import ClinicCalendar
from planner.core.dates import format_long
from planner.core.decimal_math import plain
from planner.core.dosing import capsule_combination
from planner.core.errors import InputError
from planner.core.formatting import format_day_month, format_month, weekday_name
from planner.core.i18n import translate
from planner.core.plan import Cycle, Plan
from planner.core.regimen import DrugSpec, regimen_text
from planner.core.rules import is_infusion
from planner.export import pdf_base as base
from planner.export.calendar_model import (
    BLOOD,
    CAPSULE,
    HELD,
    HOSPITAL,
    NOTE,
    REST,
    VISIT,
    CalendarDay,
    Entry,
    before_start_days,
    calendar_days,
    infusion_text,
    is_oral,
)
from planner.export.monitoring_visits import with_monitoring
from planner.export.options import Institution, PrintOptions, Subject

MARGIN = 12 * mm
LINE = 1.12  # line height in cells, as a multiple of the type size
HEADER = 16 * mm
FOOTER = 11 * mm


def default_symptoms() -> tuple[str, ...]:
    """Symptoms to call about for anlotinib + epirubicin (the labels' warnings), in plain words."""
    return (
        translate("Export", "Bleeding: a nosebleed that will not stop, blood in urine, stool or vomit, "
                            "or coughing up blood"),
        translate("Export", "High blood pressure: a bad headache, dizziness or blurred vision"),
        translate("Export", "Fever of 38 °C or more, or shivering"),
        translate("Export", "Chest pain, a racing heart, or getting breathless"),
        translate("Export", "Severe diarrhoea (4 or more times a day more than usual) or vomiting"),
        translate("Export", "Painful, red or blistered hands or feet"),
        translate("Export", "Swelling of the legs, or much less urine than usual"),
    )


def _weekday_names() -> list[str]:
    return [weekday_name(day, short=False) for day in range(1, 8)]


def _month_title(year: int, month: int) -> str:
    return format_month(year, month)


ENTRY_COLORS = {CAPSULE: base.CAPSULE, HOSPITAL: base.HOSPITAL, VISIT: base.HOSPITAL, BLOOD: base.BLOOD,
                REST: base.REST, HELD: base.HELD, NOTE: base.INK}
FILLS = {HOSPITAL: base.HOSPITAL_LIGHT, VISIT: base.HOSPITAL_LIGHT, CAPSULE: base.CAPSULE_LIGHT,
         BLOOD: base.BLOOD_LIGHT}
ICONS = {VISIT: HOSPITAL}  # a clinic visit shows the hospital's pictogram
BOLD_KINDS = (NOTE, HOSPITAL, VISIT)
# Every word in a day cell is at least 11 pt: a week with more to say gets a taller row (and a month that
# then does not fit continues on the next page) rather than smaller type.
SIZES = (12.0, 11.5, 11.0)
PAD = 1.3 * mm
TOP_BAND = 16.0  # the day number's band at the top of a cell
TICK_BOX = 5.5 * mm  # large enough to tick with a shaky hand, small enough to leave room for the words
TITLE_H, HEAD_H = 10 * mm, 7 * mm


def _font(kind: str) -> str:
    return base.FONT_BOLD if kind in BOLD_KINDS else base.FONT


class MonthGrid(Flowable):
    """One month (or the weeks of it that fit) as a grid of day cells filling the frame. Drawn straight on
    the canvas: a table of nested tables for 250 days would be slow and gives less control over how each
    cell reads. Rows share the page by what their cells need at 11 pt, the spare height evenly."""

    def __init__(self, year: int, month: int, days: dict[date, CalendarDay],
                 weeks: list[list[date]] | None = None, continued: bool = False) -> None:
        super().__init__()
        self.year, self.month, self.days = year, month, days
        self.weeks = weeks if weeks is not None else pycalendar.Calendar(firstweekday=0).monthdatescalendar(
            year, month)
        self.continued = continued
        self.rows: list[float] = []

    # ---------------------------------------------------------------- layout

    def _needs(self, width: float) -> list[float]:
        col_w = width / 7
        return [max([TOP_BAND + 2 * PAD + 2 * SIZES[-1] * LINE] + [
            self._cell_need(self.days[day], col_w) for day in week
            if day.month == self.month and day in self.days]) for week in self.weeks]

    def _cell_need(self, info: CalendarDay, w: float) -> float:
        _, entries = self._beside(info, w)
        lines = _layout(entries, w - 2 * PAD, SIZES[-1])
        return float(TOP_BAND + 2 * PAD + len(lines) * SIZES[-1] * LINE)

    @staticmethod
    def _beside(info: CalendarDay, w: float) -> tuple[tuple[str, float] | None, tuple[Entry, ...]]:
        """"Cycle 3 starts" goes beside the day number when it fits at 11 pt or more, leaving the cell body
        for the doses: ((text, size) or None, the entries left for the body)."""
        entries = info.entries
        if entries and entries[0].kind == NOTE:
            number = base.text_width(str(info.date.day), base.FONT_BOLD, 16)
            room = w - 2 * PAD - number - 1.5 * mm - (TICK_BOX + 1 * mm if info.tick else 0)
            for size in SIZES:
                if base.text_width(entries[0].cell_text, base.FONT_BOLD, size) <= room:
                    return (entries[0].cell_text, size), entries[1:]
        return None, entries

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        needs = self._needs(available_width)
        total = TITLE_H + HEAD_H + sum(needs)
        spare = max(0.0, available_height - total) / len(needs)
        self.rows = [need + spare for need in needs]
        self.width, self.height = available_width, max(total, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The weeks that fit on this page, then the rest of the month on the next (titled "continued")."""
        room, fit = available_height - TITLE_H - HEAD_H, 0
        for need in self._needs(available_width):
            if need > room:
                break
            room, fit = room - need, fit + 1
        if fit == 0 or fit == len(self.weeks):
            return []
        return [MonthGrid(self.year, self.month, self.days, self.weeks[:fit], self.continued),
                MonthGrid(self.year, self.month, self.days, self.weeks[fit:], True)]

    # ---------------------------------------------------------------- drawing

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(base.INK)
        title = _month_title(self.year, self.month)
        if self.continued:
            title = translate("Export", "{month} (continued)").format(month=title)
        base.draw_text(c, 0, self.height - 7 * mm, title, base.FONT_BOLD, 20)
        col_w = self.width / 7
        grid_top = self.height - TITLE_H
        for i, name in enumerate(_weekday_names()):
            c.setFillColor(base.INK if i < 5 else base.MUTED)
            base.draw_text(c, i * col_w + col_w / 2, grid_top - HEAD_H + 2 * mm, name, base.FONT_BOLD, 12,
                           "centre")
        y = grid_top - HEAD_H
        for week, row_h in zip(self.weeks, self.rows, strict=True):
            y -= row_h
            for i, day in enumerate(week):
                self._cell(day, i * col_w, y, col_w, row_h)

    def _cell(self, day: date, x: float, y: float, w: float, h: float) -> None:
        c = self.canv
        info = self.days.get(day)
        in_month = day.month == self.month
        kinds = info.kinds() if info else set()
        fill = next((FILLS[k] for k in (HOSPITAL, VISIT, BLOOD, CAPSULE) if k in kinds), colors.white)
        if not in_month or info is None:
            fill = base.SHADE if not in_month else colors.white
        c.setFillColor(fill)
        c.setStrokeColor(base.RULE)
        c.setLineWidth(0.7)
        c.rect(x, y, w, h, stroke=1, fill=1)
        if not in_month:
            return  # the neighbouring month's days are on that month's page
        c.setFillColor(base.INK if info is not None else base.MUTED)
        base.draw_text(c, x + PAD, y + h - PAD - 13, str(day.day), base.FONT_BOLD, 16)
        if info is None:
            return
        if info.tick:
            base.draw_icon(c, "tick", x + w - PAD - TICK_BOX, y + h - PAD - TICK_BOX, TICK_BOX)
        beside, entries = self._beside(info, w)
        if beside is not None:
            text, size = beside
            c.setFillColor(base.INK)
            base.draw_text(c, x + PAD + base.text_width(str(day.day), base.FONT_BOLD, 16) + 1.5 * mm,
                           y + h - PAD - 11, text, base.FONT_BOLD, size)
        self._entries(entries, x + PAD, y + PAD, w - 2 * PAD, h - 2 * PAD - TOP_BAND)

    def _entries(self, entries: tuple[Entry, ...], x: float, y: float, w: float, h: float) -> None:
        """The day's entries in the largest type (12 down to 11 pt) the row's height allows."""
        size = SIZES[-1]
        for size in SIZES:
            lines = _layout(entries, w, size)
            if len(lines) * size * LINE <= h:
                break
        lines = _layout(entries, w, size)
        c = self.canv
        top = y + h
        icon = size * 1.05
        for n, (kind, text, first) in enumerate(lines):
            baseline = top - (n + 1) * size * LINE + size * 0.2
            if first and kind != NOTE:
                base.draw_icon(c, ICONS.get(kind, kind), x, baseline - size * 0.15, icon)
            c.setFillColor(ENTRY_COLORS.get(kind, base.INK))
            base.draw_text(c, x + (0 if kind == NOTE or not first else icon + 2), baseline, text, _font(kind), size)


def _layout(entries: tuple[Entry, ...], w: float, size: float) -> list[tuple[str, str, bool]]:
    """(kind, line, first line of its entry): the first line sits beside the entry's pictogram, the lines
    after it use the cell's whole width (a narrow Letter cell keeps "mg - 1 capsule" on one line)."""
    lines: list[tuple[str, str, bool]] = []
    for entry in entries:
        indent = 0 if entry.kind == NOTE else size * 1.05 + 2
        font, text = _font(entry.kind), entry.cell_text
        first = _wrap(text, font, size, w - indent)[:1]
        rest = text[len(first[0]):].strip() if first and text.startswith(first[0]) else ""
        for n, line in enumerate([*first, *(_wrap(rest, font, size, w) if rest else [])]):
            lines.append((entry.kind, line, n == 0))
    return lines


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return base.wrap_text(text, font, size, width)


# ------------------------------------------------------------------------------------ cover page


def _styles() -> dict[str, Any]:
    return {
        "title": base.style("title", 26, bold=True, leading=30, space_after=2 * mm),
        "sub": base.style("sub", 14, color=base.MUTED, space_after=4 * mm),
        "h": base.style("h", 15, bold=True, leading=18, space_before=2.5 * mm, space_after=1 * mm),
        "body": base.style("body", 12, leading=15),
        "bodyb": base.style("bodyb", 12, bold=True, leading=15, space_before=1.5 * mm),
        "bullet": base.style("bullet", 13, leading=17, indent=5 * mm),
        "big": base.style("big", 15, bold=True, leading=20, space_after=2 * mm),
        "phone": base.style("phone", 20, bold=True, leading=26, space_after=3 * mm),
        "symptom": base.style("symptom", 15, leading=19, indent=6 * mm, space_after=2.5 * mm),
        "note": base.style("note", 13, leading=17, space_before=6 * mm, color=base.MUTED),
        "cell": base.style("cell", 12, leading=15),
        "cellb": base.style("cellb", 12, bold=True, leading=15),
    }


def _heading(text: str) -> Paragraph:
    para = Paragraph(base.rich(text), _styles()["h"])
    para.keepWithNext = True
    return para


def _cover(plan: Plan, subject: Subject, institution: Institution, symptoms: Sequence[str],
           days: list[CalendarDay]) -> list[Flowable]:
    """The cover flows through two columns: the plan and legend on the left, how to take the capsules,
    missed doses and whom to call on the right (more cover pages follow only for very long plans)."""
    s = _styles()
    P = Paragraph
    heading = _heading

    story: list[Flowable] = [
        P(base.rich(translate("Export", "My treatment calendar")), s["title"]),
        P(base.rich(translate("Export", "{regimen} - from {start} to {end}").format(
            regimen=plan.regimen.name, start=format_long(plan.start), end=format_long(plan.end))), s["sub"]),
        heading(translate("Export", "Your treatment at a glance")),
        _overview(plan, days, s),
        FrameBreak(),
        heading(translate("Export", "What the pictures mean")),
        _legend(plan, s),
    ]
    for drug in plan.regimen.drugs.values():
        if is_oral(drug):
            story.append(heading(translate("Export", "Taking {drug}").format(drug=drug.name)))
            if drug.instructions:
                story.append(P(base.rich(base.sentences(translate("Regimen", drug.instructions), translate(
                    "Export", "Tick the box each day after you have taken it."))), s["body"]))
            story.append(P(base.rich(_strength_text(plan, drug)), s["bodyb"]))
            if drug.missed_dose:
                story.append(heading(translate("Export", "If you forget a capsule")))
                story.append(P(base.rich(_sentence(translate("Regimen", drug.missed_dose))), s["body"]))
            if drug.vomiting:
                story.append(heading(translate("Export", "If you vomit")))
                story.append(P(base.rich(_sentence(translate("Regimen", drug.vomiting))), s["body"]))
    # The second cover page is the one for the fridge door: when to call and whom, in the largest type.
    story.append(PageBreak())
    story.append(heading(translate("Export", "Call us straight away if you have")))
    for symptom in symptoms:
        story.append(P(base.rich(symptom), s["symptom"], bulletText="•"))
    story.append(FrameBreak())
    story.extend(_whom_to_call(institution, s, heading))
    story.append(P(base.rich(translate("Export", "Bring this calendar and your capsules to every hospital "
                                                 "visit.")), s["note"]))
    return story


def _whom_to_call(institution: Institution, s: dict[str, Any], heading: Any) -> list[Flowable]:
    story: list[Flowable] = [heading(translate("Export", "Whom to call"))]
    if institution.name:
        story.append(Paragraph(base.rich(institution.name), s["big"]))
    story.extend(Paragraph(base.rich(line), s["phone"]) for line in institution.phone_lines())
    return story


def _sentence(text: str) -> str:
    """A rule from the regimen file as a sentence: a full stop added unless it ends in one (or in 。)."""
    text = text.strip()
    if text.endswith(("。", "！", "？", ".", "!", "?")):
        return text
    return text + ("。" if text and base._breakable(text[-1]) else ".")


def _oral_doses(plan: Plan, drug: DrugSpec) -> list[tuple[Cycle, Decimal]]:
    """(cycle, dose) for every cycle the oral drug is taken in."""
    out = []
    for cycle in plan.cycles:
        dose = cycle.dose_for(drug.id)
        if dose is not None and dose.given:
            out.append((cycle, dose.dose_mg))
    return out


def _strength(drug: DrugSpec, dose_mg: Decimal) -> str:
    """`12 mg capsules`, or `12 mg + 8 mg capsules` when a dose takes two strengths."""
    combination = capsule_combination(dose_mg, drug.strengths_mg) if drug.strengths_mg else None
    sizes = [size for size, _ in combination.units] if combination is not None else [dose_mg]
    return " + ".join(f"{plain(size)} mg" for size in sizes)


def _strength_text(plan: Plan, drug: DrugSpec) -> str:
    """What the cover says about the capsules: one strength for the whole calendar, or when to switch."""
    doses = _oral_doses(plan, drug)
    if not doses:
        return translate("Export", "No {drug} in this calendar.").format(drug=drug.name)
    changes = [translate("Export", "From cycle {n} ({date}): {new} mg a day instead of {old} mg - use the "
                                   "{strength} capsules.").format(
        n=cycle.number, date=format_long(cycle.start), new=plain(dose), old=plain(before),
        strength=_strength(drug, dose))
        for (_, before), (cycle, dose) in pairwise(doses) if dose != before]
    first = translate("Export", "Capsule strength: {strength} ({dose} mg a day) from cycle {n}.").format(
        strength=_strength(drug, doses[0][1]), dose=plain(doses[0][1]), n=doses[0][0].number)
    if not changes:
        return first + " " + translate("Export", "The strength stays the same for the whole calendar.")
    return " ".join([translate("Export", "Your capsules change."), first, *changes])


def _what_comes_next(plan: Plan, institution: Institution, s: dict[str, Any], heading: Any) -> list[Flowable]:
    """The last page: when this calendar ends, what follows it, the next visit and whom to call."""
    P = Paragraph
    last = plan.cycles[-1] if plan.cycles else None
    story: list[Flowable] = [P(base.rich(translate("Export", "What comes next")), s["title"])]
    ends = translate("Export", "This calendar ends on {date}.").format(date=format_long(plan.end))
    if last is not None:
        ends = translate("Export", "This calendar ends on {date}, the last day of cycle {n}.").format(
            date=format_long(plan.end), n=last.number)
    story.append(P(base.rich(ends), s["big"]))
    open_ended = last is not None and last.phase.max_cycles is None
    if open_ended and last is not None:
        drugs = ", ".join(d.drug.label for d in last.doses if d.given) or regimen_text(last.phase.name)
        story.append(P(base.rich(translate(
            "Export", "Your treatment goes on after this calendar: {phase} cycles of {days} days with {drugs}, for "
                      "as long as it helps you and your doctor agrees. You get a new calendar at your next visit."
        ).format(phase=regimen_text(last.phase.name), days=last.phase.cycle_days, drugs=drugs)), s["body"]))
    else:
        story.append(P(base.rich(translate(
            "Export", "This is the last planned cycle. At your next visit your doctor tells you what follows "
                      "(scans, check-ups or more treatment).")), s["body"]))
    next_visit = plan.end + timedelta(days=1)
    story.append(heading(translate("Export", "Your next visit")))
    story.append(P(base.rich(translate("Export", "{date}: come to the clinic, with this calendar and your "
                                                 "capsules.").format(date=format_long(next_visit))), s["big"]))
    story.append(P(base.rich(translate("Export", "Do not wait for your next visit if you feel unwell: call us "
                                                 "straight away.")), s["body"]))
    story.append(FrameBreak())
    story.extend(_whom_to_call(institution, s, heading))
    return story


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _overview(plan: Plan, days: list[CalendarDay], s: dict[str, Any]) -> Table:
    """One row a cycle: when it starts, which days are capsule days and which day is the hospital day
    (a column only when the regimen has such days)."""
    by_cycle: dict[int, list[CalendarDay]] = {}
    for day in days:
        by_cycle.setdefault(day.cycle, []).append(day)
    oral = any(is_oral(d) for d in plan.regimen.drugs.values())
    infused = any(not is_oral(d) for d in plan.regimen.drugs.values())
    header = [translate("Export", "Cycle"), translate("Export", "Starts")]
    widths = ["14%", "18%"]
    if oral:
        header.append(translate("Export", "Capsules"))
        widths.append("49%" if infused else "68%")
    if infused:
        header.append(translate("Export", "Hospital"))
        widths.append("19%" if oral else "68%")
    rows: list[list[Any]] = [[Paragraph(base.rich(h), s["cellb"]) for h in header]]
    for cycle in plan.cycles:
        cycle_days = by_cycle.get(cycle.number, [])
        # The year is in the title above; a start in a later year says its year.
        start = _day_month(cycle.start) if cycle.start.year == plan.start.year else format_long(cycle.start)
        row = [str(cycle.number), start]
        if oral:
            capsule_days = [d.date for d in cycle_days if d.tick]
            capsules = (f"{_day_month(capsule_days[0])} - {_day_month(capsule_days[-1])}" if capsule_days
                        else translate("Export", "none"))
            if capsule_days and len(capsule_days) != (capsule_days[-1] - capsule_days[0]).days + 1:
                capsules += " " + translate("Export", "(with gaps)")
            strengths = [f"{plain(d.dose_mg)} mg" for d in cycle.doses if is_oral(d.drug) and d.given]
            if capsule_days and strengths:
                capsules += ": " + ", ".join(strengths)
            row.append(capsules)
        if infused:
            row.append(", ".join(_day_month(d.date) for d in cycle_days if HOSPITAL in d.kinds()) or "-")
        rows.append([Paragraph(base.rich(cell), s["cell"]) for cell in row])
    table = base.table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 1, base.INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, base.RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _day_month(value: date) -> str:
    """`5 Jan` / `1月5日`: the year is in the row's start date; the month stays spelled out."""
    return format_day_month(value)


def _legend(plan: Plan, s: dict[str, Any]) -> Table:
    oral = next((d for d in plan.regimen.drugs.values() if is_oral(d)), None)
    iv = next((d for d in plan.regimen.drugs.values() if not is_oral(d)), None)
    rows: list[tuple[str, str]] = []
    if oral is not None:
        # Not "12 mg": after a reduction the legend would contradict the days; each day says its dose.
        rows.append((CAPSULE, translate("Export", "{drug} day - the dose is written on each day").format(
            drug=oral.name)))
        rows.append(("tick", translate("Export", "Tick the box when you have taken your capsule")))
    if iv is not None:
        rows.append((HOSPITAL, infusion_text(iv)))
    # Blood counts are due before infusions only (rules.is_infusion, the rule Plan.days() applies).
    if any(is_infusion(d.route) for d in plan.regimen.drugs.values()):
        rows.append((BLOOD, translate("Export", "Blood test at the clinic - before cycle 1 and before each "
                                                "hospital day")))
    rows.append((REST, translate("Export", "Rest day - no capsule") if oral is not None
                 else translate("Export", "Rest day")))
    rows.append((HELD, translate("Export", "Dose held or stopped by your doctor - do not take it")))
    if any(c.doses and not any(rules.is_infusion(d.drug.route) and 1 in d.days for d in c.doses)
           for c in plan.cycles):
        rows.append((HOSPITAL, translate("Export", "Clinic visit - check-up (and your next capsules)")))
    table = base.table([[base.Icon(kind, 6 * mm), Paragraph(base.rich(text), s["body"])] for kind, text in rows],
                       colWidths=[10 * mm, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


# ------------------------------------------------------------------------------------ document


def _months(days: list[CalendarDay]) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    for day in days:
        key = (day.date.year, day.date.month)
        if not months or months[-1] != key:
            months.append(key)
    return months


def _decorator(subject: Subject, institution: Institution, options: PrintOptions,
               size: tuple[float, float]) -> base.Decorator:
    """Identifiers in large type at the top; page, printing date and the phone lines at the foot."""
    width, height = size

    def decorate(c: Any, page: int, total: int) -> None:
        c.setFillColor(base.INK)
        ident = base.identity_line(subject.name, subject.mrn, subject.dob, subject.same_name)
        base.draw_text(c, MARGIN, height - MARGIN - 12, ident, base.FONT_BOLD, 14)
        c.setStrokeColor(base.RULE)
        c.setLineWidth(0.8)
        c.line(MARGIN, height - MARGIN - HEADER + 5 * mm, width - MARGIN, height - MARGIN - HEADER + 5 * mm)
        y = MARGIN
        c.setFillColor(base.MUTED)
        base.draw_text(c, width - MARGIN, y, base.page_of(page, total), base.FONT_BOLD, 12, "right")
        # As much of the contact as fits beside the page number (the cover and last page carry all of it).
        room = width - 2 * MARGIN - base.text_width(base.page_of(page, total), base.FONT_BOLD, 12) - 6 * mm
        left = base.printed_line(options.printed_on)
        for piece in (institution.name, *institution.phone_lines()):
            candidate = f"{left}{'    ' if left == base.printed_line(options.printed_on) else ' · '}{piece}"
            if piece and base.text_width(candidate, base.FONT, 11) <= room:
                left = candidate
        base.draw_text(c, MARGIN, y, left, base.FONT, 11)

    return decorate


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def check_phone(institution: Institution | None) -> None:
    """No patient calendar without a number to call: refused, naming where the number is set."""
    if institution is None or not institution.has_phone:
        raise InputError("phone", translate(
            "Export", "Phone: the patient calendar needs a number the patient can call. Enter the ward phone "
                      "number in Preferences > Printouts (CLI: --phone) and print again."))


def patient_calendar_pdf(plan: Plan, subject: Subject, institution: Institution | None = None,
                         options: PrintOptions | None = None, symptoms: Sequence[str] | None = None,
                         clinic: ClinicCalendar | None = None) -> bytes:
    """The patient calendar as PDF bytes (write them with `write_atomic`). Blood tests fall on the last
    day `clinic` is open before each infusion (the day before when no clinic calendar is given)."""
    check_phone(institution)
    assert institution is not None
    base.register_fonts()
    options = options or PrintOptions()
    size = base.page_size(options.paper, wide=True)
    # The tests on their days, the blood test before cycle 1 too (on its own date, before the plan's first day).
    days = with_monitoring(plan, [*before_start_days(plan, clinic), *calendar_days(plan, clinic)], clinic)
    by_date = {d.date: d for d in days}
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + HEADER,
                          bottomMargin=MARGIN + FOOTER, title=translate("Export", "Treatment calendar"),
                          author=institution.name, creator="Cycle Planner")
    gap = 10 * mm
    column = (doc.width - gap) / 2
    doc.addPageTemplates([
        PageTemplate(id="cover", frames=[
            _frame(doc.leftMargin, doc.bottomMargin, column, doc.height, "left"),
            _frame(doc.leftMargin + column + gap, doc.bottomMargin, column, doc.height, "right")]),
        PageTemplate(id="month", frames=[_frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, "grid")]),
    ])
    story = _cover(plan, subject, institution, symptoms or default_symptoms(), days)
    story.append(NextPageTemplate("month"))
    for year, month in _months(sorted(by_date.values(), key=lambda d: d.date)):
        story.append(PageBreak())
        story.append(MonthGrid(year, month, by_date))
    story.append(NextPageTemplate("cover"))
    story.append(PageBreak())
    story.extend(_what_comes_next(plan, institution, _styles(), _heading))
    doc.build(story, canvasmaker=base.numbered_canvas(_decorator(subject, institution, options, size)))
    return buffer.getvalue()
