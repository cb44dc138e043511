"""The window's actions (menus, toolbar, shortcuts) in one place, so menus and toolbar never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from planner.core.i18n import translate
from planner.gui.icons import icon


@dataclass
class Actions:
    new_patient: QAction
    demo_patient: QAction
    edit_patient: QAction
    withdraw_patient: QAction
    find: QAction
    undo: QAction
    redo: QAction
    preferences: QAction
    quit: QAction
    about: QAction
    toolbar: QToolBar


Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def build_actions(window: QMainWindow, undo: QAction, redo: QAction) -> Actions:

    def action(text: str, icon_name: str | None, tip: str, shortcut: Shortcut = None) -> QAction:
        act = QAction(icon(icon_name), text, window) if icon_name else QAction(text, window)
        act.setStatusTip(tip)
        act.setToolTip(tip)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        return act

    new_patient = action(translate("MainWindow", "&New patient..."), "patient-new",
                         translate("MainWindow", "Add a patient and plan their treatment"),
                         QKeySequence.StandardKey.New)
    demo_patient = action(translate("MainWindow", "Add &demo patient"), "demo",
                          translate("MainWindow", "Add a demo patient mid-treatment to look around"))
    edit_patient = action(translate("MainWindow", "&Edit patient..."), "patient-edit",
                          translate("MainWindow", "Edit the selected patient's details"), "Ctrl+E")
    withdraw_patient = action(
        translate("MainWindow", "&Withdraw patient..."), "patient-withdraw",
        translate("MainWindow", "Withdraw the selected patient from active treatment (kept on record)"))
    find = action(translate("MainWindow", "&Find patient"), "search",
                  translate("MainWindow", "Search patients by name or MRN"), QKeySequence.StandardKey.Find)
    preferences = action(translate("MainWindow", "&Preferences..."), "preferences",
                         translate("MainWindow", "BSA formula, rounding, tolerance, printouts"),
                         QKeySequence.StandardKey.Preferences)
    if preferences.shortcut().isEmpty():
        preferences.setShortcut(QKeySequence("Ctrl+,"))  # no platform default on Linux / Windows
    quit_action = action(translate("MainWindow", "&Quit"), "quit", translate("MainWindow", "Close Cycle Planner"),
                         QKeySequence.StandardKey.Quit)
    if quit_action.shortcut().isEmpty():
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    about = action(translate("MainWindow", "&About Cycle Planner"), "about",
                   translate("MainWindow", "Version and where the clinical facts come from"))

    undo.setIcon(icon("undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setIcon(icon("redo"))
    # Ctrl+Shift+Z everywhere, plus the platform's own redo key when it differs (Ctrl+Y on Windows).
    redo_keys = [QKeySequence("Ctrl+Shift+Z")]
    redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
    redo.setShortcuts(redo_keys)

    menu = window.menuBar()
    file_menu = menu.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(new_patient)
    file_menu.addAction(demo_patient)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)
    edit_menu = menu.addMenu(translate("MainWindow", "&Edit"))
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(find)
    edit_menu.addAction(edit_patient)
    edit_menu.addAction(withdraw_patient)
    edit_menu.addSeparator()
    edit_menu.addAction(preferences)
    help_menu = menu.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(about)

    toolbar = window.addToolBar(translate("MainWindow", "Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName(translate("MainWindow", "Main toolbar"))
    toolbar.setMovable(False)
    # Words beside the icons: a new user should not have to hover to learn what a button does.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for act in (new_patient, edit_patient, withdraw_patient):
        toolbar.addAction(act)
    toolbar.addSeparator()
    toolbar.addAction(undo)
    toolbar.addAction(redo)
    toolbar.addSeparator()
    toolbar.addAction(preferences)
    return Actions(new_patient, demo_patient, edit_patient, withdraw_patient, find, undo, redo, preferences,
                   quit_action, about, toolbar)
