"""Load the interface translation (`resources/translations/planner_<lang>.qm`) and route the core's
messages through Qt's translator, so one .qm file covers the GUI and the Qt-free layers alike."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.core.i18n import set_translator


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the planner's and Qt's own translations for `language` when they exist ("en" needs none).

    Returns the translators (the caller keeps them alive). The core always gets Qt's translate function,
    so a translation loaded later applies to its messages too.
    """
    set_translator(QCoreApplication.translate)
    installed: list[QTranslator] = []
    if not language or language == "en":
        return installed
    folder = resources.files("planner.resources") / "translations"
    entry = folder / f"planner_{language}.qm"
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
