"""Edit > End treatment...: reason, note and day; one undoable change; the list says "Ended"."""

from __future__ import annotations

import pytest

from planner.gui.dialogs.end_treatment_dialog import EndTreatmentDialog
from tests.gui.shell_helpers import TODAY, add_patient, open_window, refuse_message_boxes


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    refuse_message_boxes(monkeypatch)
    win = open_window(qtbot, tmp_path / "ward.sqlite3")
    yield win
    win.close()


def run_dialog(fill):
    def exec_(self):
        fill(self)
        self.ok_button.click()
        return self.result()
    return exec_


def test_end_treatment_from_the_menu_is_saved_and_undone(qtbot, window, monkeypatch):
    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.menu_actions.end_treatment.isEnabled()
    assert window.menu_actions.end_treatment.text() == "E&nd treatment..."

    def fill(dialog: EndTreatmentDialog) -> None:
        dialog.reason.setCurrentIndex(dialog.reason.findData("progression"))
        qtbot.keyClicks(dialog.note, "CT: new lung nodules")

    monkeypatch.setattr(EndTreatmentDialog, "exec", run_dialog(fill))
    window.menu_actions.end_treatment.trigger()
    plan = window.store.get_patient("12345").compute_plan()
    assert plan.ended is not None and plan.ended.effective_on == TODAY and plan.ended.cycle == 2
    assert len(plan.cycles) == 2
    entry = window.store.audit_log("12345")[-1]
    assert entry.new["reason"] == "Treatment ended: progression: CT: new lung nodules"
    window.undo_group.undo()
    assert window.store.get_patient("12345").compute_plan().ended is None


def test_the_dialog_refuses_a_day_in_the_future_and_says_why(qtbot, window):
    record = add_patient(window.store)
    dialog = EndTreatmentDialog(record.compute_plan(), "Wang Fang (12345)", TODAY)
    qtbot.addWidget(dialog)
    dialog.on.setText("2099-01-01")
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.modification() is None
    assert "in the future" in dialog.message.text()
    dialog.on.setText("2026-02-31")
    dialog.ok_button.click()
    assert dialog.modification() is None and dialog.message.text()
