from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from planner.gui.models.cycles_model import COL_START
from planner.gui.views.cycles_view import ACTION_KEYS, CyclesView


@pytest.fixture
def view(qtbot, plan):
    widget = CyclesView()
    qtbot.addWidget(widget)
    widget.set_plan(plan, today=date(2026, 1, 20))
    widget.show()
    return widget


def test_qtmodeltester_on_the_views_model(qtmodeltester, view):
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)


def test_actions_disabled_until_a_cycle_is_selected(view, qtbot):
    assert view.selected_cycle() is None
    assert not any(view.action_button(k).isEnabled() for k in ACTION_KEYS)
    with qtbot.waitSignal(view.cycleSelected) as blocker:
        view.select_cycle(3)
    assert blocker.args == [3]
    assert view.selected_cycle() == 3
    assert all(view.action_button(k).isEnabled() for k in ACTION_KEYS)


@pytest.mark.parametrize("key", ACTION_KEYS)
def test_each_action_button_requests_its_action_for_the_selected_cycle(view, qtbot, key):
    view.select_cycle(4)
    with qtbot.waitSignal(view.actionRequested) as blocker:
        qtbot.mouseClick(view.action_button(key), Qt.MouseButton.LeftButton)
    assert blocker.args == [key, 4]


def test_selection_survives_sorting_and_a_new_plan(view, modified_plan):
    view.table.sortByColumn(COL_START, Qt.SortOrder.DescendingOrder)
    view.select_cycle(2)
    assert view.selected_cycle() == 2
    view.set_plan(modified_plan)
    assert view.selected_cycle() == 2
    assert view.action_button("delay").isEnabled()
    view.set_plan(None)
    assert view.selected_cycle() is None
    assert not view.action_button("delay").isEnabled()


def test_clicking_a_row_selects_its_cycle(view, qtbot):
    index = view.proxy.index(5, 0)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.cycleSelected) as blocker:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [6]


def test_select_unknown_cycle_is_an_error(view):
    with pytest.raises(ValueError):
        view.select_cycle(99)


def test_phase_and_last_day_hide_when_narrow_and_come_back_whole(qtbot, plan):
    from planner.gui.models.cycles_model import COL_END, COL_PHASE
    from planner.gui.views.cycles_view import CyclesView

    view = CyclesView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    view.set_plan(plan)
    assert view.table.isColumnHidden(COL_PHASE) and view.table.isColumnHidden(COL_END)
    assert "Combination" in view.model.index(0, 0).data(3)  # the Cycle tooltip still says the phase and dates
    view.set_plan(plan)  # measured again while narrow
    view.resize(1600, 400)
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(COL_PHASE))
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(COL_PHASE) >= metrics.horizontalAdvance("Combination")
    assert view.table.columnWidth(COL_END) >= metrics.horizontalAdvance("2026-01-25")
