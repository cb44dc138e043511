"""Accounts in the window: single-user mode and the first administrator, sign-in (wrong password refused
without saying whether the user exists), the lock after idle time and unlocking (the same or another user,
an unsaved dialog kept), File > Sign out, and the two-person double check in the dose-check panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QVBoxLayout

from planner import operations
from planner.core.roles import Role
from planner.gui.main_window import MainWindow
from planner.gui.settings import Settings
from planner.store import PatientStore
from tests.gui.shell_helpers import TODAY, add_patient, open_window

ADMIN_PW = "admin-secret-1"
PW = "nurse-secret-1"


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def ward(tmp_path):
    """A database with accounts on (an administrator, two nurses, a pharmacist) and one patient."""
    path = tmp_path / "ward.sqlite3"
    with PatientStore.open(path) as store:
        operations.add_user(store.repository, "boss", role=Role.ADMINISTRATOR, password=ADMIN_PW)
        store.sign_in("boss", ADMIN_PW)
        for name, role in (("nurse.a", Role.NURSE), ("nurse.b", Role.NURSE), ("pharm", Role.PHARMACIST)):
            operations.add_user(store.repository, name, role=role, password=PW)
        store.sign_in("nurse.a", PW)
        add_patient(store)
    return path


def _window(qtbot, path) -> MainWindow:
    return open_window(qtbot, path)


def _sign_in(qtbot, win: MainWindow, user: str, password: str) -> str:
    dialog = win.accounts.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.user.setText(user)
    dialog.password.setText(password)
    dialog.sign_in_button.click()
    return dialog.message_text()


def test_single_user_mode_and_creating_the_first_administrator(qtbot, tmp_path, warnings):
    win = _window(qtbot, tmp_path / "new.sqlite3")
    assert win.accounts.dialog is None
    assert win.accounts.status.text().startswith("Accounts off (single-user): changes recorded as ")
    assert win.accounts.create_admin_action.isVisible() and not win.accounts.sign_out_action.isVisible()
    assert win.empty_state.accounts_button.isVisible()  # offered on the welcome page too
    win.empty_state.accounts_button.click()
    dialog = win.findChild(QDialog, "createAdminDialog")
    dialog.user.setText("boss")
    dialog.password.setText(ADMIN_PW)
    dialog.again.setText("something else")
    dialog.accept()
    assert dialog.isVisible() and "differ" in dialog.message.text()
    dialog.again.setText(ADMIN_PW)
    dialog.accept()
    assert not dialog.isVisible()
    assert win.store.accounts_enabled() and win.store.signed_in.user == "boss"
    assert win.accounts.status.text() == "Signed in: boss (administrator)"
    assert not win.accounts.create_admin_action.isVisible() and win.accounts.sign_out_action.isEnabled()
    assert not win.empty_state.accounts_button.isVisible()
    assert warnings == []
    win.close()


def test_sign_in_wrong_password_then_right(qtbot, ward):
    win = _window(qtbot, ward)
    assert win.accounts.locked and win.store.signed_in is None
    assert win.accounts.status.text() == "Locked: sign in"
    wrong = _sign_in(qtbot, win, "nurse.a", "not the password")
    unknown = _sign_in(qtbot, win, "nobody", PW)
    assert wrong == unknown == "Sign-in failed: the user name or password is wrong."
    assert win.accounts.locked and win.accounts.dialog.password.text() == ""
    win.accounts.dialog.reject()  # Escape does not dismiss it
    assert win.accounts.locked
    assert _sign_in(qtbot, win, "nurse.a", PW) == ""
    assert not win.accounts.locked
    assert win.store.signed_in.user == "nurse.a"
    assert win.accounts.status.text() == "Signed in: nurse.a (nurse)"
    win.close()


def test_lock_after_idle_time_keeps_an_unsaved_dialog_and_another_user_can_unlock(qtbot, ward):
    win = _window(qtbot, ward)
    _sign_in(qtbot, win, "nurse.a", PW)
    unsaved = QDialog(win)
    edit = QLineEdit(unsaved)
    QVBoxLayout(unsaved).addWidget(edit)
    unsaved.show()
    edit.setText("half typed")
    win.accounts.set_idle_ms(50)
    win.accounts.idle.start()
    qtbot.waitUntil(lambda: win.accounts.locked, timeout=5000)
    assert win.store.signed_in is None
    assert "Locked after" in win.accounts.dialog.intro.text()
    assert not win.centralWidget().isVisible()  # no patient shown to whoever walks by
    with pytest.raises(Exception, match="Sign in first"):
        win.store.withdraw_patient("12345", "test", expected_version=win.store.get_patient("12345").version)
    assert _sign_in(qtbot, win, "nurse.b", PW) == ""
    assert win.store.signed_in.user == "nurse.b"
    assert unsaved.isVisible() and edit.text() == "half typed"
    assert win.centralWidget().isVisible()
    win.close()


def test_sign_out(qtbot, ward):
    win = _window(qtbot, ward)
    _sign_in(qtbot, win, "nurse.a", PW)
    win.accounts.sign_out_action.trigger()
    assert win.store.signed_in is None and win.accounts.locked
    assert _sign_in(qtbot, win, "pharm", PW) == ""
    assert win.accounts.status.text() == "Signed in: pharm (pharmacist)"
    win.close()


def test_two_person_double_check_in_the_panel(qtbot, ward, warnings):
    win = _window(qtbot, ward)
    _sign_in(qtbot, win, "nurse.a", PW)
    win.refresh_list("12345")
    qtbot.waitUntil(lambda: win.document is not None, timeout=15000)
    panel = win.dose_panel
    assert panel.first_edit.text() == "nurse.a" and panel.first_edit.isReadOnly()
    assert panel.secret_edit.isVisibleTo(panel)
    panel.drug_combo.setCurrentIndex(panel.drug_combo.findData("epirubicin"))
    dose = next(d for d in win.document.plan.cycles[0].doses if d.drug.id == "epirubicin").dose_mg
    panel.checked_edit.setText(str(dose))
    panel.second_edit.setText("NURSE.A")  # the same person
    panel.secret_edit.setText(PW)
    assert not panel.submit_button.isEnabled() and "two different people" in panel.initials_message()
    panel.second_edit.setText("pharm")
    panel.secret_edit.setText("wrong password")
    assert panel.submit_button.isEnabled()
    panel.submit_button.click()
    assert warnings == ["Second checker: the user name or password/PIN is wrong."]
    assert win.store.get_patient("12345").dose_checks == ()
    panel.checked_edit.setText(str(dose))
    panel.second_edit.setText("pharm")
    panel.secret_edit.setText(PW)
    panel.submit_button.click()
    checks = win.store.get_patient("12345").dose_checks
    assert [(c.first_checker, c.second_checker) for c in checks] == [("nurse.a", "pharm")]
    assert panel.secret_edit.text() == "" and panel.first_edit.text() == "nurse.a"
    assert win.store.audit_log("12345")[-1].actor == "nurse.a"
    # Locked and unlocked by the same user: the check being entered stays; another user becomes the first checker.
    panel.second_edit.setText("pharm")
    win.accounts.lock()
    assert _sign_in(qtbot, win, "nurse.a", PW) == ""
    assert panel.second_edit.text() == "pharm" and panel.first_edit.text() == "nurse.a"
    win.accounts.lock()
    assert _sign_in(qtbot, win, "nurse.b", PW) == ""
    assert panel.first_edit.text() == "nurse.b" and panel.second_edit.text() == ""
    win.close()


def test_the_lock_time_is_a_preference(qtbot):
    from planner.gui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.lock_minutes.value() == 10
    dialog.lock_minutes.setValue(3)
    dialog._save()
    assert Settings().get("security/lock_minutes") == 3
    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    assert win.accounts.idle.interval() == 3 * 60_000


def test_the_idle_clock_watches_events_only_while_someone_is_signed_in(qtbot, ward, tmp_path):
    # Single-user: nobody to lock out, and no application-wide event filter slowing every event.
    single = _window(qtbot, tmp_path / "single.sqlite3")
    assert not single.accounts.watching_activity and not single.accounts.idle.isActive()
    single.close()
    win = _window(qtbot, ward)
    assert not win.accounts.watching_activity  # the sign-in dialog is up: the clock waits for someone
    _sign_in(qtbot, win, "nurse.a", PW)
    assert win.accounts.watching_activity and win.accounts.idle.isActive()
    win.accounts.set_idle_ms(400)
    qtbot.wait(250)
    qtbot.keyClick(win, "a")  # use of the window restarts the clock
    qtbot.wait(250)
    assert not win.accounts.locked
    qtbot.waitUntil(lambda: win.accounts.locked, timeout=5000)
    assert not win.accounts.watching_activity  # locked: nothing to restart until someone signs in
    win.close()
