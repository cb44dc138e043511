"""The History tab: every audited change, filterable, and "Withdraw this change..." as one undoable step."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.modifications import Delay
from planner.gui.dialogs.simple_dialogs import WithdrawChangeDialog
from planner.gui.history import KIND_CHECK, KIND_PLAN, history_rows
from planner.gui.models.history_model import COL_WHAT, COL_WITHDRAWN, HistoryFilterProxy, HistoryTableModel
from tests.gui.shell_helpers import add_patient, open_window, refuse_message_boxes


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    refuse_message_boxes(monkeypatch, ("warning",))
    win = open_window(qtbot, tmp_path / "ward.sqlite3")
    add_patient(win.store)
    win.refresh_list("12345")
    qtbot.waitUntil(lambda: win.document is not None)
    yield win
    win.close()


def _settled(qtbot, window):
    """The History tab is read on the worker thread after each write (issue 14): wait for it."""
    qtbot.waitUntil(lambda: not window.runner.busy)


def _history(window):
    return window.page.history


def _texts(view, column):
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def test_history_rows_in_words_newest_first_and_the_model_passes_the_model_tester(qtbot, qtmodeltester, window):
    from decimal import Decimal

    window.apply_modification(Delay(3, 7), "ANC 0.9")
    window.record_dose_check(type("R", (), dict(cycle=2, drug="epirubicin", calculated_mg=Decimal(164),
                                                 checked_mg=Decimal(164), tolerance_pct=Decimal(5),
                                                 first_checker="LI", second_checker="CH"))())
    rows = history_rows(window.store.audit_log("12345"), window.document.record)
    assert [r.kind for r in rows[:2]] == [KIND_CHECK, KIND_PLAN]
    assert rows[1].what == "Delay cycle 3 by 7 days" and rows[1].reason == "ANC 0.9" and rows[1].withdrawable
    assert rows[-1].what == "Patient added" and not rows[-1].withdrawable
    model = HistoryTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    proxy = HistoryFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    # The tab shows the same rows, and filters by text and by kind.
    _settled(qtbot, window)
    view = _history(window)
    assert view.model.rowCount() == len(rows)
    view.search.setText("anc 0.9")
    assert _texts(view, COL_WHAT) == ["Delay cycle 3 by 7 days"]
    view.search.clear()
    view.kind.setCurrentIndex(view.kind.findData(KIND_CHECK))
    assert len(_texts(view, COL_WHAT)) == 1 and "Double check, cycle 2" in _texts(view, COL_WHAT)[0]
    assert view.count.text() == f"1 of {len(rows)} changes"


def test_withdraw_this_change_asks_a_reason_and_is_undoable(qtbot, window, monkeypatch):
    window.apply_modification(Delay(3, 7), "ANC 0.9")
    window.document.undo_stack.clear()  # the delay is yesterday's change, from before a restart
    _settled(qtbot, window)
    view = _history(window)
    window.tabs.setCurrentWidget(view)
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, COL_WHAT).data().startswith("Delay"))
    view.table.selectRow(row)
    assert view.withdraw_button.isEnabled()
    asked = []

    def exec_(dialog):
        asked.append(dialog)
        assert not dialog.ok_button.isEnabled()  # a reason is required
        qtbot.keyClicks(dialog.reason, "entered for the wrong patient")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(WithdrawChangeDialog, "exec", exec_)
    view.withdraw_button.click()
    assert len(asked) == 1
    [delay] = window.document.record.modifications
    assert delay.withdrawn and delay.withdrawn_reason == "entered for the wrong patient"
    assert window.calendar.cell(date(2026, 2, 16)).day.day == 1  # cycle 3 back on its planned day
    _settled(qtbot, window)
    withdrawn = [view.proxy.index(r, COL_WITHDRAWN).data() for r in range(view.proxy.rowCount())]
    assert any("entered for the wrong patient" in w for w in withdrawn)
    assert window.menu_actions.undo.isEnabled()
    window.menu_actions.undo.trigger()  # puts the delay back in force, as a new entry
    assert list(window.document.record.active_modifications()) == [Delay(3, 7)]
    first, restored = window.document.record.modifications
    assert first.withdrawn and not restored.withdrawn
    assert restored.reason.startswith("Restored (undo of a withdrawal): ANC 0.9")
    assert window.calendar.cell(date(2026, 2, 23)).day.day == 1
