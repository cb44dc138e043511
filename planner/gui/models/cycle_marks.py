"""What the cycles table and the calendar mark on a cycle besides its doses: held or modified drugs (told apart),
and the monitoring tests due before it. Plain functions over core values; the Qt models only colour them."""

from __future__ import annotations

from datetime import date

from planner.core.dates import format_long
from planner.core.i18n import translate
from planner.core.monitoring import Due, DueStatus, MonitoringTest, due_text, monitoring_due, pending
from planner.core.plan import DrugDose, Plan

HELD = "held"  # a drug omitted, held or stopped in this cycle: less of it is given than planned
MODIFIED = "warning"  # a dose changed by a modification (level or percentage): given, at another dose


def dose_mark(dose: DrugDose) -> str:
    """"held" wins over "modified": a held day is the one the nurse must not give."""
    if dose.omitted_days or dose.stopped_from_day is not None or not dose.days:
        return HELD
    if dose.level_index > 0:
        return MODIFIED
    return ""


def next_monitoring(plan: Plan, today: date) -> tuple[int, list[Due]] | None:
    """The next cycle with monitoring still open (not started yet, or starting today) and its open items."""
    if not plan.regimen.monitoring or not plan.cycles:
        return None
    open_items = pending(monitoring_due(plan, {}, today), plan, today)
    if not open_items:
        return None
    cycle = min(d.cycle for d in open_items)
    return cycle, [d for d in open_items if d.cycle == cycle]


def monitoring_cell(dues: list[Due]) -> tuple[str, str, bool]:
    """(short text for the status cell, tooltip, overdue) for the open items of one cycle."""
    lvef = any(d.test is MonitoringTest.LVEF for d in dues)
    overdue = any(d.status is DueStatus.OVERDUE for d in dues)
    if overdue:
        short = translate("CyclesTable", "tests overdue")
    elif lvef:
        short = translate("CyclesTable", "LVEF due")
    else:
        short = translate("CyclesTable", "tests due")
    tip = translate("CyclesTable", "{tests} (by {date})").format(tests=due_text(dues),
                                                                 date=format_long(min(d.due_on for d in dues)))
    return short, tip, overdue
