from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from planner.gui.dialogs.patient_dialog import PatientDialog
from planner.store import DuplicateMrn

TODAY = date(2026, 2, 2)


def make(qtbot, **kwargs) -> PatientDialog:
    dialog = PatientDialog(today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def fill(qtbot, dialog: PatientDialog, **values: str) -> None:
    defaults = {"name": "Wang Fang", "mrn": "12345", "height": "170", "weight": "70"}
    defaults.update(values)
    for field, text in defaults.items():
        edit = getattr(dialog, "height_field" if field == "height" else field)
        edit.selectAll()
        if text:
            qtbot.keyClicks(edit, text)  # typing replaces the selection, as a nurse would
        else:
            qtbot.keyClick(edit, Qt.Key.Key_Delete)


def message(dialog: PatientDialog, key: str) -> str:
    """The problem (or hint) shown for field `key`; it must also be what the reserved message line says."""
    text = dialog.field_message(key)
    if text:
        assert text in dialog.message.text() or text in dialog.message.toolTip()
    return text


def test_save_is_disabled_until_every_field_is_valid_and_no_message_before_typing(qtbot):
    dialog = make(qtbot)
    assert not dialog.save_button.isEnabled()
    assert message(dialog, "name") == ""  # a blank form is not a wall of red
    fill(qtbot, dialog)
    assert dialog.save_button.isEnabled()
    form = dialog.result_form()
    assert form is not None
    assert (form.identity.name, form.identity.mrn, form.height_cm, form.weight_kg) == (
        "Wang Fang", "12345", Decimal(170), Decimal(70))
    assert form.measured_on == TODAY and form.start == TODAY and form.regimen_id == "anlotinib-epirubicin"


def test_bad_height_names_the_field_and_disables_save(qtbot):
    dialog = make(qtbot)
    fill(qtbot, dialog, height="17")
    assert not dialog.save_button.isEnabled()
    assert "Height" in message(dialog, "height") and "plausible" in message(dialog, "height")
    assert "border" in dialog.height_field.styleSheet()
    dialog.height_field.clear()
    qtbot.keyClicks(dialog.height_field, "170")
    assert dialog.save_button.isEnabled()
    assert message(dialog, "height") == "= 170 cm = 66.93 in"  # the converted value is shown


def test_units_are_selectable_and_converted_exactly(qtbot):
    dialog = make(qtbot)
    fill(qtbot, dialog, height="67", weight="154")
    dialog.height_unit.setCurrentIndex(dialog.height_unit.findData("in"))
    dialog.weight_unit.setCurrentIndex(dialog.weight_unit.findData("lb"))
    form = dialog.result_form()
    assert form is not None
    assert form.height_cm == Decimal("170.18")
    assert form.weight_kg == Decimal("69.85")  # 154 lb = 69.85322498 kg, kept to the 0.01 kg the form shows
    assert "69.85 kg" in message(dialog, "weight")
    assert "Mosteller" in dialog.bsa_preview.text()


def test_dates_are_strict_iso_and_checked(qtbot):
    dialog = make(qtbot)
    fill(qtbot, dialog, dob="05/01/1970")
    assert "YYYY-MM-DD" in message(dialog, "dob")
    assert not dialog.save_button.isEnabled()
    fill(qtbot, dialog, dob="1970-02-30")
    assert "does not exist" in message(dialog, "dob")
    fill(qtbot, dialog, dob="1970-03-01", measured_on="2026-03-01")
    assert "future" in message(dialog, "measured_on")
    fill(qtbot, dialog, measured_on="2026-01-30", start="")
    assert "Start date is missing" in message(dialog, "start")
    fill(qtbot, dialog, start="2026-02-09")
    assert dialog.save_button.isEnabled()


def test_prior_anthracycline_needs_a_drug_and_an_amount(qtbot):
    dialog = make(qtbot)
    fill(qtbot, dialog, prior_amount="300")
    assert "choose the drug" in message(dialog, "prior")
    dialog.prior_drug.setCurrentIndex(dialog.prior_drug.findData("doxorubicin"))
    form = dialog.result_form()
    assert form is not None and form.prior[0].drug == "doxorubicin" and form.prior[0].mg_per_m2 == Decimal(300)


def test_a_store_refusal_keeps_the_dialog_open_with_everything_typed(qtbot):
    def submit(form):
        raise DuplicateMrn("12345", "Wang Fang")

    dialog = make(qtbot, submit=submit)
    fill(qtbot, dialog)
    dialog.save_button.click()
    assert dialog.result() == 0  # not accepted
    assert "already exists" in message(dialog, "mrn")
    assert dialog.name.text() == "Wang Fang"


def test_editing_keeps_the_mrn_and_plan_fixed(qtbot, tmp_path):
    from planner.store import PatientStore
    from tests.gui.shell_helpers import add_patient

    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        record = add_patient(store)
    dialog = make(qtbot, record=record)
    assert dialog.mrn.isReadOnly() and not dialog.height_field.isEnabled() and not dialog.start.isEnabled()
    assert dialog.save_button.isEnabled()
    dialog.allergies.setText("Penicillin")
    qtbot.keyClicks(dialog.notes, "x")
    assert dialog.result_form().identity.allergies == "Penicillin"


def test_a_message_never_moves_or_squeezes_a_field_and_the_name_has_the_focus(qtbot):
    dialog = make(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name
    assert dialog.message.text() == ""
    fields = (dialog.name, dialog.mrn, dialog.dob, dialog.height_field, dialog.weight, dialog.start)
    before = [w.geometry() for w in fields], dialog.message.geometry()
    fill(qtbot, dialog, mrn="12 345", dob="05/01/1970", height="17")
    assert "MRN" in dialog.message.text() and "(and 2 more)" in dialog.message.text()
    assert ([w.geometry() for w in fields], dialog.message.geometry()) == before


def test_the_prescriber_is_entered_with_a_new_patient_and_editable_later(qtbot, tmp_path):
    from dataclasses import replace

    from planner.store import PatientStore
    from tests.gui.shell_helpers import add_patient

    dialog = make(qtbot)
    fill(qtbot, dialog, prescriber="Dr Li Wei")
    assert dialog.result_form().prescriber == "Dr Li Wei"
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        record = add_patient(store)
    record = replace(record, plan=replace(record.plan, prescriber="Dr Zhou"))
    edit = make(qtbot, record=record)
    assert edit.prescriber.text() == "Dr Zhou" and edit.prescriber.isEnabled()
    edit.prescriber.selectAll()
    qtbot.keyClicks(edit.prescriber, "Dr Chen")
    assert edit.result_form().prescriber == "Dr Chen"
