"""Live refresh between workstations: two MainWindows on one database, as two ward PCs would be. A save in
one shows in the other within 2 s, row by row (no list reset), and the open patient reloads -- but never under
a dialog that is open, and a save made from the older version is refused with a dialog that says who changed
what and offers to reload."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.core.modifications import Delay
from planner.store import PatientIdentity, PatientStore
from tests.gui.shell_helpers import START, open_window, refuse_message_boxes

REFRESH_MS = 2000  # the promise: a change appears on every other open window within 2 s


def add_patient(store: PatientStore, mrn: str, name: str = "Wang Fang"):
    return store.add_patient(PatientIdentity(name=name, mrn=mrn, dob=date(1970, 3, 1), sex="F"),
                             height_cm=Decimal(170), weight_kg=Decimal(70), measured_on=date(2026, 1, 2),
                             regimen_id="anlotinib-epirubicin", start=START)


@pytest.fixture
def two_windows(qtbot, database, monkeypatch):
    """Two windows on one database: an SQLite file (data_version) and, when configured, PostgreSQL (LISTEN)."""
    refuse_message_boxes(monkeypatch)
    path = database
    with PatientStore.open(path, actor="setup") as store:
        add_patient(store, "111", "Li Na")
        add_patient(store, "222", "Zhang Wei")
    first, second = open_window(qtbot, path), open_window(qtbot, path)
    for win in (first, second):
        qtbot.waitUntil(lambda w=win: w.patients.model.rowCount() == 2)
        win.patients.select("111")
        qtbot.waitUntil(lambda w=win: w.document is not None and w.document.mrn == "111")
    yield first, second
    first.close()
    second.close()


def test_a_save_in_one_window_appears_in_the_other_within_two_seconds(qtbot, two_windows):
    first, second = two_windows
    resets, changed = [], []
    second.patients.model.modelReset.connect(lambda: resets.append(True))
    second.patients.model.dataChanged.connect(lambda top, bottom, roles=(): changed.append(top.row()))
    assert second.document is not None and second.document.record.version == 1
    cycle2 = second.document.plan.cycle(2).start

    assert first.apply_modification(Delay(2, 7), "ANC 0.9")  # saved on the first workstation
    qtbot.waitUntil(lambda: second.document is not None and second.document.record.version == 2,
                    timeout=REFRESH_MS)
    # The open patient shows the other workstation's change: cycle 2 a week later, on screen.
    assert (second.document.plan.cycle(2).start - cycle2).days == 7
    assert "updated by" in second.statusBar().currentMessage()
    assert second.calendar.cell(second.document.plan.cycle(2).start).day.cycle == 2
    row = second.patients.model.row_of("111")
    qtbot.waitUntil(lambda: second.patients.model.summary(row).version == 2, timeout=REFRESH_MS)
    assert changed and not resets  # the one row changed; the list was not reset

    # A patient added on the first workstation is inserted into the second's list, in name order.
    add_patient(first.store, "333", "Chen Wei")
    qtbot.waitUntil(lambda: second.patients.model.row_of("333") >= 0, timeout=REFRESH_MS)
    assert [second.patients.model.summary(r).name for r in range(3)] == ["Chen Wei", "Li Na", "Zhang Wei"]
    assert not resets
    assert second.document.mrn == "111"  # still the patient the nurse had open


def test_a_patient_withdrawn_elsewhere_leaves_the_list(qtbot, two_windows):
    first, second = two_windows
    first.store.withdraw_patient("222", "moved to another hospital", expected_version=1)
    qtbot.waitUntil(lambda: second.patients.model.row_of("222") < 0, timeout=REFRESH_MS)
    assert second.document is not None and second.document.mrn == "111"


def test_the_reload_waits_while_a_dialog_is_open(qtbot, two_windows, monkeypatch):
    first, second = two_windows
    dialog = QDialog(second)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isVisible())
    try:
        first.apply_modification(Delay(2, 7), "ANC 0.9")
        row = second.patients.model.row_of("111")
        qtbot.waitUntil(lambda: second.patients.model.summary(row).version == 2, timeout=REFRESH_MS)
        qtbot.wait(700)
        assert second.document is not None and second.document.record.version == 1  # not under the dialog
    finally:
        dialog.close()
    qtbot.waitUntil(lambda: second.document.record.version == 2, timeout=REFRESH_MS)


def delay_while_another_workstation_saves(qtbot, window, location):
    """A DelayDialog.exec() as a nurse uses it: open (modal) while nurse.b saves a change to the same patient
    on another workstation; the window must not reload under the dialog; then Save."""
    from planner.gui.dialogs.cycle_actions import DelayDialog

    def exec_(dialog: DelayDialog) -> int:
        dialog.setModal(True)
        dialog.show()
        dialog.days.setValue(7)
        qtbot.keyClicks(dialog.reason, "ANC 0.9 on day 21")
        with PatientStore.open(location, actor="nurse.b") as other:
            other.add_modification("111", Delay(4, 3), "clinic closed", expected_version=1)
        qtbot.wait(1500)  # live refresh has seen it (the list row changes) but waits for the dialog
        assert window.document is not None and window.document.record.version == 1
        dialog.save_button.click() if hasattr(dialog, "save_button") else dialog.ok_button.click()
        return dialog.result()

    return exec_


@pytest.mark.parametrize("choice", ["reload_only", "apply"])
def test_a_stale_save_says_who_changed_what_and_offers_to_reload(qtbot, two_windows, monkeypatch, database,
                                                                 choice):
    from planner.gui.dialogs.cycle_actions import DelayDialog
    from planner.gui.stale import StaleRecordDialog

    _, second = two_windows
    monkeypatch.setattr(DelayDialog, "exec", delay_while_another_workstation_saves(
        qtbot, second, database))
    shown: list[StaleRecordDialog] = []

    def answer(dialog: StaleRecordDialog) -> int:
        shown.append(dialog)
        assert dialog.defaultButton() is dialog.reload_button  # Enter: look at their change first
        (dialog.reload_button if choice == "reload_only" else dialog.apply_button).click()
        return 0

    monkeypatch.setattr(StaleRecordDialog, "exec", answer)
    second.cycles.actionRequested.emit("delay", 3)

    [dialog] = shown
    text = dialog.text() + "\n" + dialog.informativeText()
    # Who, which patient, when, what they changed, and that this nurse's change was NOT saved ...
    assert "nurse.b" in text and "Li Na (111)" in text
    assert dialog.text().count(":") >= 2  # the time, e.g. 14:03:22
    assert "cycle 4" in dialog.informativeText().lower() and "(nurse.b)" in dialog.informativeText()
    assert "not saved" in dialog.text() and "cycle 3" in dialog.text().lower()
    # ... and nothing that contradicts the offer to reload (the store's "reopen it and redo your change").
    assert "reopen" not in text.lower() and "redo your change" not in text.lower()

    record = second.store.get_patient("111")
    active = record.active_modifications()
    assert Delay(4, 3) in active  # the other workstation's change is kept either way
    assert second.document is not None and second.document.record.version == record.version
    if choice == "reload_only":
        assert Delay(3, 7) not in active and record.version == 2
        assert "Not saved" in second.statusBar().currentMessage()
    else:
        assert Delay(3, 7) in active and record.version == 3


def test_undo_refused_after_another_workstation_saved_says_so_without_contradiction(qtbot, two_windows,
                                                                                     monkeypatch, database):
    _, second = two_windows
    assert second.apply_modification(Delay(2, 7), "ANC 0.9")
    with PatientStore.open(database, actor="nurse.b") as other:
        other.add_modification("111", Delay(4, 3), "clinic closed", expected_version=2)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    second.menu_actions.undo.trigger()  # before live refresh reloads: the undo is refused as stale
    qtbot.waitUntil(lambda: bool(warned))
    assert "nurse.b" in warned[0] and "reloaded" in warned[0] and "reopen" not in warned[0]
    qtbot.waitUntil(lambda: second.document.record.version == 3)
    assert not second.document.undo_stack.count()
