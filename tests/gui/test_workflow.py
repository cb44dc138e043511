"""The nurse's path through the main window: open the database, create a patient, see the plan, delay
cycle 3 by 7 days, see the calendar move, undo, see it move back, and find it all in the audit log."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMessageBox

from planner.core.errors import PlannerError
from planner.gui.dialogs.cycle_actions import DelayDialog
from planner.gui.dialogs.patient_dialog import PatientDialog
from planner.gui.main_window import PAGE_EMPTY, PAGE_PATIENT, MainWindow
from planner.gui.models.patients_model import SUMMARY_ROLE
from planner.gui.settings import Settings
from tests.gui.shell_helpers import START, TODAY, open_window, refuse_message_boxes


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    refuse_message_boxes(monkeypatch)
    win = open_window(qtbot, tmp_path / "ward.sqlite3")
    yield win
    win.close()


def fake_exec(fill):
    """Replace a dialog's exec(): fill it in as a nurse would, then press its OK / Save button."""
    def exec_(self):
        fill(self)
        button = getattr(self, "save_button", None) or self.ok_button
        assert button.isEnabled(), "the dialog refused what was entered"
        button.click()
        return self.result()
    return exec_


def test_empty_database_shows_the_welcome_page(window):
    assert window.pages.currentIndex() == PAGE_EMPTY
    assert window.empty_state.new_button.isVisible() and window.empty_state.demo_button.isVisible()
    assert not window.dose_dock.isVisible()


def test_create_delay_undo_and_audit(qtbot, window, monkeypatch):
    def fill_patient(dialog: PatientDialog) -> None:
        for edit, text in ((dialog.name, "Wang Fang"), (dialog.mrn, "12345"), (dialog.height_field, "170"),
                           (dialog.weight, "70"), (dialog.measured_on, "2026-01-02"),
                           (dialog.start, START.isoformat())):
            edit.selectAll()
            qtbot.keyClicks(edit, text)

    monkeypatch.setattr(PatientDialog, "exec", fake_exec(fill_patient))
    window.menu_actions.new_patient.trigger()

    # The plan is shown at once: header, calendar, cycles.
    assert window.pages.currentIndex() == PAGE_PATIENT
    assert window.header.name.text() == "Wang Fang"
    assert "BSA 1.82 m² (Mosteller" in window.header.bsa.text()
    cycle3_start = START + timedelta(days=42)
    cell = window.calendar.cell(cycle3_start)
    assert (cell.day.cycle, cell.day.day) == (3, 1)
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 1)
    assert window.patients.current_mrn() == "12345"

    # Delay cycle 3 by 7 days from the Cycles tab.
    def fill_delay(dialog: DelayDialog) -> None:
        dialog.days.setValue(7)
        qtbot.keyClicks(dialog.reason, "ANC 0.9 on day 21")

    monkeypatch.setattr(DelayDialog, "exec", fake_exec(fill_delay))
    window.cycles.actionRequested.emit("delay", 3)
    moved = window.calendar.cell(cycle3_start + timedelta(days=7))
    assert (moved.day.cycle, moved.day.day) == (3, 1)
    assert window.calendar.cell(cycle3_start).day.cycle == 2  # now a delay day of cycle 2
    assert window.calendar.cell(cycle3_start).delay_day
    assert window.menu_actions.undo.isEnabled()
    assert "Delay cycle 3 by 7 days" in window.menu_actions.undo.text()

    # Undo: Edit > Undo puts it back, and the undo is itself in the audit log.
    window.menu_actions.undo.trigger()
    back = window.calendar.cell(cycle3_start)
    assert (back.day.cycle, back.day.day) == (3, 1)
    assert window.menu_actions.redo.isEnabled()
    log = window.store.audit_log("12345")
    actions = [entry.action for entry in log]
    assert actions[0] == "patient.add"
    assert actions.count("modification.add") == 1 and actions.count("modification.withdraw") == 1
    withdrawn = next(entry for entry in log if entry.action == "modification.withdraw")
    assert "Undone: ANC 0.9 on day 21" in str(withdrawn.new)

    # Redo brings the delay back.
    window.menu_actions.redo.trigger()
    assert window.calendar.cell(cycle3_start + timedelta(days=7)).day.day == 1


