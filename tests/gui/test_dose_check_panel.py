from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from planner.core.modifications import WeightChange
from planner.gui.views.dose_check_panel import DoseCheckPanel, DoseCheckRequest
from tests.gui.conftest import make_plan


@pytest.fixture
def panel(qtbot, plan):
    widget = DoseCheckPanel()
    qtbot.addWidget(widget)
    widget.set_cycle(plan, 1)
    widget.drug_combo.setCurrentIndex(widget.drug_combo.findData("epirubicin"))
    widget.show()
    return widget


def enter(panel, dose="164", first="AB", second="CD"):
    panel.checked_edit.setText(dose)
    panel.first_edit.setText(first)
    panel.second_edit.setText(second)


def test_empty_state(qtbot):
    widget = DoseCheckPanel()
    qtbot.addWidget(widget)
    assert "select a cycle" in widget._title.text()
    assert widget.drug_combo.count() == 0
    assert not widget.submit_button.isEnabled()
    assert not widget.checked_edit.isEnabled()


def test_chain_shows_bsa_weight_doses_volume_vials_and_capsules(panel):
    text = panel.chain_text()
    assert "Mosteller sqrt(H x W / 3600), H 170 cm, W 70 kg = 1.8181 -> 1.82 m²" in text
    assert "70 kg, the weight at the start of the plan (5 Jan 2026)" in text
    assert "90 mg/m² x 1.82 m² = 163.8 -> 164 mg" in text
    assert "Volume: 164 mg / 2 mg/mL = 82 mL" in text
    assert "Vials: 3 x 50 mg + 2 x 10 mg vials (170 mg opened, 6 mg left over)" in text
    assert "Capsules: 1 x 12 mg capsule(s) per day" in text
    assert "cycle 1 (Combination)" in panel._title.text()
    assert panel._calculated.text() == "<b>164 mg</b><br>90 mg/m² x 1.82 m² = 163.8 -&gt; 164 mg"


def test_weight_used_names_when_it_was_measured(qtbot):
    from datetime import date

    plan = make_plan(WeightChange(3, Decimal(60), measured_on=date(2026, 2, 14)))
    widget = DoseCheckPanel()
    qtbot.addWidget(widget)
    widget.set_cycle(plan, 4)
    assert "60 kg, measured 14 Feb 2026 (before cycle 3)" in widget.chain_text()
    plan = make_plan(WeightChange(3, Decimal(68)))  # -2.9 %: below the threshold, doses stay
    widget.set_cycle(plan, 3)
    text = widget.chain_text()
    assert "70 kg, the weight at the start of the plan" in text
    assert "Latest weight 68 kg is below the recalculation threshold" in text


@pytest.mark.parametrize(("entered", "passed", "deviation"), [
    ("164", True, "0 %"),
    ("172.2", True, "+5 %"),      # exactly +5 %: within the tolerance
    ("172.21", False, "+5.01 %"),
    ("155.8", True, "-5 %"),
    ("155.79", False, "-5.01 %"),
    ("164 mg", True, "0 %"),
])
def test_pass_and_fail_at_the_tolerance_boundaries(panel, entered, passed, deviation):
    enter(panel, entered)
    result = panel.result()
    assert result is not None and result.passed is passed
    assert panel.result_text().startswith(deviation)
    assert ("PASS" in panel.result_text()) is passed
    assert ("Do not give" in panel.fail_advice()) is (not passed)
    assert ("FAIL" in panel.result_text()) is (not passed)
    assert panel.submit_button.isEnabled()
    assert panel.submit_button.text().endswith("(PASS)" if passed else "(FAIL)")


def test_tolerance_is_a_parameter(panel, plan):
    panel.set_cycle(plan, 1, tolerance_pct=Decimal(10))
    enter(panel, "180")  # +9.76 %
    assert panel.result().passed
    assert "±10 %" in panel.result_text()


@pytest.mark.parametrize("entered", ["abc", "0", "-5", "1,64", "NaN"])
def test_bad_dose_entries_show_a_message_naming_the_field(panel, entered):
    enter(panel, entered)
    assert panel.result() is None
    assert "Dose on the order or bag" in panel.dose_message()
    assert not panel.submit_button.isEnabled()


