"""Accounts in the main window: sign-in when the database has accounts, the lock after an idle time, the
signed-in user in the status bar, File > Sign out and File > Create administrator (single-user mode).

Kept out of main_window.py: the window calls `install_accounts` once, `database_opened` when a store is
open, and asks `checker_name` for the dose-check panel. Writes are refused by the store itself without a
signed-in user, so a lock screen that failed to appear could still not record anything under nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from planner.gui.dialogs.sign_in_dialog import SignInDialog
    from planner.store import PatientStore

# What counts as someone using the window (restarts the idle clock).
_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                       QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class AccountsController(QObject):
    """Sign-in state of one main window."""

    def __init__(self, window: QMainWindow, lock_minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self.store: PatientStore | None = None
        self.dialog: SignInDialog | None = None
        self._hidden: list[QWidget] = []  # what the lock screen hid, shown again on sign-in
        self._last_user: str | None = None  # who signed in last (a different one next: undo stacks cleared)
        self.status = QLabel(window)
        self.status.setObjectName("signedInLabel")
        window.statusBar().addPermanentWidget(self.status)
        self.sign_out_action = QAction(window)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.create_admin_action = QAction(window)
        self.create_admin_action.setObjectName("createAdminAction")
        self.create_admin_action.triggered.connect(self.create_admin)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_minutes(lock_minutes)
        # The idle clock watches every event of the application while it runs, i.e. while someone is
        # signed in; in single-user mode nothing is watched (an application-wide Python event filter also
        # slows every event, the first paint included).
        self._watching = False
        self._ready = False  # the window learns of changes once install_accounts has returned the controller
        self._accounts_on = False
        self.retranslate()

    # ------------------------------------------------------------------ state

    @property
    def accounts_on(self) -> bool:
        """Read once per database (and after an account is made), not on every repaint or retranslation:
        words of the window must not wait on, or fail with, the database."""
        return self.store is not None and self._accounts_on

    def _read_accounts_state(self) -> None:
        from planner.store.errors import StoreError

        try:
            self._accounts_on = self.store is not None and self.store.accounts_enabled()
        except StoreError:  # the database went away (closed, or its server stopped): keep what was known
            pass

    @property
    def locked(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    def checker_name(self) -> str | None:
        """The dose check's first checker with accounts on (the signed-in user); None in single-user mode."""
        if self.store is None or self.store.signed_in is None:
            return None
        return self.store.signed_in.user

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_ms(max(1, minutes) * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        self.idle.setInterval(ms)
        if self.idle.isActive():
            self.idle.start()

    @property
    def watching_activity(self) -> bool:
        """True while the application's events restart the idle clock (someone is signed in)."""
        return self._watching

    def _start_idle_clock(self) -> None:
        self.idle.start()
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def _stop_idle_clock(self) -> None:
        self.idle.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.idle.isActive():
            self.idle.start()  # restart the clock
        return False

    # ------------------------------------------------------------------ flow

    def database_opened(self, store: PatientStore) -> None:
        self.store = store
        self._read_accounts_state()
        if not self.accounts_on:
            self._stop_idle_clock()  # a single-user database: no one to lock out
        if self.accounts_on and store.signed_in is None:
            self._ask(self.tr("This database has user accounts: sign in to continue."))
        self._update()

    def sign_out(self) -> None:
        if self.store is None:
            return
        self._read_accounts_state()
        self.store.sign_out()
        self._ask(self.tr("Signed out. Sign in to continue (the same or another user)."))
        self._update()

    def lock(self) -> None:
        """After the idle time: nobody is signed in until someone signs in again over whatever is open."""
        if self.store is None or not self.accounts_on or self.locked:
            return
        self.store.sign_out()
        minutes = max(1, self.idle.interval() // 60_000)
        self._ask(self.tr("Locked after {n} minutes without use. Sign in to continue (the same or another "
                          "user); anything you were entering is kept.").format(n=minutes))
        self._update()

    def _ask(self, intro: str) -> None:
        self._stop_idle_clock()
        # Nobody signed in sees no patient: the window's content is hidden under the lock (dialogs that were
        # open stay as they are, with what was typed in them).
        for widget in (self.window.centralWidget(), *self.window.findChildren(QDockWidget)):
            if widget is not None and widget.isVisible():
                widget.hide()
                self._hidden.append(widget)
        if self.dialog is not None:
            self.dialog.intro.setText(intro)
            self.dialog.show()
            return
        from planner.gui.dialogs.sign_in_dialog import SignInDialog  # not on the start-up path

        self.dialog = SignInDialog(self._attempt, self.window, intro=intro, quit_app=self.window.close)
        self.dialog.accepted.connect(self._signed_in)
        self.dialog.open()

    def _attempt(self, user: str, password: str) -> None:
        assert self.store is not None
        before = self._last_user
        signed = self.store.sign_in(user, password)
        if before is not None and before != signed.user:
            changed = getattr(self.window, "user_changed", None)
            if callable(changed):  # undo stacks hold the previous user's changes: not someone else's to undo
                changed()
        self._last_user = signed.user

    def _signed_in(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        for widget in self._hidden:
            widget.show()
        self._hidden.clear()
        self._start_idle_clock()
        self._update()

    def create_admin(self) -> None:
        from planner import operations
        from planner.core.roles import Role

        store = self.store
        if store is None or self.accounts_on:
            return

        def create(name: str, display_name: str, password: str) -> None:
            operations.add_user(store.repository, name, role=Role.ADMINISTRATOR, password=password,
                                display_name=display_name)
            signed = store.sign_in(name, password)
            self._last_user = signed.user

        from planner.gui.dialogs.sign_in_dialog import CreateAdminDialog

        dialog = CreateAdminDialog(create, self.window)
        dialog.setObjectName("createAdminDialog")
        dialog.accepted.connect(self._admin_created)
        dialog.open()

    def _admin_created(self) -> None:
        self._read_accounts_state()
        self._start_idle_clock()
        self._update()

    # ------------------------------------------------------------------ words

    def _update(self) -> None:
        store = self.store
        self.create_admin_action.setVisible(store is not None and not self.accounts_on)
        self.sign_out_action.setVisible(self.accounts_on)
        self.sign_out_action.setEnabled(store is not None and store.signed_in is not None)
        if store is None:
            self.status.setText("")
        elif store.signed_in is not None:
            self.status.setText(self.tr("Signed in: {user} ({role})").format(
                user=store.signed_in.user, role=store.signed_in.role.value))
        elif self.accounts_on:
            self.status.setText(self.tr("Locked: sign in"))
        else:
            self.status.setText(self.tr("Accounts off (single-user): changes recorded as {user}").format(
                user=store.actor))
        refresh = getattr(self.window, "accounts_changed", None)
        if self._ready and callable(refresh):
            refresh()

    def retranslate(self) -> None:
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.sign_out_action.setToolTip(self.tr("Sign out; the window stays open for the next user to sign in"))
        self.create_admin_action.setText(self.tr("Create &administrator account..."))
        self.create_admin_action.setToolTip(self.tr("Switch on user accounts: create the first administrator"))
        self._update()


def install_accounts(window: QMainWindow, file_menu: QMenu, before: QAction, lock_minutes: int) -> AccountsController:
    """The controller, with its actions in the File menu just before `before` (Quit)."""
    controller = AccountsController(window, lock_minutes)
    file_menu.insertAction(before, controller.create_admin_action)
    file_menu.insertAction(before, controller.sign_out_action)
    controller._ready = True
    return controller
