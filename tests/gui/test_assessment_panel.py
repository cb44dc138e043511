"""The Assessment tab: type the values, see the proposal, accept it as one undoable step, undo, redo."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from planner.gui.views.assessment_panel import AcceptDialog
from tests.gui.shell_helpers import add_patient, open_window, refuse_message_boxes


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    refuse_message_boxes(monkeypatch)
    win = open_window(qtbot, tmp_path / "ward.sqlite3", size=(1280, 720))
    add_patient(win.store)
    win.open_patient("12345")
    win.cycles.cycleSelected.emit(2)
    win.tabs.setCurrentWidget(win.page.assessment)
    yield win
    win.close()


def _type(qtbot, panel, **values):
    for name, text in values.items():
        qtbot.keyClicks(panel.fields[name.replace("_", "-")], text)


def _accept_with(monkeypatch, prescriber=""):
    seen = {}

    def exec_(dialog):
        seen["reason"] = dialog.reason.text()
        seen["needs_prescriber"] = dialog.needs_prescriber
        # no prescriber named yet: a rule that requires one keeps the dialog from accepting
        assert dialog.ok_button.isEnabled() is not dialog.needs_prescriber
        if prescriber:
            dialog.prescriber.setText(prescriber)
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(AcceptDialog, "exec", exec_)
    return seen


def test_the_proposal_follows_the_typing(qtbot, window):
    panel = window.page.assessment
    assert "Assessment before cycle 2" in panel.title.text()
    _type(qtbot, panel, anc="2")
    assert "INCOMPLETE" in panel.proposal_view.text() and "platelets" in panel.proposal_view.text()
    assert not panel.accept_button.isEnabled()
    _type(qtbot, panel, platelets="150")
    assert "PROCEED" in panel.proposal_view.text() and panel.accept_button.isEnabled()
    _type(qtbot, panel, nadir_anc="0.2")
    text = panel.proposal_view.text()
    assert "MODIFY" in text and "[epirubicin-nadir]" in text and "75% x 90 mg/m²" in text and "Source:" in text
    # bilirubin in mg/dL: 1.5 mg/dL is the moderate hepatic rule (50% of the starting dose beats 75%)
    panel.bilirubin_unit.setCurrentIndex(panel.bilirubin_unit.findData("mg/dL"))
    _type(qtbot, panel, bilirubin="1.5")
    assert "[epirubicin-hepatic-moderate]" in panel.proposal_view.text()
    assert "50% x 90 mg/m² = 45 mg/m²" in panel.proposal_view.text()
    # a value out of range is named, and nothing can be accepted
    _type(qtbot, panel, hb="5")
    assert "Haemoglobin" in panel.proposal_view.text() and not panel.accept_button.isEnabled()


def test_a_keystroke_updates_within_a_frame(qtbot, window):
    panel = window.page.assessment
    _type(qtbot, panel, anc="2", platelets="150", nadir_anc="0.2")
    panel.set_grade("bleeding", 2)
    started = time.perf_counter()
    for _ in range(20):
        panel.update_proposal()
    assert (time.perf_counter() - started) / 20 < 0.016


def test_accept_undo_redo(qtbot, window, monkeypatch):
    panel = window.page.assessment
    _type(qtbot, panel, anc="2", platelets="150")
    panel.set_grade("bleeding", 2)
    assert "HOLD" in panel.proposal_view.text()
    seen = _accept_with(monkeypatch)
    panel.accept_button.click()
    assert "[anlotinib-bleeding-grade-2]" in seen["reason"] and not seen["needs_prescriber"]
    record = window.document.record
    (assessment,) = record.assessments
    assert assessment.accepted and len(assessment.modification_ids) == 2
    assert window.document.plan.cycle(3).dose_for("anlotinib").level == Decimal(10)
    assert panel.fields["anc"].text() == ""  # accepted: the entries are cleared
    assert "Accept assessment of cycle 2" in window.menu_actions.undo.text()

    from planner.gui.history import history_rows

    rows = history_rows(window.store.audit_log("12345"), window.document.record)
    assert any(r.what == "Assessment of cycle 2 accepted (hold)" and "[anlotinib-bleeding-grade-2]" in r.reason
               for r in rows)

    window.menu_actions.undo.trigger()
    record = window.document.record
    assert record.active_modifications() == () and record.assessments[0].withdrawn
    assert window.document.plan.cycle(3).dose_for("anlotinib").level == Decimal(12)

    window.menu_actions.redo.trigger()
    record = window.document.record
    assert len(record.active_modifications()) == 2
    assert window.document.plan.cycle(3).dose_for("anlotinib").level == Decimal(10)
    actions = [e.action for e in window.store.audit_log("12345")]
    assert actions.count("assessment.accept") == 2 and actions.count("assessment.withdraw") == 1


def test_hold_opens_the_delay_dialog_prefilled(qtbot, window, monkeypatch):
    from planner.gui.dialogs.cycle_actions import DelayDialog

    panel = window.page.assessment
    _type(qtbot, panel, anc="1.2", platelets="150")
    panel.delay_days.setValue(10)
    seen = {}

    def exec_(dialog):
        seen["days"], seen["reason"] = dialog.days.value(), dialog.reason.text()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(DelayDialog, "exec", exec_)
    panel.hold_button.click()
    assert seen["days"] == 10 and "[start-anc]" in seen["reason"]
    (mod,) = window.document.record.modifications
    assert mod.modification.days == 10


def test_screenshot_at_1280x720(qtbot, window, tmp_path):
    panel = window.page.assessment
    _type(qtbot, panel, anc="2", platelets="150", nadir_anc="0.2", ast="90", uln_ast="40")
    panel.set_grade("hypertension", 3)
    window.resize(1280, 720)
    qtbot.wait(50)
    image = window.grab()
    assert (image.width(), image.height()) == (1280, 720)
    assert image.save(str(tmp_path / "assessment.png"))
    assert window.tabs.currentWidget() is panel
    assert panel.accept_button.isVisible() and panel.accept_button.geometry().bottom() <= panel.height()


def test_modify_opens_the_dose_level_dialog_on_the_reduced_drug(qtbot, window, monkeypatch):
    from planner.gui.dialogs.cycle_actions import DoseLevelDialog

    panel = window.page.assessment
    _type(qtbot, panel, anc="2", platelets="150", nadir_anc="0.2")  # epirubicin to 67.5: level 60 is at or below
    seen = {}

    def exec_(dialog):
        seen["drug"], seen["level"] = dialog.drug.currentData(), dialog.level.currentData()
        seen["reason"] = dialog.reason.text()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(DoseLevelDialog, "exec", exec_)
    panel.modify_button.click()
    assert seen == {"drug": "epirubicin", "level": "60", "reason": seen["reason"]}
    assert "[epirubicin-nadir]" in seen["reason"]
    assert window.document.plan.cycle(2).dose_for("epirubicin").level == Decimal(60)


def test_the_prescriber_is_asked_when_a_rule_requires_it(qtbot, tmp_path, monkeypatch, window):
    from planner.core.plan import PriorExposure

    add_patient(window.store, mrn="67890", name="Li Na", prior=(PriorExposure("epirubicin", Decimal(850)),))
    window.open_patient("67890")
    window.cycles.cycleSelected.emit(1)
    panel = window.page.assessment
    _type(qtbot, panel, anc="2", platelets="150", lvef="60")
    assert "prescriber-confirmation" in panel.proposal_view.text()
    seen = _accept_with(monkeypatch, prescriber="Dr Zhou")
    panel.accept_button.click()
    assert seen["needs_prescriber"]
    (stored,) = window.document.record.assessments
    assert stored.prescriber == "Dr Zhou" and stored.accepted
