"""The monitoring tests on the patient calendar: on the day each is due, the one before cycle 1 included.

`calendar_days` lists the plan's own days; the tests before cycle 1 fall before the plan's first day, so they
get a day of their own (day 0 of cycle 1). Nothing is on record as done on paper: the schedule is printed.
"""

from __future__ import annotations

from datetime import date

from planner.core.clinic_days import ClinicCalendar
from planner.core.i18n import translate
from planner.core.monitoring import Due, MonitoringTest, monitoring_due
from planner.core.plan import Plan
from planner.export.calendar_model import BLOOD, CalendarDay, Entry


def tests_text(dues: list[Due]) -> str:
    """"Tests: liver function, blood pressure" (the blood count has its own "Blood test" line)."""
    names: list[str] = []
    for due in dues:
        if due.test is MonitoringTest.BLOOD_COUNT:
            continue
        name = (translate("Export", "heart scan (LVEF)") if due.test is MonitoringTest.LVEF
                else due.label[:1].lower() + due.label[1:])
        if name not in names:
            names.append(name)
    return translate("Export", "Tests: {tests}").format(tests=", ".join(names)) if names else ""


def with_monitoring(plan: Plan, days: list[CalendarDay], clinic: ClinicCalendar | None = None) -> list[CalendarDay]:
    """`days` (the plan's days, the blood test before cycle 1 included: calendar_model.before_start_days) with
    the monitoring tests added on their days; a day before cycle 1 for tests due there that has none yet."""
    if not plan.regimen.monitoring or not plan.cycles:
        return days
    by_day: dict[date, list[Due]] = {}
    for due in monitoring_due(plan, {}, plan.start, clinic):
        by_day.setdefault(due.due_on, []).append(due)
    known = {day.date for day in days}
    added = [CalendarDay(when, plan.cycles[0].number, (when - plan.start).days + 1, (), False)
             for when in sorted(by_day) if when < plan.start and when not in known]
    out: list[CalendarDay] = []
    for day in sorted([*added, *days], key=lambda d: d.date):
        text = tests_text(by_day.get(day.date, []))
        if text:
            day = CalendarDay(day.date, day.cycle, day.day, (*day.entries, Entry(BLOOD, text)), day.tick)
        out.append(day)
    return out
