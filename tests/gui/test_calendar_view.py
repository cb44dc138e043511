from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.gui import style
from planner.gui.views.calendar_view import PlanCalendar
from tests.gui.conftest import START, TODAY, make_plan


@pytest.fixture
def calendar(qtbot):
    widget = PlanCalendar()
    qtbot.addWidget(widget)
    widget.resize(1800, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _colours_in(widget, grid, when):
    image = grid.grab().toImage()
    rect = grid.cell_rect(when).toAlignedRect().adjusted(3, 3, -3, -3)
    return {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())}


def test_empty_state_shows_no_plan_message(calendar):
    calendar.set_plan(None)
    assert calendar.cell(START) is None
    assert "No plan" in calendar._range.text()
    assert "No plan" in calendar.details_text()


def test_shows_month_of_today_when_today_is_in_the_plan(calendar, plan):
    calendar.set_plan(plan, today=TODAY)
    assert calendar.current_month() == (2026, 1)
    calendar.set_plan(plan, today=date(2030, 5, 1))  # still overlaps: stays where the nurse was
    assert calendar.current_month() == (2026, 1)
    calendar.show_month(2031, 1)
    calendar.set_plan(plan, today=date(2030, 5, 1))  # shown month outside the plan: back to its start
    assert calendar.current_month() == (2026, 1)


def test_day_kinds_of_the_first_cycle(calendar, plan):
    calendar.set_plan(plan, today=TODAY)
    day1 = calendar.cell(START)
    assert {c.drug_id: c.dose_mg_text for c in day1.given} == {"anlotinib": "12", "epirubicin": "164"}
    assert day1.cycle_start and (day1.day.cycle, day1.day.day) == (1, 1)
    rest = calendar.cell(date(2026, 1, 19))  # day 15
    assert rest.is_rest and not rest.chips
    blood = calendar.cell(date(2026, 1, 25))  # day 21, the day before cycle 2's infusion
    assert blood.day.blood_test and blood.is_rest
    # The day before the plan holds only the blood count before cycle 1 ("day 0"); earlier days are not shown.
    before = calendar.cell(date(2026, 1, 4))
    assert before.day.blood_test and before.day.day == 0 and not before.chips
    assert "blood count before cycle 1" in calendar.month_grids()[0].tooltip_for(date(2026, 1, 4))
    assert calendar.cell(date(2026, 1, 3)) is None  # before the plan


def test_infusion_day_is_drawn_in_the_infusion_colour_and_rest_day_is_not(calendar, plan):
    calendar.set_plan(plan, today=TODAY)
    grid = calendar.month_grids()[0]
    infusion = QColor(style.INFUSION.fill).name()
    oral = QColor(style.ORAL.fill).name()
    blood = QColor(style.BLOOD_TEST.fill).name()
    on_day1 = _colours_in(calendar, grid, START)
    assert infusion in on_day1 and oral in on_day1
    on_rest = _colours_in(calendar, grid, date(2026, 1, 20))
    assert infusion not in on_rest and oral not in on_rest
    assert blood in _colours_in(calendar, grid, date(2026, 1, 25))


def test_two_months_side_by_side_when_wide_one_when_narrow(calendar, plan, qtbot):
    calendar.set_plan(plan, today=TODAY)
    assert [g.month() for g in calendar.month_grids()] == [(2026, 1), (2026, 2)]
    calendar.resize(700, 800)
    qtbot.wait(1)
    assert [g.month() for g in calendar.month_grids()] == [(2026, 1)]


def test_clicking_a_day_emits_day_selected_and_shows_details(calendar, plan, qtbot):
    calendar.set_plan(plan, today=TODAY)
    grid = calendar.month_grids()[0]
    with qtbot.waitSignal(calendar.daySelected) as blocker:
        qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(START).center().toPoint())
    assert blocker.args == [START]
    text = calendar.details_text()
    assert "5 Jan 2026" in text and "Monday" in text
    assert "Cycle 1, day 1 of 21" in text and "Combination" in text
    assert "90 mg/m² x 1.82 m² = 163.8 -> 164 mg" in text
    assert "Epirubicin hydrochloride 164 mg IV" in text and "Anlotinib 12 mg oral" in text
    assert calendar.accessibleDescription() == text  # what a screen reader announces


def test_details_of_blood_test_rest_and_outside_days(calendar, plan):
    calendar.set_plan(plan, today=TODAY)
    calendar.select_date(date(2026, 1, 25))
    assert "Blood count due" in calendar.details_text()
    calendar.select_date(date(2026, 1, 20))
    assert "Rest day" in calendar.details_text()
    calendar.select_date(date(2025, 12, 30))
    assert "Not part of this plan" in calendar.details_text()
    assert calendar.current_month() == (2025, 12)


