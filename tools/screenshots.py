"""Screenshots of the main window at the ward's screen sizes, for looking at (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--lang zh_CN] OUTDIR [1366x768 1280x1024 ...]

Each size runs in its own process on an offscreen screen of that size (Qt's offscreen platform reads the
screen geometry from a JSON config file), so the window sizes itself from the screen as it would on a ward PC.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = ("1280x720", "1366x768", "1280x1024", "1920x1080")
TASKBAR = 40  # what a desktop's panel typically takes off the available height


def run_one(outdir: Path, size: str, language: str = "en") -> None:
    from datetime import date
    from decimal import Decimal

    from PySide6.QtWidgets import QApplication

    from planner.gui import settings as settings_module

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp())
    settings_module.set_settings_path(str(work / "settings.ini"))
    settings_module.Settings().set("ui/language", language)
    from planner.gui.translations import use_language

    translators = use_language(language)  # noqa: F841 - kept alive while the shots are taken
    from planner.core.plan import PriorExposure
    from planner.gui.main_window import MainWindow
    from planner.store import PatientIdentity

    today = date(2026, 3, 11)
    window = MainWindow(settings_module.Settings(), today=today)
    window.show()
    window.open_database(work / "ward.sqlite3")

    def wait(condition: Callable[[], bool], limit: float = 15.0) -> None:
        import time

        end = time.monotonic() + limit
        while not condition() and time.monotonic() < end:
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    def shot(name: str) -> None:
        wait(lambda: False, 0.3)
        window.grab().save(str(outdir / f"{size}-{name}.png"))

    wait(lambda: window.store is not None)
    shot("1-empty")
    window.add_demo_patient()
    wait(lambda: window.patients.model.rowCount() == 1)
    shot("2-demo-calendar")
    assert window.plan is not None
    window.calendar.select_date(window.plan.cycle(3).start)  # a day with an infusion: the longest details
    shot("2b-demo-day-details")
    window.tabs.setCurrentWidget(window.cycles)
    shot("3-demo-cycles")
    show = getattr(window, "show_dose_check", None)
    if show is not None:
        show()
    panel = window.dose_panel
    panel.checked_edit.setText("130")
    panel.first_edit.setText("AL")
    panel.second_edit.setText("MK")
    shot("4-dose-check")
    assert window.store is not None
    window.store.add_patient(
        PatientIdentity(name="Ouyang Xiaoling-Fitzgerald", mrn="77001", dob=date(1959, 9, 30), sex="F",
                        allergies="Penicillin, iodine contrast",
                        diagnosis="Undifferentiated pleomorphic sarcoma of the left thigh with lung and liver "
                                  "metastases, after surgery and radiotherapy"),
        height_cm=Decimal(188), weight_kg=Decimal(118), measured_on=date(2026, 1, 30),
        regimen_id="anlotinib-epirubicin", start=date(2026, 2, 2),
        settings=window.settings.plan_settings().__class__(bsa_cap_m2=Decimal("2.0")),
        prior=(PriorExposure("doxorubicin", Decimal(400)),))
    window.refresh_list("77001")
    wait(lambda: window.document is not None and window.document.mrn == "77001")
    window.tabs.setCurrentIndex(0)
    shot("5-warnings-calendar")
    window.tabs.setCurrentWidget(window.cycles)
    shot("6-warnings-cycles")
    # Two more patients named like the demo patient: the list and the header flag the shared name.
    demo_name = window.store.get_patient("DEMO-0001").identity.name
    for mrn, born in (("88001", date(1971, 8, 9)), ("88002", date(1985, 12, 30))):
        window.store.add_patient(PatientIdentity(name=demo_name, mrn=mrn, dob=born, sex="F"),
                                 height_cm=Decimal(160), weight_kg=Decimal(58), measured_on=date(2026, 3, 1),
                                 regimen_id="anlotinib-epirubicin", start=date(2026, 3, 2))
    window.settings.set("clinic/extra_closed_days", "2026-03-23")  # 88002's cycle 2 infusion day
    window.refresh_list("88002")
    wait(lambda: window.document is not None and window.document.mrn == "88002")
    window.patients.search.setText(demo_name.split()[0])
    window.tabs.setCurrentIndex(0)
    shot("11-same-name-closed-day")
    window.patients.search.clear()
    window.patients.select("DEMO-0001")
    wait(lambda: window.document is not None and window.document.mrn == "DEMO-0001")
    window.tabs.setCurrentWidget(window.page.history)
    shot("12-history")
    dialogs(window, shot_widget=lambda widget, name: _grab(widget, outdir / f"{size}-{name}.png", wait))
    window.close()


def _grab(widget: Any, path: Path, wait: Callable[..., None]) -> None:
    widget.show()
    wait(lambda: False, 0.3)
    widget.grab().save(str(path))
    widget.close()


def dialogs(window: Any, shot_widget: Callable[[Any, str], None]) -> None:
    """Every dialog: New / Edit patient, the cycle actions, Mark given, Withdraw, Preferences, Day list, Print."""
    from planner.gui.dialogs.cycle_actions import DIALOGS, WeightDialog
    from planner.gui.dialogs.day_list_dialog import DayListDialog
    from planner.gui.dialogs.patient_dialog import PatientDialog
    from planner.gui.dialogs.preferences_dialog import PreferencesDialog
    from planner.gui.dialogs.simple_dialogs import MarkGivenDialog, WithdrawPatientDialog
    from planner.gui.export_jobs import PatientSource

    shot_widget(PatientDialog(window, settings=window.settings.plan_settings(), today=window.today(),
                              submit=lambda form: None), "7-new-patient")
    shot_widget(PatientDialog(window, settings=window.document.record.plan.settings, record=window.document.record,
                              today=window.today(), submit=lambda form: None), "7b-edit-patient")
    window.patients.select("DEMO-0001")
    plan = window.plan
    shot_widget(DIALOGS["delay"](plan, 3, window), "8-delay")
    shot_widget(DIALOGS["dose_level"](plan, 3, window), "8b-dose-level")
    shot_widget(DIALOGS["omit"](plan, 3, window), "8c-omit-days")
    shot_widget(DIALOGS["stop"](plan, 3, window), "8d-stop-drug")
    shot_widget(WeightDialog(plan, 3, window, today=window.today()), "8e-weight")
    weight = WeightDialog(plan, 3, window, today=window.today())
    weight.weight.setText("7")  # a slip: the message on its reserved line
    shot_widget(weight, "8f-weight-message")
    shot_widget(MarkGivenDialog(plan, 3, window.document.record.dose_checks, window, today=window.today()),
                "9-mark-given")
    identity = window.document.record.identity
    shot_widget(WithdrawPatientDialog(f"{identity.name} ({identity.mrn})", window), "9b-withdraw")
    shot_widget(PreferencesDialog(window.settings, window), "10-preferences")
    shot_widget(DayListDialog(window.today(), window), "11-day-list")
    preview = window.exports.preview(PatientSource(window.document.record, window.document.plan))
    shot_widget(preview, "12-print-preview")


def main() -> int:
    args = sys.argv[1:]
    language = "en"
    if len(args) >= 2 and args[0] == "--lang":
        language, args = args[1], args[2:]
    if len(args) >= 3 and args[0] == "--one":
        run_one(Path(args[1]), args[2], language)
        return 0
    outdir = Path(args[0] if args else "screenshots")
    outdir.mkdir(parents=True, exist_ok=True)
    for size in args[1:] or SIZES:
        width, height = (int(x) for x in size.split("x"))
        config = Path(tempfile.mkdtemp()) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "ward", "x": 0, "y": 0, "width": width,
                                                   "height": height - TASKBAR, "logicalDpi": 96,
                                                   "logicalBaseDpi": 96, "dpr": 1}]}))
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
        subprocess.run([sys.executable, __file__, "--lang", language, "--one", str(outdir), size], env=env,
                       check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
