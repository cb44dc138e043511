"""Help > About: the version, the database (location and engine), whether accounts are on, and the audit
state from the same health check as `planner db check`. Its own module so the main window only connects
the action."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner import __version__
from planner.core.i18n import translate
from planner.store.about import DatabaseFacts, database_facts
from planner.store.store import PatientStore


def about_html(facts: DatabaseFacts | None) -> str:
    """The dialog's text; `facts` is None while the database is still being opened (or failed to open)."""
    rows: list[tuple[str, str]] = [(translate("About", "Version"), escape(__version__))]
    if facts is None:
        rows.append((translate("About", "Database"), escape(translate("About", "not open"))))
    else:
        if facts.problems:
            audit = escape(translate("About", "The database check found problems ({n}):").format(
                n=len(facts.problems))) + "<ul>" + "".join(f"<li>{escape(p)}</li>" for p in facts.problems) + "</ul>"
        else:
            audit = escape(translate("About", "OK (the database check found no problems)"))
        rows += [
            (translate("About", "Database"), escape(facts.location)),
            (translate("About", "Engine"), escape(facts.engine)),
            (translate("About", "Accounts"), escape(
                translate("About", "on ({n} users)").format(n=facts.users) if facts.accounts
                else translate("About", "off (single-user)"))),
            (translate("About", "Audit trail"), audit),
        ]
    table = "".join(f"<tr><td><b>{escape(label)}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>" for label, value in rows)
    # The description keeps its MainWindow context, so its existing translation still applies.
    description = translate("MainWindow", "<b>Cycle Planner</b><br>Plans chemotherapy cycles, shows every dose with "
                            "its calculation and records the independent double check.<br><br>Every number can be "
                            "traced: BSA with its formula and inputs, each dose as level x BSA = exact -> rounded.")
    return f"{description}<br><br><table>{table}</table>"


def show_about(parent: QWidget, store: PatientStore | None) -> None:
    # The health check reads the whole database (integrity check); a busy cursor while it runs.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        facts = database_facts(store) if store is not None else None
    finally:
        QApplication.restoreOverrideCursor()
    QMessageBox.about(parent, translate("MainWindow", "About Cycle Planner"), about_html(facts))