def test_demo_patient_is_mid_treatment_with_a_delay_and_a_reduction(qtbot, window):
    window.empty_state.demo_button.click()
    plan = window.plan
    assert plan is not None
    cycle = plan.cycle(3)
    assert cycle.delay_days == 7 and cycle.start <= TODAY <= cycle.end
    assert cycle.dose_for("epirubicin").level == 75
    assert "Allergies: Penicillin" in window.header.allergies.text()
    # The dose check is there: a dock on a wide window, a tab on this small offscreen one.
    assert window.dose_dock.isVisible() or window.tabs.indexOf(window.dose_panel) >= 0
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 1)


def test_dose_check_is_recorded_from_the_panel(qtbot, window):
    from decimal import Decimal

    from planner.gui.views.dose_check_panel import DoseCheckRequest
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    window.dose_panel.checkSubmitted.emit(DoseCheckRequest(
        cycle=2, drug="epirubicin", calculated_mg=Decimal(164), checked_mg=Decimal(170),
        tolerance_pct=Decimal(5), first_checker="AL", second_checker="MK"))
    check = window.store.get_patient("12345").dose_checks[-1]
    assert (check.cycle, check.checked_mg, check.passed) == (2, Decimal(170), True)
    assert "passed" in window.statusBar().currentMessage()


def test_a_stale_record_offers_to_reapply_and_nothing_is_lost(qtbot, window, monkeypatch, tmp_path):
    from planner.core.modifications import Delay
    from planner.store import PatientStore
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    with PatientStore.open(tmp_path / "ward.sqlite3", actor="nurse.b") as other:
        record = other.get_patient("12345")
        other.add_modification("12345", Delay(5, 2), "clinic closed", expected_version=record.version)
    from planner.gui.stale import StaleRecordDialog

    asked = []

    def reload_and_apply(dialog: StaleRecordDialog) -> int:
        asked.append(dialog.text())
        dialog.apply_button.click()
        return 0

    monkeypatch.setattr(StaleRecordDialog, "exec", reload_and_apply)
    assert window.apply_modification(Delay(3, 7), "ANC 0.9")
    assert "nurse.b" in asked[0]
    active = window.store.get_patient("12345").active_modifications()
    assert Delay(3, 7) in active and Delay(5, 2) in active


def test_geometry_and_last_patient_are_remembered(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    window.close()
    settings = Settings()
    assert settings.text("session/last_patient_mrn") == "12345"
    assert not settings.get("window/geometry").isEmpty()


def test_mark_given_is_recorded(qtbot, window, monkeypatch):
    from planner.gui.dialogs.simple_dialogs import MarkGivenDialog
    from tests.gui.shell_helpers import add_patient

    record = add_patient(window.store)
    window.store.record_dose_check("12345", cycle=2, drug="epirubicin", calculated_mg=Decimal(164),
                                   checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li",
                                   second_checker="Chen", expected_version=record.version)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)

    def fill(dialog: MarkGivenDialog) -> None:
        index = next(i for i in range(dialog.dose.count()) if dialog.dose.itemData(i)[:2] == ("epirubicin", 1))
        dialog.dose.setCurrentIndex(index)
        dialog.given_on.setText("2026-01-26")
        qtbot.keyClicks(dialog.note, "given 2 h late, pump fault")

    monkeypatch.setattr(MarkGivenDialog, "exec", fake_exec(fill))
    window.cycles.actionRequested.emit("given", 2)
    given = window.store.get_patient("12345").administrations
    assert [(a.cycle, a.day, a.drug, a.given_on, a.note) for a in given] == [
        (2, 1, "epirubicin", date(2026, 1, 26), "given 2 h late, pump fault")]
    assert window.menu_actions.undo.isEnabled() and "cycle 2 day 1" in window.menu_actions.undo.text()

    # Edit > Undo withdraws it (kept on record with the reason) and the Cycles status no longer says given.
    window.menu_actions.undo.trigger()
    [withdrawn] = window.store.get_patient("12345").administrations
    assert withdrawn.withdrawn and withdrawn.withdrawn_reason.startswith("Undone: Given: Epirubicin")
    status = window.cycles.model.index(1, window.cycles.model.status_column()).data()
    assert "given" not in status


