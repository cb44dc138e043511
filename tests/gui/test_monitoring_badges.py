"""The patient header shows 'LVEF due' before a cycle that needs it and 'Treatment ended' once ended."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtGui import QColor

from planner.core.plan import PriorExposure
from planner.gui.monitoring_badges import monitoring_tooltip
from planner.gui.widgets.patient_header import PatientHeader
from planner.store import PatientStore
from tests.gui.shell_helpers import START, add_patient


def test_lvef_due_badge_before_cycle_1_and_before_the_tier(qtbot, tmp_path):
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        record = add_patient(store, prior=(PriorExposure("epirubicin", Decimal(100)),))
    plan = record.compute_plan()
    header = PatientHeader()
    qtbot.addWidget(header)
    header.set_patient(record, plan, START - timedelta(days=3))
    badge = header.badge_widget("lvef-due")
    assert badge is not None and badge.text() == "LVEF due" and "baseline" in badge.toolTip()
    assert "e0a800" in badge.styleSheet()  # amber while not overdue
    # In cycle 3: the next LVEF is before cycle 6 (100 prior + 5 x 90 = 550, cycle 6 crosses it), not yet shown.
    header.set_patient(record, plan, plan.cycle(3).start + timedelta(days=2))
    assert header.badge_widget("lvef-due") is None
    # After cycle 5 began: LVEF before cycle 6.
    header.set_patient(record, plan, plan.cycle(5).start + timedelta(days=2))
    badge = header.badge_widget("lvef-due")
    assert badge is not None and "Cycle 6" in badge.toolTip() and "550" in badge.toolTip()


def test_treatment_ended_badge(qtbot, tmp_path, pinned_today):
    today = pinned_today
    start = today - timedelta(days=50)
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        record = add_patient(store, start=start, measured_on=start - timedelta(days=2))
        record = store.end_treatment("12345", "toxicity", expected_version=record.version)
    header = PatientHeader()
    qtbot.addWidget(header)
    header.set_patient(record, record.compute_plan(), today)
    badge = header.badge_widget("treatment-ended")
    assert badge is not None and "toxicity" in badge.toolTip()


def test_calendar_tooltip_text_lists_the_tests_of_the_day(tmp_path):
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        plan = add_patient(store).compute_plan()
    assert monitoring_tooltip(plan, START - timedelta(days=1)).startswith("Monitoring due: Blood count")
    assert monitoring_tooltip(plan, START) == ""


def test_calendar_marks_monitoring_days_with_a_tooltip(qtbot):
    from planner.core.clinic_days import ClinicCalendar
    from planner.gui import style
    from planner.gui.views.calendar_view import PlanCalendar
    from tests.gui.conftest import make_plan

    plan = make_plan()
    calendar = PlanCalendar()
    qtbot.addWidget(calendar)
    calendar.resize(1800, 900)
    calendar.show()
    qtbot.waitExposed(calendar)
    # Closed at weekends: cycle 1 (Monday 5 Jan) tests on Friday 2 Jan, before the plan starts (a "day 0" cell).
    clinic = ClinicCalendar(closed_weekdays=frozenset({5, 6}))
    calendar.set_plan(plan, today=START - timedelta(days=10), clinic=clinic)
    cell = calendar.cell(date(2026, 1, 2))
    assert cell is not None and cell.monitoring.startswith("Monitoring due: Blood count")
    calendar.select_date(date(2026, 1, 2))
    assert "Monitoring due: Blood count" in calendar.details_text() and "LVEF (baseline)" in calendar.details_text()
    grid = calendar.month_grids()[0]
    assert "Monitoring due: Blood count" in grid.tooltip_for(date(2026, 1, 2))
    image = grid.grab().toImage()
    rect = grid.cell_rect(date(2026, 1, 2)).toAlignedRect()
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.top() + 14)}
    assert QColor(style.BLOOD_TEST.border).name() in colours  # the dot
    # Maintenance cycle 8: no blood count, the anlotinib tests the day before day 1.
    before_8 = clinic.last_open_before(plan.cycle(8).start)
    calendar.select_date(before_8)
    assert "Monitoring due: Liver function, Blood pressure, Urine protein" in calendar.details_text()
    assert "Blood count due" not in calendar.details_text()


def test_an_ended_treatment_is_described_in_the_history_and_the_undo_text(tmp_path, pinned_today):
    from planner.core.modifications import EndReason, EndTreatment
    from planner.export.wording import describe_modification as paper
    from planner.gui.dialogs.cycle_actions import describe_modification
    from planner.gui.history import history_rows
    from tests.gui.conftest import REGIMEN

    end = EndTreatment(8, date(2026, 5, 20), EndReason.PATIENT_CHOICE, "moving abroad", "Treatment ended")
    assert describe_modification(end) == "End the treatment after cycle 8 (patient's choice)"
    assert paper(end, REGIMEN).startswith("Treatment ended on 20 May 2026 (patient's choice); no cycles after cycle 8")
    today = pinned_today
    start = today - timedelta(days=50)
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        record = add_patient(store, start=start, measured_on=start - timedelta(days=2))
        ended = store.end_treatment("12345", "death", expected_version=record.version)
        entries = store.audit_log("12345")
    texts = [row.what for row in history_rows(entries, ended)]
    assert any(t.startswith("End the treatment after cycle 3 (death)") for t in texts)
