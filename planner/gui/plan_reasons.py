"""The reason recorded with each plan modification, looked up for display (tooltips, day details).

The Plan keeps its modifications with their reasons; the views show why a cycle moved, a dose was
held or a level changed next to the change itself, so nobody has to open the audit log to find out.
"""

from __future__ import annotations

from planner.core.modifications import Delay, DoseLevelChange, OmitDays
from planner.core.plan import Plan


def delay_reason(plan: Plan, cycle: int) -> str:
    return "; ".join(m.reason for m in plan.modifications if isinstance(m, Delay) and m.cycle == cycle and m.reason)


def omit_reason(plan: Plan, cycle: int, drug: str) -> str:
    return "; ".join(m.reason for m in plan.modifications
                     if isinstance(m, OmitDays) and m.cycle == cycle and m.drug.strip().lower() == drug and m.reason)


def level_reason(plan: Plan, cycle: int, drug: str) -> str:
    """The reason of the dose level change in force in `cycle` (the latest one at or before it)."""
    changes = [m for m in plan.modifications
               if isinstance(m, DoseLevelChange) and m.drug.strip().lower() == drug and m.cycle <= cycle]
    return max(changes, key=lambda m: m.cycle).reason if changes else ""
