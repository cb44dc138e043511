"""Load the interface translation (`resources/translations/planner_<lang>.qm`) and route the core's
messages through Qt's translator, so one .qm file covers the GUI and the Qt-free layers alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.core.i18n import set_interface_language, set_translator
from planner.core.shipped import shipped_file
from planner.gui.settings import LANGUAGES


def _folder() -> Any:
    return shipped_file("translations")


def _shipped(suffix: str, folder: Any = None) -> set[str]:
    """Language codes with a `planner_<lang><suffix>` file in the translations folder."""
    folder = folder if folder is not None else _folder()
    if not folder.is_dir():
        return set()
    return {entry.name[len("planner_"):-len(suffix)] for entry in folder.iterdir()
            if entry.name.startswith("planner_") and entry.name.endswith(suffix)}


def available_languages(folder: Any = None) -> dict[str, str]:
    """English plus every language a `planner_<lang>.qm` file is shipped for (code -> name)."""
    languages = {"en": LANGUAGES["en"]}
    for code in sorted(_shipped(".qm", folder)):
        languages[code] = LANGUAGES.get(code, code)
    return languages


def pending_languages(folder: Any = None) -> dict[str, str]:
    """Languages whose template (`planner_<lang>.ts`) is shipped but not translated and compiled yet:
    offered in Preferences as "not available yet" rather than as a choice that would change nothing."""
    return {code: LANGUAGES.get(code, code) for code in sorted(_shipped(".ts", folder) - _shipped(".qm", folder))}


def install_translators(app: QCoreApplication, language: str, folder: Path | None = None) -> list[QTranslator]:
    """Install the planner's and Qt's own translations for `language` when they exist ("en" needs none).

    Returns the translators (the caller keeps them alive). The core always gets Qt's translate function,
    so a translation loaded later applies to its messages too.
    """
    set_translator(QCoreApplication.translate)
    _show_dates_in("en")
    installed: list[QTranslator] = []
    if not language or language == "en":
        return installed
    entry = (folder or _folder()) / f"planner_{language}.qm"
    if entry.is_file():
        translator = QTranslator(app)
        if translator.load(str(entry)):
            app.installTranslator(translator)
            installed.append(translator)
            # Only with the translation in place: English words around Chinese dates would read oddly.
            _show_dates_in(language)
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_folder):
        app.installTranslator(qt_translator)  # standard buttons (Save, Cancel) and dialogs
        installed.append(qt_translator)
    return installed


_in_use: list[QTranslator] = []


def use_language(language: str, folder: Path | None = None) -> list[QTranslator]:
    """Switch the running application to `language`: the translators installed by the previous call are
    removed and the new ones installed, and Qt sends every widget a LanguageChange event (windows retranslate
    themselves, see MainWindow.retranslate). Keeps the translators alive; returns them."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _in_use:
        app.removeTranslator(translator)
    _in_use[:] = install_translators(app, language, folder)
    return list(_in_use)


def _show_dates_in(language: str) -> None:
    """Dates and numbers on screen follow the chosen language, not the operating system's: the core's
    formatting module (Babel) and any QLocale() a widget still makes both take it from here."""
    set_interface_language(language)
    QLocale.setDefault(QLocale(language))
