"""Budget of the plan views: a weight change to a repainted calendar under 50 ms (12-cycle plan).

Run: `make bench` or `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_views.py`.
Measures the whole path the shell takes after a weight is recorded: recompute the plan (core), hand
it to the calendar and the cycles table, and repaint the calendar synchronously (`repaint()`, not the
deferred `update()`), so the figure includes the drawing of two month grids.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_seconds, report
from PySide6.QtWidgets import QApplication

from planner.core.modifications import Delay, WeightChange
from planner.core.plan import PatientInputs, PlanSettings, compute_plan
from planner.core.regimen import load_regimen
from planner.gui.views.calendar_view import PlanCalendar
from planner.gui.views.cycles_view import CyclesView

TODAY = date(2026, 3, 4)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    regimen = load_regimen("anlotinib-epirubicin")
    inputs = PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70))
    settings = PlanSettings(open_ended_cycles=6)  # 6 combination + 6 maintenance = 12 cycles
    calendar = PlanCalendar()
    calendar.resize(1280, 820)
    calendar.show()
    cycles = CyclesView()
    cycles.resize(1280, 600)
    cycles.show()
    calendar.set_plan(compute_plan(regimen, inputs, settings, (Delay(3, 7),)), today=TODAY)
    app.processEvents()
    weights = iter(Decimal(55 + i % 30) for i in range(10_000))

    def calendar_only() -> None:
        plan = compute_plan(regimen, inputs, settings, (Delay(3, 7), WeightChange(3, next(weights))))
        assert len(plan.cycles) == 12
        calendar.set_plan(plan, today=TODAY)
        calendar.repaint()

    def calendar_and_table() -> None:
        plan = compute_plan(regimen, inputs, settings, (Delay(3, 7), WeightChange(3, next(weights))))
        calendar.set_plan(plan, today=TODAY)
        cycles.set_plan(plan, today=TODAY)
        calendar.repaint()
        cycles.repaint()

    results = [
        report("weight change -> recomputed plan -> repainted calendar", median_seconds(calendar_only, 21) * 1000,
               50, "ms"),
        report("  ... and cycles table updated and repainted too", median_seconds(calendar_and_table, 21) * 1000,
               50, "ms"),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
