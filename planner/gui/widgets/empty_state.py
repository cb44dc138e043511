"""What a first-time user sees on an empty database: what the app is for and the two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.gui.icons import icon


class EmptyState(QWidget):
    newPatientRequested = Signal()
    demoPatientRequested = Signal()
    accountsRequested = Signal()  # create the first administrator (offered while accounts are off)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(QSize(72, 72)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = title = QLabel()
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = text = QLabel()
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #444; font-size: 11pt;")
        self.new_button = QPushButton(icon("patient-new"), "")
        self.new_button.setDefault(True)
        self.new_button.setMinimumHeight(36)
        self.demo_button = QPushButton(icon("demo"), "")
        self.demo_button.setMinimumHeight(36)
        self.accounts_button = QPushButton("")
        self.accounts_button.setMinimumHeight(36)
        self.accounts_button.hide()  # shown by the window while the database has no account
        self.accounts_button.clicked.connect(self.accountsRequested)
        self.new_button.clicked.connect(self.newPatientRequested)
        self.demo_button.clicked.connect(self.demoPatientRequested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.accounts_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Welcome"))
        self.title.setText(self.tr("Welcome to Cycle Planner"))
        self.text.setText(self.tr(
            "There are no patients yet.\n"
            "Add a patient to plan their treatment cycles: the calendar, every dose with its calculation,\n"
            "and the double check of each dose. Or add a demo patient to look around first."))
        self.new_button.setText(self.tr("New patient..."))
        self.new_button.setAccessibleName(self.tr("New patient"))
        self.demo_button.setText(self.tr("Add a demo patient"))
        self.demo_button.setAccessibleName(self.tr("Add a demo patient"))
        self.accounts_button.setText(self.tr("Set up user accounts..."))
        self.accounts_button.setAccessibleName(self.tr("Set up user accounts: create the administrator"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
