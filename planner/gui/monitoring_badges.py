"""Header badges from the monitoring schedule and the end of treatment (the logic is planner.core.monitoring;
this only words it for the patient header)."""

from __future__ import annotations

from datetime import date

from planner.core.dates import format_long
from planner.core.i18n import translate
from planner.core.modifications import end_reason_label
from planner.core.monitoring import DueStatus, MonitoringTest, due_text, monitoring_due, pending
from planner.core.plan import Plan
from planner.gui.facts import SEVERITY_CAUTION, SEVERITY_DANGER, SEVERITY_INFO, Badge


def monitoring_badges(plan: Plan, today: date) -> list[Badge]:
    """"LVEF due" (red once overdue) before the next cycle that needs it, and "Treatment ended"."""
    badges: list[Badge] = []
    ended = plan.ended
    if ended is not None:
        badges.append(Badge("treatment-ended", translate("PatientHeader", "Treatment ended"), SEVERITY_INFO,
                            translate("PatientHeader", "Ended on {date} ({reason}); the plan stops after cycle "
                                      "{n}.").format(date=format_long(ended.effective_on),
                                                     reason=end_reason_label(ended.reason_code), n=ended.cycle)))
    if not plan.regimen.monitoring or not plan.cycles:
        return badges
    open_items = pending(monitoring_due(plan, {}, today), plan, today)
    if not open_items:
        return badges
    next_cycle = min(d.cycle for d in open_items)
    lvef = [d for d in open_items if d.cycle == next_cycle and d.test is MonitoringTest.LVEF]
    if lvef:
        overdue = lvef[0].status is DueStatus.OVERDUE
        badges.append(Badge("lvef-due", translate("PatientHeader", "LVEF due"),
                            SEVERITY_DANGER if overdue else SEVERITY_CAUTION,
                            translate("PatientHeader", "Cycle {n}: LVEF by {date} ({why}).").format(
                                n=next_cycle, date=format_long(lvef[0].due_on), why=lvef[0].why)))
    return badges


def monitoring_tooltip(plan: Plan, when: date) -> str:
    """The tests due on `when` ("Monitoring due: ..."), for a calendar day's tooltip; "" when none."""
    if not plan.regimen.monitoring:
        return ""
    return due_text([d for d in monitoring_due(plan, {}, when) if d.due_on == when and d.open])