def test_empty_dose_is_not_an_error_yet(panel):
    enter(panel, "")
    assert panel.dose_message() == ""
    assert not panel.submit_button.isEnabled()


@pytest.mark.parametrize(("first", "second", "message"), [
    ("AB", "ab", "two different people"),
    ("A.B.", "AB", "two different people"),
    ("AB", "12", "Second checker's initials: enter 1 to 5 letters"),
    ("ABCDEFG", "CD", "First checker's initials: enter 1 to 5 letters"),
])
def test_initials_must_be_two_different_people(panel, first, second, message):
    enter(panel, "164", first, second)
    assert message in panel.initials_message()
    assert not panel.submit_button.isEnabled()


def test_missing_second_initials_keep_the_button_disabled(panel):
    enter(panel, "164", "AB", "")
    assert panel.initials_message() == ""
    assert not panel.submit_button.isEnabled()


def test_record_emits_the_request_and_clears_the_entry(panel, qtbot):
    enter(panel, "165", "ab", "C.D.")
    with qtbot.waitSignal(panel.checkSubmitted) as blocker:
        qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [DoseCheckRequest(
        cycle=1, drug="epirubicin", calculated_mg=Decimal(164), checked_mg=Decimal(165),
        tolerance_pct=Decimal(5), first_checker="AB", second_checker="CD")]
    assert panel.checked_edit.text() == "" and not panel.submit_button.isEnabled()


def test_drug_choice_and_held_drugs(panel, qtbot):
    panel.drug_combo.setCurrentIndex(panel.drug_combo.findData("anlotinib"))
    enter(panel, "12")
    assert panel.result().expected_mg == Decimal(12)
    panel.set_cycle(make_plan(), 7)  # maintenance: anlotinib only
    assert [panel.drug_combo.itemData(i) for i in range(panel.drug_combo.count())] == ["anlotinib"]


def test_history_list(panel):
    panel.set_checks([("2026-01-05", "cycle 1", "epirubicin", "PASS")])
    assert panel._history.count() == 1
    assert "cycle 1" in panel._history.item(0).text()
    panel.set_checks([])
    assert "No double check" in panel._history.item(0).text()


def test_a_cycle_the_new_plan_no_longer_has_shows_the_empty_state(panel):
    from planner.core.modifications import StopDrug

    shorter = make_plan(StopDrug("anlotinib", 7), StopDrug("epirubicin", 1, 2))
    assert len(shorter.cycles) == 6
    panel.set_cycle(shorter, 9)
    assert "select a cycle" in panel._title.text()
    assert panel.drug_combo.count() == 0 and not panel.submit_button.isEnabled()


def test_no_checks_placeholder_is_not_selectable(panel):
    panel.set_checks([])
    assert panel._history.item(0).flags() == Qt.ItemFlag.NoItemFlags


def test_fail_advises_not_to_give(panel):
    enter(panel, "180")
    assert "Do not give" in panel.fail_advice()
    enter(panel, "164")
    assert panel.fail_advice() == ""


def test_stacks_in_a_narrow_dock_and_sits_side_by_side_when_wide(panel, qtbot):
    panel.resize(540, 800)
    qtbot.wait(1)
    assert panel.is_narrow()
    panel.resize(1400, 800)
    qtbot.wait(1)
    assert not panel.is_narrow()


def test_enter_moves_through_the_entry_and_records_from_the_last_field(panel, qtbot):
    seen = []
    panel.checkSubmitted.connect(seen.append)
    panel.activateWindow()
    panel.checked_edit.setFocus()
    qtbot.keyClicks(panel.checked_edit, "164")
    qtbot.keyClick(panel.checked_edit, Qt.Key.Key_Return)
    assert panel.first_edit.hasFocus()
    qtbot.keyClicks(panel.first_edit, "AB")
    qtbot.keyClick(panel.first_edit, Qt.Key.Key_Return)
    assert panel.second_edit.hasFocus()
    qtbot.keyClick(panel.second_edit, Qt.Key.Key_Return)  # second initials missing: nothing recorded
    assert seen == []
    qtbot.keyClicks(panel.second_edit, "CD")
    qtbot.keyClick(panel.second_edit, Qt.Key.Key_Return)
    assert len(seen) == 1 and seen[0].checked_mg == Decimal(164) and seen[0].second_checker == "CD"
