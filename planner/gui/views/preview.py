"""Standalone preview of the plan views with a demo plan: `python -m planner.gui.views.preview`.

`--grab DIR` saves a PNG of each widget instead of opening a window (works with
QT_QPA_PLATFORM=offscreen), which is how the views are reviewed without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.core.modifications import Delay, DoseLevelChange, OmitDays, WeightChange
from planner.core.plan import PatientInputs, Plan, PlanSettings, PriorExposure, compute_plan
from planner.core.regimen import load_regimen

DEMO_START = date(2026, 1, 5)
DEMO_TODAY = date(2026, 3, 4)


def demo_plan() -> Plan:
    """Anlotinib + epirubicin with the events a ward sees: a delay, a dose reduction, omitted days,
    a weight change past the recalculation threshold and prior doxorubicin that takes the cumulative
    epirubicin over its limit in cycle 6."""
    regimen = load_regimen("anlotinib-epirubicin")
    inputs = PatientInputs(DEMO_START, Decimal(170), Decimal(70),
                           prior=(PriorExposure("doxorubicin", Decimal(360)),))
    mods = (
        OmitDays("anlotinib", 2, tuple(range(8, 15)), reason="grade 3 hypertension"),
        Delay(3, 7, reason="neutrophils 0.9"),
        DoseLevelChange("epirubicin", 3, Decimal(75), reason="febrile neutropenia"),
        DoseLevelChange("anlotinib", 4, Decimal(10), reason="hand-foot skin reaction"),
        WeightChange(4, Decimal(62), measured_on=date(2026, 3, 2), reason="re-weighed"),
    )
    return compute_plan(regimen, inputs, PlanSettings(), mods)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Preview the plan views with a demo plan.")
    parser.add_argument("--grab", type=Path, help="save PNGs of the widgets into this folder and quit")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QTabWidget

    from planner.core.i18n import set_translator
    from planner.gui.views.calendar_view import PlanCalendar
    from planner.gui.views.cycles_view import CyclesView
    from planner.gui.views.dose_check_panel import DoseCheckPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_translator(QCoreApplication.translate)
    plan = demo_plan()

    calendar = PlanCalendar()
    calendar.set_plan(plan, today=DEMO_TODAY)
    calendar.select_date(date(2026, 2, 23))
    cycles = CyclesView()
    cycles.set_plan(plan, today=DEMO_TODAY)
    cycles.select_cycle(3)
    dose = DoseCheckPanel()
    dose.set_cycle(plan, 3)
    dose.checked_edit.setText("137")
    dose.first_edit.setText("AB")
    dose.second_edit.setText("CD")
    dose.set_checks([("2026-01-05 09:12", "cycle 1", "Epirubicin", "164 mg", "0%", "PASS", "AB / CD")])
    cycles.cycleSelected.connect(lambda n: dose.set_cycle(plan, n))

    tabs = QTabWidget()
    tabs.setWindowTitle("Cycle Planner: plan views preview")
    tabs.addTab(calendar, QCoreApplication.translate("Preview", "Calendar"))
    tabs.addTab(cycles, QCoreApplication.translate("Preview", "Cycles"))
    tabs.addTab(dose, QCoreApplication.translate("Preview", "Dose check"))
    tabs.resize(1600, 900)

    if args.grab:
        args.grab.mkdir(parents=True, exist_ok=True)
        for name, widget in (("calendar", calendar), ("cycles", cycles), ("dose_check", dose)):
            tabs.setCurrentWidget(widget)
            tabs.show()
            app.processEvents()
            widget.grab().save(str(args.grab / f"{name}.png"))
        dose.checked_edit.setText("150")
        dose.first_edit.setText("AB")
        dose.second_edit.setText("ab")
        tabs.setCurrentWidget(dose)
        app.processEvents()
        dose.grab().save(str(args.grab / "dose_check_fail.png"))
        narrow = PlanCalendar()
        narrow.set_plan(plan, today=DEMO_TODAY)
        narrow.resize(1000, 760)
        narrow.show()
        app.processEvents()
        narrow.grab().save(str(args.grab / "calendar_narrow.png"))
        return 0
    tabs.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
