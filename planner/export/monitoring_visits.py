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
    """`days` with the monitoring tests added on their days, and a day before cycle 1 for its tests."""
    if not plan.regimen.monitoring or not plan.cycles:
        return days
    by_day: dict[date, list[Due]] = {}
    for due in monitoring_due(plan, {}, plan.start, clinic):
        by_day.setdefault(due.due_on, []).append(due)
    out: list[CalendarDay] = []
    before = sorted(when for when in by_day if when < plan.start)
    for when in before:
        entries = []
        if any(d.test is MonitoringTest.BLOOD_COUNT for d in by_day[when]):
            entries.append(Entry(BLOOD, translate("Export", "Blood test")))
        text = tests_text(by_day[when])
        if text:
            entries.append(Entry(BLOOD, text))
        out.append(CalendarDay(when, plan.cycles[0].number, 0, tuple(entries), False))
    for day in days:
        text = tests_text(by_day.get(day.date, []))
        if text:
            day = CalendarDay(day.date, day.cycle, day.day, (*day.entries, Entry(BLOOD, text)), day.tick)
        out.append(day)
    return out