def _given_dialog(window, cycle):
    from planner.gui.dialogs.simple_dialogs import MarkGivenDialog

    return MarkGivenDialog(window.plan, cycle, window.document.record.dose_checks, window, today=window.today())


def _choose(dialog, drug, day):
    index = next(i for i in range(dialog.dose.count()) if dialog.dose.itemData(i)[:2] == (drug, day))
    dialog.dose.setCurrentIndex(index)
    dialog.dose.activated.emit(index)


def test_mark_given_refuses_an_unchecked_infusion_and_a_future_cycle(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    record = add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    # Cycle 2's epirubicin (today is cycle 2 day 8) has no double check yet: refused, and said at once.
    dialog = _given_dialog(window, 2)
    qtbot.addWidget(dialog)
    _choose(dialog, "epirubicin", 1)
    assert not dialog.ok_button.isEnabled()
    assert "double check" in dialog.message.text()
    # The capsules need no double check: day 1 of cycle 2 on its planned date is accepted.
    _choose(dialog, "anlotinib", 1)
    assert dialog.given_on.text() == "2026-01-26" and dialog.ok_button.isEnabled()
    # Cycle 3 starts after today: nothing of it can be marked given (the store refuses it too).
    future = _given_dialog(window, 3)
    qtbot.addWidget(future)
    assert not future.ok_button.isEnabled() and "future cycle" in future.message.text()
    with pytest.raises(PlannerError, match="future cycle"):
        window.store.record_administration("12345", cycle=3, day=1, drug="anlotinib", dose_mg=Decimal(12),
                                           given_on=date(2026, 2, 16), today=window.today(),
                                           expected_version=record.version)
    with pytest.raises(PlannerError, match="double check"):
        window.store.record_administration("12345", cycle=2, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                           given_on=date(2026, 1, 26), expected_version=record.version)


def test_mark_given_on_another_day_asks_for_a_reason(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    dialog = _given_dialog(window, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.dose  # the first thing to fill: which dose
    _choose(dialog, "anlotinib", 3)
    assert dialog.given_on.text() == "2026-01-28"  # the planned day, filled in
    assert dialog.message.text() == ""
    dialog.given_on.selectAll()
    qtbot.keyClicks(dialog.given_on, "2026-01-29")
    assert not dialog.ok_button.isEnabled() and "needs a reason" in dialog.message.text()
    assert "required" in dialog.note.placeholderText()
    height = dialog.given_on.height(), dialog.given_on.y()
    qtbot.keyClicks(dialog.note, "patient came a day late")
    assert dialog.ok_button.isEnabled() and dialog.message.text() == ""
    assert (dialog.given_on.height(), dialog.given_on.y()) == height  # the message line never moves fields
    given = dialog.administration()
    assert (given.day, given.given_on, given.note) == (3, date(2026, 1, 29), "patient came a day late")


def test_withdraw_patient_needs_a_reason(qtbot, window, monkeypatch):
    from planner.gui.dialogs.simple_dialogs import WithdrawPatientDialog
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)

    def fill(dialog: WithdrawPatientDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.reason, "disease progression")

    monkeypatch.setattr(WithdrawPatientDialog, "exec", fake_exec(fill))
    window.menu_actions.withdraw_patient.trigger()
    record = window.store.get_patient("12345")
    assert record.withdrawn and record.withdrawn_reason == "disease progression"
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 0)


def test_new_plans_use_the_preferences(qtbot, window):
    from decimal import Decimal

    from planner.gui.dialogs.patient_dialog import PatientForm
    from planner.store import PatientIdentity

    window.settings.set("plan/bsa_formula", "dubois")
    window.settings.set("plan/maintenance_cycles", 2)
    window.settings.set("plan/rounding_step_mg", Decimal(5))
    record = window.add_patient(PatientForm(
        identity=PatientIdentity(name="Li Na", mrn="777"), height_cm=Decimal(160), weight_kg=Decimal(60),
        measured_on=TODAY, regimen_id="anlotinib-epirubicin", start=TODAY, prior=()))
    assert record.plan.settings.formula == "dubois"
    assert record.plan.settings.rounding_step_mg == Decimal(5)
    # 2 maintenance cycles planned ahead; the open-ended maintenance then rolls forward to cover the real
    # today (this window's TODAY is a test date in the past), so the count is read for that day.
    assert record.plan.settings.open_ended_cycles == 2
    assert len(record.compute_plan(today=TODAY).cycles) == 6 + 2
    assert window.plan.cycles[:8] == record.compute_plan(today=TODAY).cycles
    assert "DuBois" in window.header.bsa.text()


def test_menus_shortcuts_and_accessible_names(window):
    from PySide6.QtGui import QKeySequence

    actions = window.menu_actions
    assert actions.new_patient.shortcut() == QKeySequence("Ctrl+N")
    assert actions.find.shortcut() == QKeySequence("Ctrl+F")
    assert actions.undo.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in actions.redo.shortcuts()
    assert not actions.preferences.shortcut().isEmpty()
    assert all(not a.icon().isNull() for a in (actions.new_patient, actions.undo, actions.redo, actions.preferences))
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.patients.search.accessibleName() and window.patients.table.accessibleName()
    actions.find.trigger()
    assert window.patients.search.hasFocus() or window.focusWidget() is window.patients.search


def test_an_impossible_change_is_explained_and_nothing_is_saved(qtbot, window, monkeypatch):
    from planner.core.modifications import OmitDays
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    assert not window.apply_modification(OmitDays("anlotinib", 3, (15,)), "typo")
    assert shown and "not given on day 15" in shown[0][1]
    assert window.store.get_patient("12345").modifications == ()
    assert window.document.undo_stack.count() == 0


def test_a_database_that_cannot_be_opened_is_reported_in_the_window(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    win.open_database(bad)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=15000)
    assert win.store is None
    assert "cannot be opened (file is not a database)" in win.loading_label.text()
    assert win.loading_label.isVisibleTo(win)


def test_undo_refused_because_someone_else_saved_is_reported_after_the_undo(qtbot, window, monkeypatch, tmp_path):
    from planner.core.modifications import Delay
    from planner.store import PatientStore
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.apply_modification(Delay(3, 7), "ANC 0.9")
    with PatientStore.open(tmp_path / "ward.sqlite3", actor="nurse.b") as other:
        record = other.get_patient("12345")
        other.add_modification("12345", Delay(5, 2), "clinic closed", expected_version=record.version)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.menu_actions.undo.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert "nurse.b" in shown[0]
    # The window now shows the stored record (both delays), and there is nothing left to undo.
    qtbot.waitUntil(lambda: len(window.document.record.active_modifications()) == 2)
    assert window.calendar.cell(START + timedelta(days=49)).day.day == 1
    assert not window.menu_actions.undo.isEnabled()


def test_searching_keeps_the_open_patient_until_another_is_picked(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    add_patient(window.store, mrn="67890", name="Li Na")
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None and window.patients.model.rowCount() == 2)
    qtbot.keyClicks(window.patients.search, "li n")
    assert window.patients.proxy.rowCount() == 1
    # Typing only filters: the one match is not opened by itself...
    assert window.document.mrn == "12345" and window.patients.current_mrn() == "12345"
    # ...Enter opens it.
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Return)
    assert window.document.mrn == "67890"
    qtbot.keyClicks(window.patients.search, "zzz")
    assert window.patients.proxy.rowCount() == 0
    # A search matching nobody leaves the open patient on screen.
    assert window.document.mrn == "67890" and window.pages.currentIndex() == PAGE_PATIENT
    assert window.patients.count.text() == "0 of 2 patients"


