"""Load the interface translation (`resources/translations/planner_<lang>.qm`) and route the core's
messages through Qt's translator, so one .qm file covers the GUI and the Qt-free layers alike."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.core.i18n import set_translator
from planner.gui.settings import LANGUAGES


def _folder() -> Any:
    return resources.files("planner.resources") / "translations"


def available_languages() -> dict[str, str]:
    """English plus every language a `planner_<lang>.qm` file is shipped for (code -> name)."""
    languages = {"en": LANGUAGES["en"]}
    folder = _folder()
    if folder.is_dir():
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith("planner_") and name.endswith(".qm"):
                code = name[len("planner_"):-len(".qm")]
                languages[code] = LANGUAGES.get(code, code)
    return languages


def install_translators(app: QCoreApplication, language: str, folder: Path | None = None) -> list[QTranslator]:
    """Install the planner's and Qt's own translations for `language` when they exist ("en" needs none).

    Returns the translators (the caller keeps them alive). The core always gets Qt's translate function,
    so a translation loaded later applies to its messages too.
    """
    set_translator(QCoreApplication.translate)
    installed: list[QTranslator] = []
    if not language or language == "en":
        return installed
    entry = (folder or _folder()) / f"planner_{language}.qm"
    if entry.is_file():
        translator = QTranslator(app)
        if translator.load(str(entry)):
            app.installTranslator(translator)
            installed.append(translator)
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_folder):
        app.installTranslator(qt_translator)  # standard buttons (Save, Cancel) and dialogs
        installed.append(qt_translator)
    return installed