def test_delay_moves_the_next_cycle_and_marks_delay_days(calendar, plan, modified_plan):
    calendar.set_plan(plan, today=TODAY)
    assert calendar.cell(date(2026, 2, 16)).cycle_start  # cycle 3 on time
    calendar.set_plan(modified_plan, today=TODAY)
    waiting = calendar.cell(date(2026, 2, 16))
    assert waiting.delay_day and waiting.day.cycle == 2 and not waiting.chips
    moved = calendar.cell(date(2026, 2, 23))
    assert moved.cycle_start and moved.day.cycle == 3
    epirubicin = next(c for c in moved.given if c.drug_id == "epirubicin")
    assert epirubicin.reduced and epirubicin.dose_mg_text == "137"
    assert calendar.cell(date(2026, 2, 22)).day.blood_test
    calendar.select_date(date(2026, 2, 16))
    assert "Delay day" in calendar.details_text()
    calendar.select_date(date(2026, 2, 23))
    text = calendar.details_text()
    assert "delayed by 7 days" in text and "Reduced dose level: 75 mg/m²" in text


def test_omitted_days_are_held_chips(calendar, modified_plan):
    calendar.set_plan(modified_plan, today=TODAY)
    held = calendar.cell(date(2026, 2, 2))  # cycle 2 day 8
    assert [(c.drug_id, c.state) for c in held.chips] == [("anlotinib", "held")]
    assert not held.is_rest
    calendar.select_date(date(2026, 2, 2))
    assert "Anlotinib held today (omitted on days 8-10" in calendar.details_text()
    assert "Rest day" not in calendar.details_text()


def test_navigation_buttons_and_keys(calendar, plan, qtbot):
    calendar.set_plan(plan, today=TODAY)
    qtbot.mouseClick(calendar._next, Qt.MouseButton.LeftButton)
    assert calendar.current_month() == (2026, 2)
    qtbot.mouseClick(calendar._prev, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(calendar._prev, Qt.MouseButton.LeftButton)
    assert calendar.current_month() == (2025, 12)
    calendar.setFocus()
    qtbot.keyClick(calendar, Qt.Key.Key_PageDown)
    qtbot.keyClick(calendar, Qt.Key.Key_PageDown)
    qtbot.keyClick(calendar, Qt.Key.Key_PageDown)
    assert calendar.current_month() == (2026, 3)
    qtbot.keyClick(calendar, Qt.Key.Key_PageUp)
    assert calendar.current_month() == (2026, 2)
    qtbot.mouseClick(calendar._today_button, Qt.MouseButton.LeftButton)
    assert calendar.current_month() == (2026, 1)
    calendar.show_month(2026, 12)
    qtbot.keyClick(calendar, Qt.Key.Key_PageDown)
    assert calendar.current_month() == (2027, 1)
    with pytest.raises(ValueError):
        calendar.show_month(2026, 13)


def test_controls_have_accessible_names(calendar):
    for button in (calendar._prev, calendar._next, calendar._today_button):
        assert button.accessibleName()
    assert calendar.accessibleName()


def test_plan_change_updates_without_new_widgets(calendar, plan):
    calendar.set_plan(plan, today=TODAY)
    grids = calendar.month_grids()
    calendar.set_plan(make_plan(), today=TODAY)
    assert calendar.month_grids() == grids


def test_hover_tooltip_summarises_the_day(calendar, modified_plan):
    calendar.set_plan(modified_plan, today=TODAY)
    grid = calendar.month_grids()[0]
    assert grid.tooltip_for(START) == (
        "5 Jan 2026: cycle 1, day 1\nAnlotinib 12 mg oral\nEpirubicin hydrochloride 164 mg IV")
    assert grid.tooltip_for(date(2026, 2, 2)) == "2 Feb 2026: cycle 2, day 8\nAnlotinib held"
    assert grid.tooltip_for(date(2026, 2, 16)) == "16 Feb 2026: cycle 2, day 22\nDelay: no treatment"
    assert "Blood count due" in grid.tooltip_for(date(2026, 2, 22))
    assert "(reduced dose level)" in grid.tooltip_for(date(2026, 2, 23))
    assert grid.tooltip_for(date(2025, 12, 1)) == "1 Dec 2025: not part of the plan"


def test_details_give_the_reason_of_each_change(calendar):
    from decimal import Decimal

    from planner.core.modifications import Delay, DoseLevelChange, OmitDays

    plan = make_plan(OmitDays("anlotinib", 2, (8, 9), reason="grade 3 hypertension"),
                     Delay(3, 7, reason="neutrophils 0.9"),
                     DoseLevelChange("epirubicin", 2, Decimal(75), reason="febrile neutropenia"))
    calendar.set_plan(plan, today=TODAY)
    calendar.select_date(date(2026, 2, 2))
    assert "omitted on days 8-9 of this cycle). Reason: grade 3 hypertension." in calendar.details_text()
    calendar.select_date(date(2026, 2, 23))  # cycle 3 day 1: delayed, and still on the level set in cycle 2
    text = calendar.details_text()
    assert "Cycle 3 was delayed by 7 days. Reason: neutrophils 0.9." in text
    assert "starting 90 mg/m²). Reason: febrile neutropenia." in text


def test_an_infusion_is_painted_first_so_a_short_cell_never_hides_it(plan):
    from planner.gui.views.day_cells import build_cells
    from planner.gui.views.month_grid import paint_order

    cell = build_cells(plan)[plan.cycle(1).start]
    assert len(cell.chips) == 2 and cell.chips[0].route.upper() != "IV"  # built oral first
    assert paint_order(cell.chips)[0].route.upper() == "IV"