def test_typing_in_the_filter_never_switches_the_open_patient(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store, mrn="A1", name="Chen Wei", dob=date(1960, 3, 1))
    add_patient(window.store, mrn="A2", name="Chen Wei", dob=date(1971, 8, 9))
    add_patient(window.store, mrn="A3", name="Chen Wei", dob=date(1985, 12, 30))
    add_patient(window.store, mrn="B1", name="Cheng Hao")
    add_patient(window.store, mrn="Z9", name="Zhou Min")
    window.refresh_list("Z9")
    qtbot.waitUntil(lambda: window.document is not None and window.patients.model.rowCount() == 5)
    opened = []
    window.patients.patientSelected.connect(opened.append)
    for key in "chen w":
        qtbot.keyClicks(window.patients.search, key)
        assert window.document.mrn == "Z9", f"typing {key!r} switched the open patient"
    assert window.patients.proxy.rowCount() == 3
    # Enter with three matches moves to the list and opens nobody: the nurse picks the row.
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Return)
    assert opened == [] and window.document.mrn == "Z9"
    assert window.patients.table.hasFocus() or not window.isActiveWindow()
    # A click (or Enter / double-click) on a row opens that patient.
    table = window.patients.table
    row = next(r for r in range(3) if table.model().index(r, 0).data(SUMMARY_ROLE).mrn == "A2")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.mrn == "A2" and opened == ["A2"]
    # The three share a name: each row shows its date of birth and a warning icon, and so does the header.
    texts = sorted(table.model().index(r, 0).data() for r in range(3))
    assert texts == ["Chen Wei · 1960-03-01", "Chen Wei · 1971-08-09", "Chen Wei · 1985-12-30"]
    assert table.model().index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert window.header.badge_widget("same-name") is not None
    assert "1971" in window.header.identity.text()
    # Zhou Min shares her name with nobody: no flag.
    window.patients.search.clear()
    window.patients.select("Z9")
    assert window.header.badge_widget("same-name") is None


