from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from planner.core import i18n
from planner.core.dates import format_long
from planner.gui.dialogs.preferences_dialog import PreferencesDialog
from planner.gui.settings import Settings
from planner.gui.translations import available_languages, install_translators

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>MainWindow</name>
<message><source>Cycle Planner</source><translation>化疗周期计划</translation></message>
</context>
<context><name>Export</name>
<message><source>Rest day</source><translation>休息日</translation></message>
</context>
</TS>
"""


def test_a_qm_file_translates_the_gui_and_the_core(qapp, tmp_path):
    (tmp_path / "planner_zh_CN.ts").write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(tmp_path / "planner_zh_CN.ts"), "-qm", str(tmp_path / "planner_zh_CN.qm")],
                   check=True, capture_output=True)
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN", folder=tmp_path)
    try:
        assert QCoreApplication.translate("MainWindow", "Cycle Planner") == "化疗周期计划"
        from datetime import date

        assert i18n.translate("Export", "Rest day") == "休息日"  # the core's text went through Qt's translator
        # Dates follow the chosen language (Babel through the core's formatting module), not the OS locale.
        assert format_long(date(2026, 1, 5)) == "2026年1月5日"
        assert QLocale().name() == "zh_CN"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        i18n.set_translator(None)
        i18n.set_interface_language(None)
        QLocale.setDefault(QLocale("en"))
    assert QCoreApplication.translate("MainWindow", "Cycle Planner") == "Cycle Planner"


def test_english_needs_no_file_and_is_always_offered(qapp):
    assert install_translators(QApplication.instance(), "en") == []
    assert "en" in available_languages()
    i18n.set_translator(None)


def test_preferences_validate_and_save_typed_values(qtbot):
    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.rounding.setText("0")
    assert not dialog.save_button.isEnabled()
    assert "Rounding step" in dialog.messages["rounding"].text()
    dialog.rounding.setText("2.5")
    dialog.threshold.setText("101")
    assert "0 to 100" in dialog.messages["threshold"].text()
    dialog.threshold.setText("0")
    dialog.cap.setText("2.2")
    dialog.tolerance.setText("3")
    dialog.formula.setCurrentIndex(dialog.formula.findData("dubois"))
    dialog.maintenance.setValue(9)
    dialog.institution.setText("Sarcoma unit")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    again = Settings()
    plan = again.plan_settings()
    assert (plan.formula, plan.rounding_step_mg, plan.recalc_threshold_pct, plan.bsa_cap_m2,
            plan.open_ended_cycles) == ("dubois", Decimal("2.5"), Decimal(0), Decimal("2.2"), 9)
    assert again.verification_tolerance() == Decimal(3)
    assert again.text("institution/name") == "Sarcoma unit"


def test_the_shipped_template_holds_the_gui_and_the_core_strings():
    """resources/translations/planner_zh_CN.ts (made by `make translations`) has strings from every layer:
    self.tr() in widgets, QCoreApplication.translate in models and translate("Context", ...) in the core."""
    import html
    import re

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "planner_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    contexts = set(re.findall(r"<name>([^<]+)</name>", text))
    # Month and weekday names come from Babel's CLDR data (planner.core.formatting), not from the template.
    assert {"MainWindow", "DoseCheckPanel", "CyclesTable", "DayDetails", "Dates", "Bsa", "Store", "Plan",
            "Export"} <= contexts
    sources = {html.unescape(s) for s in re.findall(r"<source>(.*?)</source>", text, re.S)}
    assert {"Undone: {what}", "Dose chec&k", "Warning:", "Before every infusion: blood count reviewed against the "
            "start criteria; independent double check of each calculated dose."} <= sources


def test_a_template_without_a_qm_is_offered_greyed_out(qtbot, tmp_path, monkeypatch):
    from planner.gui import translations

    (tmp_path / "planner_zh_CN.ts").write_text(TS, encoding="utf-8")
    monkeypatch.setattr(translations, "_folder", lambda: tmp_path)
    assert available_languages() == {"en": "English"}
    assert translations.pending_languages() == {"zh_CN": "中文 (简体)"}

    settings = Settings()
    settings.set("ui/language", "zh_CN")  # chosen when a translation was installed, or on another PC
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.language
    index = combo.findData("zh_CN")
    assert index > 0 and "not available yet" in combo.itemText(index)
    assert not combo.model().item(index).isEnabled()
    assert combo.currentData() == "en" and "not installed" in dialog.language_note.text()
    dialog.save_button.click()
    assert Settings().text("ui/language") == "zh_CN"  # kept for when the translation arrives


def _messages(ts_text: str) -> set[tuple[str, str]]:
    import html
    import re

    found = set()
    for context in re.findall(r"<context>(.*?)</context>", ts_text, re.S):
        name = re.search(r"<name>([^<]+)</name>", context).group(1)
        found |= {(name, html.unescape(s)) for s in re.findall(r"<source>(.*?)</source>", context, re.S)}
    return found


def test_the_shipped_template_is_up_to_date_with_the_code(tmp_path):
    """Every string pyside6-lupdate finds in planner/ now is in the shipped .ts (run `make translations`)."""
    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (root / "planner").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    shipped = (root / "resources" / "translations" / "planner_zh_CN.ts").read_text(encoding="utf-8")
    missing = _messages(fresh.read_text(encoding="utf-8")) - _messages(shipped)
    assert not missing, f"run `make translations`: {sorted(missing)[:5]}"


def test_preferences_clinic_days_and_weight_confirmation(qtbot):
    from datetime import date

    settings = Settings()
    assert settings.text("clinic/holiday_region") == "auto" and settings.text("clinic/closed_weekdays") == "5,6"
    assert settings.holiday_region() == ""  # the C locale has no country: no public holidays
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.region.setText("XX")
    assert not dialog.save_button.isEnabled() and "XX" in dialog.messages["region"].text()
    dialog.region.setText("CN")
    dialog.extra_closed.setText("2026-13-01")
    assert not dialog.save_button.isEnabled() and "Extra closure days" in dialog.messages["extra_closed"].text()
    dialog.extra_closed.setText("2026-12-31, 2026-12-24")
    dialog.closed_days[6].setChecked(False)  # open on Sundays
    dialog.weight_confirm.setText("0")
    assert not dialog.save_button.isEnabled()
    dialog.weight_confirm.setText("15")
    dialog.save_button.click()
    saved = Settings()
    assert saved.text("clinic/holiday_region") == "CN" and saved.text("clinic/closed_weekdays") == "5"
    assert saved.text("clinic/extra_closed_days") == "2026-12-24, 2026-12-31"
    assert saved.decimal("check/weight_confirm_pct") == Decimal(15)
    clinic = saved.clinic_calendar([2026])
    assert not clinic.is_open(date(2026, 10, 1)) and not clinic.is_open(date(2026, 12, 24))
    assert clinic.is_open(date(2026, 12, 27))  # a Sunday
