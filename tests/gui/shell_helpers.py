"""Helpers for the shell tests: patients in a store under tmp_path, with a fixed 'today'."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.store import PatientIdentity, PatientRecord, PatientStore, PatientSummary

START = date(2026, 1, 5)
TODAY = date(2026, 2, 2)  # cycle 2 day 8


def add_patient(store: PatientStore, mrn: str = "12345", name: str = "Wang Fang", dob: date = date(1970, 3, 1),
                **overrides: object) -> PatientRecord:
    kwargs: dict[str, object] = {"height_cm": Decimal(170), "weight_kg": Decimal(70),
                                 "measured_on": date(2026, 1, 2), "regimen_id": "anlotinib-epirubicin",
                                 "start": START}
    kwargs.update(overrides)
    return store.add_patient(PatientIdentity(name=name, mrn=mrn, dob=dob, sex="F"),
                             **kwargs)  # type: ignore[arg-type]


def summary(mrn: str, name: str, next_dose: date | None, cycle: int | None = 1,
            status: str = "on treatment") -> PatientSummary:
    return PatientSummary(mrn=mrn, name=name, regimen_id="anlotinib-epirubicin", current_cycle=cycle,
                          next_dose_date=next_dose, status=status, dob=None, version=1)


def refuse_message_boxes(monkeypatch, kinds: tuple[str, ...] = ("warning", "question")) -> None:
    """A test that expects no warning (or question) box fails with what the box would have said."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for kind in kinds:
        monkeypatch.setattr(QMessageBox, kind, unexpected)


def open_window(qtbot, location, size: tuple[int, int] | None = None):
    """The main window, shown, with the database at `location` opened (on the worker thread)."""
    from planner.gui.main_window import MainWindow
    from planner.gui.settings import Settings

    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    win.open_database(location)
    qtbot.waitUntil(lambda: win.store is not None, timeout=15000)
    return win