def test_a_day_clicked_in_the_calendar_selects_its_cycle(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.cycles.selected_cycle() == 2  # today is in cycle 2
    window.calendar.daySelected.emit(START + timedelta(days=43))  # cycle 3 day 2
    assert window.cycles.selected_cycle() == 3
    assert window._selected_cycle == 3


def test_edit_patient_saves_identity_and_a_refusal_keeps_the_dialog_open(qtbot, window, monkeypatch):
    from planner.gui.dialogs.patient_dialog import PatientDialog
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)

    def fill(dialog: PatientDialog) -> None:
        dialog.allergies.setText("Penicillin (rash)")
        qtbot.keyClicks(dialog.notes, "lives alone")

    monkeypatch.setattr(PatientDialog, "exec", fake_exec(fill))
    window.menu_actions.edit_patient.trigger()
    record = window.store.get_patient("12345")
    assert record.identity.allergies == "Penicillin (rash)" and record.identity.notes == "lives alone"
    assert "Penicillin" in window.header.allergies.text()

    # A store refusal (here: the name emptied behind the form's back) leaves the dialog open.
    from planner.core.errors import InputError

    def refuse(identity, prescriber=None):
        raise InputError("name", "Name: refused by the store.")

    monkeypatch.setattr(window.document, "update_identity", refuse)
    results = []

    def fill_and_check(dialog: PatientDialog) -> None:
        qtbot.keyClicks(dialog.notes, "!")

    def exec_(dialog):
        fill_and_check(dialog)
        dialog.save_button.click()
        results.append((dialog.result(), dialog.field_message("name")))
        return dialog.result()

    monkeypatch.setattr(PatientDialog, "exec", exec_)
    window.menu_actions.edit_patient.trigger()
    assert results == [(0, "Name: refused by the store.")]


