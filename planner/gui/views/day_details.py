"""The detail text of one calendar day (rich text), read from its DayCell: what happens and why.

Each administration is shown with the core's `calculation.explain()`, so the number on the calendar
can be traced to its formula and inputs without leaving the calendar.
"""

from __future__ import annotations

from datetime import date
from html import escape

from planner.core.dates import format_days, format_long
from planner.core.decimal_math import plain
from planner.core.formatting import format_weekday_date
from planner.core.i18n import translate
from planner.core.plan import Plan
from planner.gui import style
from planner.gui.plan_reasons import delay_reason, level_reason, omit_reason
from planner.gui.views.day_cells import DayCell


def spelled_date(when: date) -> str:
    """`Monday 5 Jan 2026` / `2026年1月5日 星期一`, in the interface language (not the operating system's)."""
    return format_weekday_date(when, full_weekday=True)


def _line(text: str, color: str | None = None) -> str:
    style_attr = f' style="color:{color}"' if color else ""
    return f"<p{style_attr}>{text}</p>"


def _with_reason(text: str, reason: str) -> str:
    if not reason.strip():
        return text
    return text + " " + translate("DayDetails", "Reason: {reason}.").format(reason=reason.rstrip("."))


def details_html(plan: Plan | None, when: date | None, cell: DayCell | None) -> str:
    if plan is None:
        return _line(escape(translate("DayDetails", "No plan to show.")))
    if when is None:
        return _line(escape(translate(
            "DayDetails", "Click a day to see what is given and how each dose was calculated.")), style.MUTED_TEXT)
    head = f"<h3>{escape(spelled_date(when))}</h3>"
    if cell is None:
        return head + _line(escape(translate(
            "DayDetails", "Not part of this plan (the plan runs from {start} to {end}).").format(
            start=format_long(plan.start), end=format_long(plan.end))), style.MUTED_TEXT)
    cycle, day = cell.cycle, cell.day
    monitoring = _line(escape(cell.monitoring), style.BLOOD_TEST.text) if cell.monitoring else ""
    if day.day == 0:  # the tests before cycle 1, the day(s) before the plan starts
        if not day.blood_test:
            return head + monitoring
        return head + _line("<b>" + escape(translate("DayDetails", "Blood count due today")) + "</b> " + escape(
            translate("DayDetails", "(before cycle {n} starts on {start}).").format(
                n=cycle.number, start=format_long(cycle.start))), style.BLOOD_TEST.text) + monitoring
    parts = [head, _line("<b>" + escape(translate("DayDetails", "Cycle {n}, day {d} of {length}").format(
        n=cycle.number, d=day.day, length=cycle.phase.cycle_days)) + "</b> · " + escape(
        translate("DayDetails", "{phase} phase").format(phase=cycle.phase.label)))]
    if cell.cycle_start and cycle.delay_days:
        parts.append(_line(escape(_with_reason(translate("DayDetails", "Cycle {n} was delayed by {days} days.").format(
            n=cycle.number, days=cycle.delay_days), delay_reason(plan, cycle.number))), style.DELAY.text))
    if cell.delay_day:
        parts.append(_line(escape(translate(
            "DayDetails", "Delay day: no treatment while cycle {n} waits (delayed by {days} days).")
                                  .format(n=cycle.number + 1, days=cycle.length_days - cycle.phase.cycle_days)),
                           style.DELAY.text))
    for chip in cell.chips:
        dose = chip.dose
        drug = dose.drug
        if chip.state == "given":
            text = "<b>" + escape(translate("DayDetails", "{drug} {dose} mg {route}").format(
                drug=drug.label, dose=plain(dose.dose_mg), route=drug.route_label)) + "</b>"
            text += "<br>" + escape(translate("DayDetails", "Calculation: {explain}").format(
                explain=dose.calculation.explain()))
            if dose.level_index > 0:
                text += "<br>" + escape(_with_reason(translate("DayDetails",
                    "Reduced dose level: {level} {unit} ({steps} level(s) below the starting {start} {unit}).").format(
                    level=plain(dose.level), unit=drug.unit, steps=dose.level_index,
                    start=plain(drug.starting_level)), level_reason(plan, cycle.number, drug.id)))
            if drug.instructions:
                text += "<br>" + escape(drug.instructions_label)
            parts.append(_line(text, style.drug_swatch(drug.route).text))
        elif chip.state == "held":
            parts.append(_line(escape(_with_reason(translate(
                "DayDetails", "{drug} held today (omitted on days {days} of this cycle).")
                                                   .format(drug=drug.label, days=format_days(dose.omitted_days)),
                                                   omit_reason(plan, cycle.number, drug.id))), style.HELD.text))
        else:
            parts.append(_line(escape(translate("DayDetails", "{drug} stopped from day {day} of this cycle.").format(
                drug=drug.label, day=dose.stopped_from_day)), style.HELD.text))
    if cell.is_rest and not cell.delay_day:
        parts.append(_line(escape(translate("DayDetails", "Rest day: no treatment.")), style.MUTED_TEXT))
    if day.blood_test:
        parts.append(_line("<b>" + escape(translate("DayDetails", "Blood count due today")) + "</b> " + escape(
            translate("DayDetails", "(the last open clinic day before the infusion).")), style.BLOOD_TEST.text))
    if monitoring:
        parts.append(monitoring)
    for warning in cycle.warnings:
        parts.append(_line("<b>" + escape(translate("DayDetails", "Warning:")) + "</b> " + escape(warning.message),
                           style.DANGER.text))
    for note in cycle.notes:
        parts.append(_line(escape(note), style.MUTED_TEXT))
    return "".join(parts)
