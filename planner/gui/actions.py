"""The window's actions (menus, toolbar, shortcuts) in one place, so menus and toolbar never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

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
    file_menu: QMenu
    edit_menu: QMenu
    help_menu: QMenu
    end_treatment: QAction  # Edit > End treatment... (open-ended maintenance ends only here)


Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def build_actions(window: QMainWindow, undo: QAction, redo: QAction) -> Actions:
    """The actions, menus and toolbar; their words are set by `retranslate_actions` (again on a language change)."""

    def action(icon_name: str, shortcut: Shortcut = None) -> QAction:
        act = QAction(icon(icon_name), "", window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        return act

    new_patient = action("patient-new", QKeySequence.StandardKey.New)
    demo_patient = action("demo")
    edit_patient = action("patient-edit", "Ctrl+E")
    withdraw_patient = action("patient-withdraw")
    find = action("search", QKeySequence.StandardKey.Find)
    preferences = action("preferences", QKeySequence.StandardKey.Preferences)
    if preferences.shortcut().isEmpty():
        preferences.setShortcut(QKeySequence("Ctrl+,"))  # no platform default on Linux / Windows
    quit_action = action("quit", QKeySequence.StandardKey.Quit)
    if quit_action.shortcut().isEmpty():
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    about = action("about")
    style_undo_actions(undo, redo)

    menu = window.menuBar()
    file_menu = menu.addMenu("")
    file_menu.addAction(new_patient)
    file_menu.addAction(demo_patient)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)
    edit_menu = menu.addMenu("")
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(find)
    edit_menu.addAction(edit_patient)
    edit_menu.addAction(withdraw_patient)
    end_treatment = action("patient-withdraw")
    edit_menu.addAction(end_treatment)
    edit_menu.addSeparator()
    edit_menu.addAction(preferences)
    help_menu = menu.addMenu("")
    help_menu.addAction(about)

    toolbar = window.addToolBar("")
    toolbar.setObjectName("mainToolbar")
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
    actions = Actions(new_patient, demo_patient, edit_patient, withdraw_patient, find, undo, redo, preferences,
                      quit_action, about, toolbar, file_menu, edit_menu, help_menu, end_treatment)
    retranslate_actions(actions)
    return actions


def style_undo_actions(undo: QAction, redo: QAction) -> None:
    """Icons and keys of the undo group's actions (made again when the language changes: see MainWindow)."""
    undo.setIcon(icon("undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setIcon(icon("redo"))
    # Ctrl+Shift+Z everywhere, plus the platform's own redo key when it differs (Ctrl+Y on Windows).
    redo_keys = [QKeySequence("Ctrl+Shift+Z")]
    redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
    redo.setShortcuts(redo_keys)


def retranslate_actions(actions: Actions) -> None:
    """Set every word of the actions, menus and toolbar in the current language."""

    def words(act: QAction, text: str, tip: str) -> None:
        act.setText(text)
        act.setStatusTip(tip)
        act.setToolTip(tip)

    words(actions.new_patient, translate("MainWindow", "&New patient..."),
          translate("MainWindow", "Add a patient and plan their treatment"))
    words(actions.demo_patient, translate("MainWindow", "Add &demo patient"),
          translate("MainWindow", "Add a demo patient mid-treatment to look around"))
    words(actions.edit_patient, translate("MainWindow", "&Edit patient..."),
          translate("MainWindow", "Edit the selected patient's details"))
    words(actions.withdraw_patient, translate("MainWindow", "&Withdraw patient..."),
          translate("MainWindow", "Withdraw the selected patient from active treatment (kept on record)"))
    words(actions.end_treatment, translate("MainWindow", "E&nd treatment..."),
          translate("MainWindow", "End the treatment (progression, toxicity, patient's choice, death, other): "
                                  "the plan stops after the cycle in progress"))
    words(actions.find, translate("MainWindow", "&Find patient"),
          translate("MainWindow", "Search patients by name or MRN"))
    words(actions.preferences, translate("MainWindow", "&Preferences..."),
          translate("MainWindow", "BSA formula, rounding, tolerance, printouts"))
    words(actions.quit, translate("MainWindow", "&Quit"), translate("MainWindow", "Close Cycle Planner"))
    words(actions.about, translate("MainWindow", "&About Cycle Planner"),
          translate("MainWindow", "Version and where the clinical facts come from"))
    actions.file_menu.setTitle(translate("MainWindow", "&File"))
    actions.edit_menu.setTitle(translate("MainWindow", "&Edit"))
    actions.help_menu.setTitle(translate("MainWindow", "&Help"))
    actions.toolbar.setWindowTitle(translate("MainWindow", "Main toolbar"))
    actions.toolbar.setAccessibleName(translate("MainWindow", "Main toolbar"))