def test_undo_and_redo_say_what_they_did_and_the_cycle_menu_offers_the_actions(qtbot, window):
    from planner.core.modifications import Delay
    from tests.gui.shell_helpers import add_patient

    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.apply_modification(Delay(3, 7), "ANC 0.9")
    window.menu_actions.undo.trigger()
    assert window.statusBar().currentMessage().startswith("Undone: Delay cycle 3")
    window.menu_actions.redo.trigger()
    assert window.statusBar().currentMessage().startswith("Redone: Delay cycle 3")

    menu = window.cycles.context_menu_for(2)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:6] == [window.cycles.action_button(k).text() for k in
                         ("delay", "dose_level", "omit", "stop", "weight", "given")]
    seen = []
    window.cycles.actionRequested.connect(lambda key, cycle: seen.append((key, cycle)))
    menu.actions()[-1].trigger()  # Dose check of cycle 2
    assert seen == [("dose_check", 2)]
    assert window.dose_panel.result() is None and "cycle 2" in window.dose_panel._title.text()


def test_a_change_of_a_cycle_recorded_as_given_is_refused_in_a_message_box(qtbot, window, monkeypatch):
    from decimal import Decimal

    from planner.core.modifications import Delay, DoseLevelChange
    from tests.gui.shell_helpers import add_patient

    record = add_patient(window.store)
    record = window.store.record_dose_check("12345", cycle=2, drug="epirubicin", calculated_mg=Decimal(164),
        checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li", second_checker="Chen",
        expected_version=record.version)
    window.store.record_administration("12345", cycle=2, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                       given_on=date(2026, 1, 26), expected_version=record.version)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    assert not window.apply_modification(Delay(2, 7), "ANC 0.9")
    assert not window.apply_modification(DoseLevelChange("epirubicin", 1, Decimal(75)), "toxicity")
    assert [title for title, _ in shown] == ["Not saved", "Not saved"]
    for (_, text), cycle in zip(shown, (2, 1), strict=True):
        assert text.startswith(f"Cycle {cycle}: this change would rewrite a dose already recorded as given "
                               "(epirubicin on day 1 of cycle 2, 2026-01-26). Make the change from cycle 3 on")
    assert window.store.get_patient("12345").modifications == ()
    assert window.document.undo_stack.count() == 0
    # From the next cycle on it is saved as usual.
    assert window.apply_modification(Delay(3, 7), "ANC 0.9")


