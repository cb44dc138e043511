"""The patient dialog's "Calendar language", and exports made in the patient's language on the worker thread
while the window stays in the staff's."""

from __future__ import annotations

import dataclasses
import threading
from datetime import date
from pathlib import Path

import pytest

from planner.core import i18n
from planner.core.dates import format_long
from planner.export.options import Institution, PrintOptions
from planner.gui.dialogs.patient_dialog import PatientDialog
from planner.gui.export_jobs import DOSE_SHEET, PATIENT_CALENDAR, PatientSource, ics_bytes, patient_pdf_bytes
from planner.gui.views.day_details import spelled_date
from planner.gui.views.month_grid import MonthGrid
from tests.export.conftest import pdf_pages

FIXTURE = Path(__file__).parent.parent / "fixtures" / "i18n"


@pytest.fixture(autouse=True)
def _fixture_catalog():
    i18n.use_catalog_folder(FIXTURE)
    yield
    i18n.use_catalog_folder(None)
    i18n.set_interface_language(None)


@pytest.fixture
def record(tmp_path):
    from planner.store import PatientStore
    from tests.gui.shell_helpers import add_patient

    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        return add_patient(store)


def test_the_dialog_offers_and_saves_the_calendar_language(qtbot, record):
    dialog = PatientDialog(today=date(2026, 2, 2), record=record)
    qtbot.addWidget(dialog)
    assert dialog.calendar_language.currentData() == "en"
    assert [dialog.calendar_language.itemData(i) for i in range(dialog.calendar_language.count())] == ["en", "zh_CN"]
    dialog.calendar_language.setCurrentIndex(dialog.calendar_language.findData("zh_CN"))
    assert dialog.result_form().identity.language == "zh_CN"
    chinese = dataclasses.replace(record, identity=dataclasses.replace(record.identity, language="zh_CN"))
    again = PatientDialog(today=date(2026, 2, 2), record=chinese)
    qtbot.addWidget(again)
    assert again.calendar_language.currentData() == "zh_CN"


def test_a_new_patient_defaults_to_the_interface_language(qtbot):
    i18n.set_interface_language("zh_CN")
    dialog = PatientDialog(today=date(2026, 2, 2))
    qtbot.addWidget(dialog)
    assert dialog.calendar_language.currentData() == "zh_CN"


def test_calendar_and_ics_in_the_patients_language_dose_sheet_in_the_staffs(record):
    chinese = dataclasses.replace(record, identity=dataclasses.replace(record.identity, language="zh_CN"))
    source = PatientSource(chinese, chinese.compute_plan())
    options = PrintOptions("a4", date(2026, 1, 2))
    made: dict[str, bytes] = {}

    def work() -> None:  # as the export thread runs it
        made["calendar"] = patient_pdf_bytes(PATIENT_CALENDAR, source, Institution("", ("Ward: 1",)), options)
        made["sheet"] = patient_pdf_bytes(DOSE_SHEET, source, Institution(), options)
        made["ics"] = ics_bytes(source)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert "我的治疗日历" in pdf_pages(made["calendar"])[0]
    assert "我的治疗日历" not in pdf_pages(made["sheet"])[0] and "Page 1 of" in pdf_pages(made["sheet"])[0]
    assert "休息日" in made["ics"].decode()
    assert format_long(date(2026, 1, 5)) == "5 Jan 2026"  # this (GUI) thread never left English


def test_screen_dates_follow_the_interface_language_not_the_os(qtbot):
    grid = MonthGrid()
    grid.set_state(2026, 1, {}, None, None)
    qtbot.addWidget(grid)
    assert grid.title() == "January 2026" and spelled_date(date(2026, 1, 5)) == "Monday 5 Jan 2026"
    i18n.set_interface_language("zh_CN")
    assert grid.title() == "2026年1月" and spelled_date(date(2026, 1, 5)) == "2026年1月5日 星期一"


def test_without_a_compiled_translation_dates_stay_english(qapp, tmp_path):
    """Preferences may keep zh_CN before the .qm exists: the window is English then, and so are its dates."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from planner.gui.translations import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN", folder=tmp_path)  # tmp_path holds no planner_zh_CN.qm
    try:
        assert format_long(date(2026, 1, 5)) == "5 Jan 2026" and QLocale().name().startswith("en")
    finally:
        for translator in translators:  # Qt's own zh_CN strings, when this Qt ships them
            app.removeTranslator(translator)
        i18n.set_translator(None)
