"""The patient calendar PDF: a cover page (plan at a glance, legend, how to take the capsules, what to
do after a missed dose, when and whom to call) and one landscape month grid a page.

Written for a tired patient of 70: large type, a pictogram and words on every day, a tick box on every
capsule day, and the patient's identifiers, page number and printing date on every page.
"""

from __future__ import annotations

import calendar as pycalendar
import io
from collections.abc import Sequence
from datetime import date
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

from planner.core.dates import format_long
from planner.core.formatting import format_day_month, format_month, weekday_name
from planner.core.i18n import translate
from planner.core.plan import Plan
from planner.core.rules import is_infusion
from planner.export import pdf_base as base
from planner.export.calendar_model import (
    BLOOD,
    CAPSULE,
    HELD,
    HOSPITAL,
    NOTE,
    REST,
    CalendarDay,
    Entry,
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


ENTRY_COLORS = {CAPSULE: base.CAPSULE, HOSPITAL: base.HOSPITAL, BLOOD: base.BLOOD, REST: base.REST,
                HELD: base.HELD, NOTE: base.INK}
FILLS = {HOSPITAL: base.HOSPITAL_LIGHT, CAPSULE: base.CAPSULE_LIGHT, BLOOD: base.BLOOD_LIGHT}


class MonthGrid(Flowable):
    """One month as a grid of day cells filling the frame. Drawn straight on the canvas: a table of
    nested tables for 250 days would be slow and gives less control over how each cell reads."""

    def __init__(self, year: int, month: int, days: dict[date, CalendarDay]) -> None:
        super().__init__()
        self.year, self.month, self.days = year, month, days
        self.weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height

    def draw(self) -> None:
        c = self.canv
        title_h, head_h = 10 * mm, 7 * mm
        base.draw_text(c, 0, self.height - 7 * mm, _month_title(self.year, self.month), base.FONT_BOLD, 20)
        col_w = self.width / 7
        grid_top = self.height - title_h
        for i, name in enumerate(_weekday_names()):
            c.setFillColor(base.INK if i < 5 else base.MUTED)
            base.draw_text(c, i * col_w + col_w / 2, grid_top - head_h + 2 * mm, name, base.FONT_BOLD, 12,
                           "centre")
        row_h = (grid_top - head_h) / len(self.weeks)
        for r, week in enumerate(self.weeks):
            for i, day in enumerate(week):
                x, y = i * col_w, grid_top - head_h - (r + 1) * row_h
                self._cell(day, x, y, col_w, row_h)

    def _cell(self, day: date, x: float, y: float, w: float, h: float) -> None:
        c = self.canv
        info = self.days.get(day)
        in_month = day.month == self.month
        kinds = info.kinds() if info else set()
        fill = next((FILLS[k] for k in (HOSPITAL, BLOOD, CAPSULE) if k in kinds), colors.white)
        if not in_month or info is None:
            fill = base.SHADE if not in_month else colors.white
        c.setFillColor(fill)
        c.setStrokeColor(base.RULE)
        c.setLineWidth(0.7)
        c.rect(x, y, w, h, stroke=1, fill=1)
        if not in_month:
            return  # the neighbouring month's days are on that month's page
        pad = 1.6 * mm
        c.setFillColor(base.INK if info is not None else base.MUTED)
        base.draw_text(c, x + pad, y + h - pad - 13, str(day.day), base.FONT_BOLD, 16)
        if info is None:
            return
        box = 5.5 * mm  # large enough to tick with a shaky hand, small enough to leave room for the words
        if info.tick:
            base.draw_icon(c, "tick", x + w - pad - box, y + h - pad - box, box)
        entries = info.entries
        # "Cycle 3 starts" goes beside the day number when it fits, leaving the cell body for the doses.
        if entries and entries[0].kind == NOTE:
            room = w - 2 * pad - base.text_width(str(day.day), base.FONT_BOLD, 16) - 2 * mm - (box if info.tick else 0)
            for size in (10, 9.5, 9, 8.5, 8):
                if base.text_width(entries[0].text, base.FONT_BOLD, size) <= room - 2 * mm:
                    base.draw_text(c, x + pad + base.text_width(str(day.day), base.FONT_BOLD, 16) + 1.5 * mm,
                                   y + h - pad - 11, entries[0].text, base.FONT_BOLD, size)
                    entries = entries[1:]
                    break
        self._entries(entries, x + pad, y + pad, w - 2 * pad, h - 2 * pad - 16)

    def _entries(self, entries: tuple[Entry, ...], x: float, y: float, w: float, h: float) -> None:
        """Fit the day's entries in the cell, shrinking the type only as far as needed (>= 7 pt)."""
        for size in (11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7):
            lines = self._layout(entries, w, size)
            if len(lines) * size * LINE <= h:
                break
        c = self.canv
        top = y + h
        icon = size * 1.05
        for n, (kind, text, first) in enumerate(lines):
            baseline = top - (n + 1) * size * LINE + size * 0.2
            if first and kind != NOTE:
                base.draw_icon(c, kind, x, baseline - size * 0.15, icon)
            c.setFillColor(ENTRY_COLORS.get(kind, base.INK))
            font = base.FONT_BOLD if kind in (NOTE, HOSPITAL) else base.FONT
            base.draw_text(c, x + (0 if kind == NOTE else icon + 2), baseline, text, font, size)

    @staticmethod
    def _layout(entries: tuple[Entry, ...], w: float, size: float) -> list[tuple[str, str, bool]]:
        lines: list[tuple[str, str, bool]] = []
        for entry in entries:
            indent = 0 if entry.kind == NOTE else size * 1.05 + 2
            font = base.FONT_BOLD if entry.kind in (NOTE, HOSPITAL) else base.FONT
            for n, line in enumerate(_wrap(entry.text, font, size, w - indent)):
                lines.append((entry.kind, line, n == 0))
        return lines


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return base.wrap_text(text, font, size, width)


# ------------------------------------------------------------------------------------ cover page


def _styles() -> dict[str, Any]:
    return {
        "title": base.style("title", 26, bold=True, leading=30, space_after=2 * mm),
        "sub": base.style("sub", 14, color=base.MUTED, space_after=4 * mm),
        "h": base.style("h", 16, bold=True, leading=20, space_before=3 * mm, space_after=1.5 * mm),
        "body": base.style("body", 13, leading=17),
        "bullet": base.style("bullet", 13, leading=17, indent=5 * mm),
        "big": base.style("big", 15, bold=True, leading=20, space_after=2 * mm),
        "phone": base.style("phone", 20, bold=True, leading=26, space_after=3 * mm),
        "symptom": base.style("symptom", 15, leading=19, indent=6 * mm, space_after=2.5 * mm),
        "note": base.style("note", 13, leading=17, space_before=6 * mm, color=base.MUTED),
        "cell": base.style("cell", 12, leading=15),
        "cellb": base.style("cellb", 12, bold=True, leading=15),
    }


def _cover(plan: Plan, subject: Subject, institution: Institution, symptoms: Sequence[str],
           days: list[CalendarDay]) -> list[Flowable]:
    """The cover flows through two columns: the plan and legend on the left, how to take the capsules,
    missed doses and whom to call on the right (more cover pages follow only for very long plans)."""
    s = _styles()
    P = Paragraph

    def heading(text: str) -> Paragraph:
        para = P(base.rich(text), s["h"])
        para.keepWithNext = True
        return para

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
            if drug.missed_dose:
                story.append(P(base.rich(translate("Export", "If you miss a dose: {advice}.").format(
                    advice=_lower(translate("Regimen", drug.missed_dose)))), s["body"]))
                story.append(P(base.rich(translate("Export", "Never take two doses to make up for a missed "
                                                             "one.")), s["body"]))
    # The second cover page is the one for the fridge door: when to call and whom, in the largest type.
    story.append(PageBreak())
    story.append(heading(translate("Export", "Call us straight away if you have")))
    for symptom in symptoms:
        story.append(P(base.rich(symptom), s["symptom"], bulletText="•"))
    story.append(FrameBreak())
    story.append(heading(translate("Export", "Whom to call")))
    if institution.name:
        story.append(P(base.rich(institution.name), s["big"]))
    for phone in institution.phones:
        story.append(P(base.rich(phone), s["phone"]))
    if not institution.phones:
        story.append(P(base.rich(translate("Export", "Your care team's phone number:")), s["big"]))
        story.append(P("_" * 28, s["phone"]))
    story.append(P(base.rich(translate("Export", "Bring this calendar and your capsules to every hospital "
                                                 "visit.")), s["note"]))
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
    widths = ["13%", "30%"]
    if oral:
        header.append(translate("Export", "Capsules"))
        widths.append("35%" if infused else "57%")
    if infused:
        header.append(translate("Export", "Hospital"))
        widths.append("22%" if oral else "57%")
    rows: list[list[Any]] = [[Paragraph(base.rich(h), s["cellb"]) for h in header]]
    for cycle in plan.cycles:
        cycle_days = by_cycle.get(cycle.number, [])
        row = [str(cycle.number), format_long(cycle.start)]
        if oral:
            capsule_days = [d.date for d in cycle_days if d.tick]
            capsules = (f"{_day_month(capsule_days[0])} - {_day_month(capsule_days[-1])}" if capsule_days
                        else translate("Export", "none"))
            if capsule_days and len(capsule_days) != (capsule_days[-1] - capsule_days[0]).days + 1:
                capsules += " " + translate("Export", "(with gaps)")
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
        rows.append((BLOOD, translate("Export", "Blood test - the day before each hospital day")))
    rows.append((REST, translate("Export", "Rest day - no capsule") if oral is not None
                 else translate("Export", "Rest day")))
    rows.append((HELD, translate("Export", "Dose held or stopped by your doctor - do not take it")))
    table = base.table([[base.Icon(kind, 7 * mm), Paragraph(base.rich(text), s["body"])] for kind, text in rows],
                  colWidths=[11 * mm, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
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
        ident = base.identity_line(subject.name, subject.mrn, subject.dob)
        base.draw_text(c, MARGIN, height - MARGIN - 12, ident, base.FONT_BOLD, 14)
        c.setStrokeColor(base.RULE)
        c.setLineWidth(0.8)
        c.line(MARGIN, height - MARGIN - HEADER + 5 * mm, width - MARGIN, height - MARGIN - HEADER + 5 * mm)
        y = MARGIN
        c.setFillColor(base.MUTED)
        base.draw_text(c, width - MARGIN, y, base.page_of(page, total), base.FONT_BOLD, 12, "right")
        contact = " · ".join(p for p in (institution.name, *institution.phones[:2]) if p)
        left = base.printed_line(options.printed_on) + (f"    {contact}" if contact else "")
        base.draw_text(c, MARGIN, y, left, base.FONT, 11)

    return decorate


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def patient_calendar_pdf(plan: Plan, subject: Subject, institution: Institution | None = None,
                         options: PrintOptions | None = None, symptoms: Sequence[str] | None = None) -> bytes:
    """The patient calendar as PDF bytes (write them with `write_atomic`)."""
    base.register_fonts()
    options = options or PrintOptions()
    institution = institution or Institution()
    size = base.page_size(options.paper, wide=True)
    days = with_monitoring(plan, calendar_days(plan))  # the tests on their days, before cycle 1 too
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
    for year, month in _months(days):
        story.append(PageBreak())
        story.append(MonthGrid(year, month, by_date))
    doc.build(story, canvasmaker=base.numbered_canvas(_decorator(subject, institution, options, size)))
    return buffer.getvalue()
