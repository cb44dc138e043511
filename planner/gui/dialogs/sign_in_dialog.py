"""Signing in: the sign-in / lock dialog and the first-run "create the administrator" dialog.

A failed sign-in says only that the user name or password is wrong (the store's message), never whether
the user exists. Passwords are never kept beyond the call that checks them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.core import rules
from planner.core.errors import PlannerError
from planner.gui import style


def _message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {style.DANGER.text};")
    label.hide()
    return label


class SignInDialog(QDialog):
    """The sign-in and lock screen: user name and password. `attempt(user, password)` signs in or raises
    PlannerError (shown; the dialog stays open). It cannot be dismissed: only a sign-in (the same or another
    user) or Quit ends it; whatever is open under it (an unsaved dialog) stays as it was."""

    def __init__(self, attempt: Callable[[str, str], object], parent: QWidget | None = None, *,
                 intro: str = "", quit_app: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to Cycle Planner"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro or self.tr("Sign in with your user name and password."), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.user = QLineEdit(self)
        self.user.setMaxLength(rules.MAX_USER)
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = _message_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.sign_in_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.DestructiveRole)
        quit_button.clicked.connect(lambda: quit_app() if quit_app is not None else None)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.password.returnPressed.connect(self.accept)
        self.user.returnPressed.connect(lambda: self.password.setFocus(Qt.FocusReason.TabFocusReason))

    def accept(self) -> None:
        try:
            self._attempt(self.user.text().strip(), self.password.text())
        except PlannerError as exc:
            self.message.setText(exc.message)
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.message.hide()
        super().accept()

    def reject(self) -> None:
        """Escape or the window's close button: the lock stays until someone signs in (or Quit)."""

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""


class CreateAdminDialog(QDialog):
    """The first account: an administrator, who then adds the others (File > Accounts or `planner user`).
    `create(name, display_name, password)` saves it or raises PlannerError (shown next to the fields)."""

    def __init__(self, create: Callable[[str, str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create = create
        self.setObjectName("createAdminDialog")
        self.setWindowTitle(self.tr("Create the administrator"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Create the first account, an administrator. From then on everyone signs in with their own account "
            "and every change is recorded under their name; until then Cycle Planner works in single-user mode."),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.user = QLineEdit(self)
        self.user.setMaxLength(rules.MAX_USER)
        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(rules.MAX_NAME)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        layout.addLayout(form)
        self.message = _message_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.password.text() != self.again.text():
            self._show(self.tr("Password: the two entries differ."))
            return
        try:
            self._create(self.user.text().strip(), self.display_name.text().strip(), self.password.text())
        except PlannerError as exc:
            self._show(exc.message)
            return
        self.password.clear()
        self.again.clear()
        super().accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