def test_a_dose_change_after_its_double_check_makes_the_check_due_again(qtbot, window, monkeypatch):
    from decimal import Decimal

    from planner.core.modifications import DoseLevelChange
    from planner.gui.views.dose_check_panel import DoseCheckRequest
    from tests.gui.shell_helpers import add_patient

    record = add_patient(window.store)
    window.store.record_dose_check("12345", cycle=2, drug="epirubicin", calculated_mg=Decimal(164),
                                   checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="AL",
                                   second_checker="MK", expected_version=record.version)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.header.badge_widget("dose-check-due") is None  # today is in cycle 2, checked at 164 mg
    assert window.apply_modification(DoseLevelChange("epirubicin", 2, Decimal(75)), "neutropenia")
    badge = window.header.badge_widget("dose-check-due")
    assert badge is not None and "checked at 164 mg; the plan now calculates 137 mg" in badge.toolTip()
    history = window.dose_panel.findChild(QListWidget)
    assert "passed, outdated (the plan now calculates 137 mg)" in history.item(0).text()
    # A check still showing the old dose (e.g. from another window) is refused, not recorded.
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    request = DoseCheckRequest(cycle=2, drug="epirubicin", calculated_mg=Decimal(164), checked_mg=Decimal(164),
                               tolerance_pct=Decimal(5), first_checker="AL", second_checker="MK")
    window.dose_panel.checkSubmitted.emit(request)
    assert shown and shown[0][1].startswith("Calculated dose: the plan now calculates 137 mg of epirubicin for "
                                            "cycle 2, not 164 mg")
    assert len(window.store.get_patient("12345").dose_checks) == 1
    window.dose_panel.checkSubmitted.emit(DoseCheckRequest(
        cycle=2, drug="epirubicin", calculated_mg=Decimal(137), checked_mg=Decimal(137), tolerance_pct=Decimal(5),
        first_checker="AL", second_checker="MK"))
    assert window.header.badge_widget("dose-check-due") is None


def test_an_infusion_on_a_closed_day_is_flagged_and_moved_in_one_click(qtbot, window):
    from tests.gui.shell_helpers import add_patient

    window.settings.set("clinic/holiday_region", "")
    window.settings.set("clinic/extra_closed_days", "2026-02-16")  # cycle 3's infusion day
    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    badge = window.header.badge_widget("infusion-on-closed-day")
    assert badge is not None and "Cycle 3" in badge.text() and "clinic closure day" in badge.toolTip()
    # Closed at weekends by default: the blood count before a Monday infusion is on the Friday.
    assert window.calendar.cell(date(2026, 2, 13)).day.blood_test
    assert not window.calendar.cell(date(2026, 2, 15)).day.blood_test
    button = window.header.move_button
    assert button.isVisibleTo(window) and "to 17 Feb 2026" in button.toolTip()
    button.click()
    assert window.calendar.cell(date(2026, 2, 17)).day.day == 1
    assert window.header.badge_widget("infusion-on-closed-day") is None and not button.isVisibleTo(window)
    [delay] = window.document.record.active_modifications()
    assert "Clinic closed on 2026-02-16" in delay.reason
    window.menu_actions.undo.trigger()  # one undoable step
    assert window.calendar.cell(date(2026, 2, 16)).day.day == 1
    assert window.header.badge_widget("infusion-on-closed-day") is not None


def test_printing_a_plan_with_an_infusion_on_a_closed_day_asks_first(qtbot, window, monkeypatch):
    from tests.gui.shell_helpers import add_patient

    window.settings.set("clinic/holiday_region", "")
    window.settings.set("clinic/extra_closed_days", "2026-02-16")
    add_patient(window.store)
    window.refresh_list("12345")
    qtbot.waitUntil(lambda: window.document is not None)
    asked, previews = [], []
    answer = ["cancel"]
    monkeypatch.setattr(window.exports, "closed_day_answer", lambda closed: asked.append(closed) or answer[0])

    class Preview:
        def __init__(self, source):
            previews.append(source)
            self.printer = None
            self.document = type("Choice", (), {"currentText": lambda _self: "calendar"})()

        def exec(self):
            return 0  # closed without printing

        def pdf_data(self):
            return None

        def dispose(self):
            pass

    monkeypatch.setattr(window.exports, "preview", Preview)
    window.exports.print_document()
    assert len(asked) == 1 and asked[0][0].on == date(2026, 2, 16) and previews == []  # cancelled: no preview
    answer[0] = "move"
    window.exports.print_document()
    assert window.calendar.cell(date(2026, 2, 17)).day.day == 1  # moved, then on to the preview
    assert len(previews) == 1 and previews[0].plan.cycle(3).start == date(2026, 2, 17)
    window.exports.print_document()  # nothing closed any more: straight to the preview
    assert len(asked) == 2 and len(previews) == 2
