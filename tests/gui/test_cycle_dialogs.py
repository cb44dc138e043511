from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
from planner.gui.dialogs.cycle_actions import (
    DelayDialog,
    DoseLevelDialog,
    OmitDaysDialog,
    StopDrugDialog,
    WeightDialog,
    describe_modification,
)
from tests.gui.conftest import make_plan


def test_delay_needs_a_reason_and_previews_the_new_date(qtbot):
    dialog = DelayDialog(make_plan(), 3)
    qtbot.addWidget(dialog)
    dialog.days.setValue(7)
    assert not dialog.ok_button.isEnabled()
    assert "2026-02-16" in dialog.preview.text() and "2026-02-23" in dialog.preview.text()
    qtbot.keyClicks(dialog.reason, "ANC 0.9")
    assert dialog.ok_button.isEnabled()
    assert dialog.modification() == Delay(3, 7)
    assert dialog.reason_text() == "ANC 0.9"


def test_dose_level_defaults_to_one_level_down_and_shows_the_calculation(qtbot):
    dialog = DoseLevelDialog(make_plan(), 2)
    qtbot.addWidget(dialog)
    dialog.drug.setCurrentIndex(dialog.drug.findData("epirubicin"))
    qtbot.keyClicks(dialog.reason, "neutropenia")
    assert dialog.modification() == DoseLevelChange("epirubicin", 2, Decimal(75))
    assert "75 mg/m² x 1.82 m² = 136.5 -> 137 mg" in dialog.preview.text()
    dialog.level.setCurrentIndex(0)  # the current level: not a change
    assert not dialog.ok_button.isEnabled()
    assert "already at 90" in dialog.problem.text()


def test_omit_days_reports_bad_days_in_words(qtbot):
    dialog = OmitDaysDialog(make_plan(), 3)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "hand-foot syndrome")
    qtbot.keyClicks(dialog.days, "15-16")
    assert not dialog.ok_button.isEnabled()
    assert "not given on day 15" in dialog.problem.text()
    dialog.days.setText("x")
    assert "not a number" in dialog.problem.text()
    dialog.days.setText("8-14")
    assert dialog.modification() == OmitDays("anlotinib", 3, tuple(range(8, 15)))
    assert "days 1-7" in dialog.preview.text()


def test_stop_and_weight(qtbot):
    stop = StopDrugDialog(make_plan(), 4)
    qtbot.addWidget(stop)
    stop.drug.setCurrentIndex(stop.drug.findData("epirubicin"))
    qtbot.keyClicks(stop.reason, "LVEF 45%")
    assert stop.modification() == StopDrug("epirubicin", 4, 1)

    weight = WeightDialog(make_plan(), 3, today=date(2026, 2, 20))
    qtbot.addWidget(weight)
    qtbot.keyClicks(weight.reason, "re-weighed")
    qtbot.keyClicks(weight.weight, "60")
    mod = weight.modification()
    assert isinstance(mod, WeightChange) and mod.weight_kg == Decimal(60) and mod.measured_on == date(2026, 2, 20)
    assert "doses recalculated" in weight.preview.text()
    weight.weight.setText("17")
    assert not weight.ok_button.isEnabled() and "Weight" in weight.problem.text()


def test_descriptions_name_cycle_and_numbers_only():
    assert describe_modification(Delay(3, 7)) == "Delay cycle 3 by 7 days"
    assert describe_modification(OmitDays("anlotinib", 3, (8, 9, 10))) == "Omit anlotinib days 8-10 of cycle 3"


def test_record_weight_opens_in_the_weight_field_and_shows_no_error_before_typing(qtbot):
    weight = WeightDialog(make_plan(), 3, today=date(2026, 2, 20))
    qtbot.addWidget(weight)
    weight.show()
    qtbot.waitExposed(weight)
    assert weight.focusWidget() is weight.weight  # not the reason: a weight typed there would be lost
    assert not weight.ok_button.isEnabled() and weight.problem.text() == ""  # nothing typed, nothing red
    assert "Weight" in weight.ok_button.toolTip()  # the button still says why it is disabled
    place = weight.weight.geometry(), weight.reason.geometry(), weight.problem.geometry()
    qtbot.keyClicks(weight.weight, "7")  # 7 kg: refused, said on the reserved line
    assert "plausible" in weight.problem.text()
    assert (weight.weight.geometry(), weight.reason.geometry(), weight.problem.geometry()) == place


def test_a_weight_change_over_the_setting_asks_for_confirmation(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    weight = WeightDialog(make_plan(), 3, today=date(2026, 2, 20), confirm_pct=Decimal(20))
    qtbot.addWidget(weight)
    qtbot.keyClicks(weight.reason, "re-weighed")
    asked = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or answer[0])
    qtbot.keyClicks(weight.weight, "120")  # against 70 kg: +71 %
    weight.ok_button.click()
    assert len(asked) == 1 and "71.43% more" in asked[0] and "70 kg" in asked[0]
    assert weight.result() != weight.DialogCode.Accepted  # "No": stays open, nothing saved
    answer[0] = QMessageBox.StandardButton.Yes
    weight.ok_button.click()
    assert weight.result() == weight.DialogCode.Accepted and len(asked) == 2
    # 84 kg is exactly +20 %: an ordinary change, saved without a question.
    ordinary = WeightDialog(make_plan(), 3, today=date(2026, 2, 20), confirm_pct=Decimal(20))
    qtbot.addWidget(ordinary)
    qtbot.keyClicks(ordinary.reason, "re-weighed")
    qtbot.keyClicks(ordinary.weight, "84")
    ordinary.ok_button.click()
    assert len(asked) == 2 and ordinary.result() == ordinary.DialogCode.Accepted


def test_omit_days_shows_no_error_until_something_is_typed(qtbot):
    dialog = OmitDaysDialog(make_plan(), 3)
    qtbot.addWidget(dialog)
    assert dialog.problem.text() == "" and not dialog.ok_button.isEnabled()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.drug
