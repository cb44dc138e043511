"""planner.operations: one function per user action. Each returns what changed (patient, new version, kind,
audit entry, the row it added or withdrew, the record and its plan); a refused one changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner import operations
from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import PlanSettings
from planner.operations import Change, OpResult
from planner.store import PatientIdentity, PatientStore, StaleRecord
from tests.store.conftest import add_wang

MRN = "12345"


@pytest.fixture
def repo(store):
    return store.repository


@pytest.fixture
def wang(store):
    return add_wang(store)


def _state(store: PatientStore) -> tuple:
    """Everything a refusal must leave as it was."""
    records = tuple(store.get_patient(s.mrn) for s in store.list_patients(include_withdrawn=True))
    return records, store.list_patients(include_withdrawn=True), store.audit_log()


def _refused(store: PatientStore, action, error=InputError, field: str | None = None) -> None:
    before = _state(store)
    with pytest.raises(error) as caught:
        action()
    if field is not None:
        assert caught.value.field == field
    assert _state(store) == before


def _reported(store: PatientStore, result: OpResult, change: Change, version: int) -> None:
    """The result says what the database now holds."""
    assert isinstance(result, OpResult)
    assert result.change is change and result.version == version == result.record.version
    assert result.mrn == result.record.identity.mrn and result.patient_id == result.record.id
    assert result.record == store.get_patient(result.mrn)
    assert result.plan == result.record.compute_plan()
    audited = {e.id: e for e in store.audit_log(result.mrn)}[result.audit_id]
    assert audited.action == change.value and audited.patient_id == result.patient_id


def test_add_patient(store, repo):
    result = operations.add_patient(
        repo, PatientIdentity(name="Li Wei", mrn="777", dob=date(1960, 5, 1)), height_cm=Decimal(170),
        weight_kg=Decimal(70), measured_on=date(2026, 1, 2), regimen_id="anlotinib-epirubicin",
        start=date(2026, 1, 5))
    _reported(store, result, Change.PATIENT_ADDED, 1)
    assert result.entity_id == result.patient_id
    assert [s.mrn for s in store.list_patients()] == ["777"]


def test_add_patient_measured_before_birth_is_refused(store, repo):
    _refused(store, lambda: operations.add_patient(
        repo, PatientIdentity(name="Li Wei", mrn="777", dob=date(1960, 5, 1)), height_cm=Decimal(170),
        weight_kg=Decimal(70), measured_on=date(1959, 1, 2), regimen_id="anlotinib-epirubicin",
        start=date(2026, 1, 5)), field="measured_on")
    assert store.list_patients(include_withdrawn=True) == []


def test_edit_patient(store, repo, wang):
    identity = PatientIdentity(name="Wang Fang", mrn="M-9", dob=wang.identity.dob, sex="F", diagnosis="LMS")
    result = operations.edit_patient(repo, MRN, identity, expected_version=1)
    _reported(store, result, Change.PATIENT_UPDATED, 2)
    assert result.mrn == "M-9"
    assert store.audit_log("M-9")[-1].new == {"mrn": "M-9", "diagnosis": "LMS"}


def test_edit_patient_without_changes_writes_nothing(store, repo, wang):
    before = _state(store)
    result = operations.edit_patient(repo, MRN, wang.identity, expected_version=1)
    assert result.change is Change.UNCHANGED and result.audit_id is None and result.version == 1
    assert _state(store) == before


def test_edit_patient_refused(store, repo, wang):
    _refused(store, lambda: operations.edit_patient(repo, MRN, PatientIdentity(name=" ", mrn=MRN),
                                                    expected_version=1), field="name")
    _refused(store, lambda: operations.edit_patient(repo, MRN, wang.identity, expected_version=7),
             error=StaleRecord)


def test_change_plan_settings(store, repo, wang):
    result = operations.change_plan_settings(repo, MRN, PlanSettings(formula="DuBois"), expected_version=1)
    _reported(store, result, Change.PLAN_SETTINGS, 2)
    assert result.record.plan.settings.formula == "dubois"
    _refused(store, lambda: operations.change_plan_settings(repo, MRN, PlanSettings(formula="nope"),
                                                            expected_version=2))


def test_delay(store, repo, wang):
    result = operations.delay_cycle(repo, MRN, Delay(2, 7), "ANC 0.9", expected_version=1)
    _reported(store, result, Change.MODIFICATION_ADDED, 2)
    assert [m.id for m in result.record.modifications] == [result.entity_id]
    assert result.plan.cycle(2).delay_days == 7
    _refused(store, lambda: operations.delay_cycle(repo, MRN, Delay(99, 7), "x", expected_version=2),
             field="delay")


def test_record_weight(store, repo, wang):
    result = operations.record_weight(repo, MRN, WeightChange(2, Decimal(60), date(2026, 1, 24)),
                                      expected_version=1)
    _reported(store, result, Change.MODIFICATION_ADDED, 2)
    assert result.record.latest_measurement.weight_kg == Decimal(60)
    assert result.record.modifications[0].reason == "New weight measured."
    assert [e.action for e in store.audit_log(MRN)][-2:] == ["modification.add", "measurement.add"]


def test_record_weight_measured_before_birth_is_refused(store, repo, wang):
    _refused(store, lambda: operations.record_weight(repo, MRN, WeightChange(2, Decimal(60), date(1969, 1, 1)),
                                                     expected_version=1), field="measured_on")


def test_change_dose_level(store, repo, wang):
    result = operations.change_dose_level(repo, MRN, DoseLevelChange("Anlotinib", 3, Decimal(10)), "hand-foot",
                                          expected_version=1)
    _reported(store, result, Change.MODIFICATION_ADDED, 2)
    assert result.record.modifications[0].modification.drug == "anlotinib"  # the regimen's id
    _refused(store, lambda: operations.change_dose_level(
        repo, MRN, DoseLevelChange("anlotinib", 3, Decimal(10)), "again", expected_version=2), field="level")


def test_omit_days(store, repo, wang):
    result = operations.omit_days(repo, MRN, OmitDays("anlotinib", 1, (3, 4)), "diarrhoea", expected_version=1)
    _reported(store, result, Change.MODIFICATION_ADDED, 2)
    assert {3, 4} <= set(result.plan.cycle(1).dose_for("anlotinib").omitted_days)
    _refused(store, lambda: operations.omit_days(repo, MRN, OmitDays("anlotinib", 1, (3,)), "   ",
                                                 expected_version=2), field="reason")


def test_stop_drug(store, repo, wang):
    result = operations.stop_drug(repo, MRN, StopDrug("epirubicin", 3, 1), "LVEF fell", expected_version=1)
    _reported(store, result, Change.MODIFICATION_ADDED, 2)
    assert [c.dose_for("epirubicin") is not None and c.dose_for("epirubicin").given
            for c in result.plan.cycles[:4]] == [True, True, False, False]
    _refused(store, lambda: operations.stop_drug(repo, MRN, StopDrug("aspirin", 3, 1), "x", expected_version=2),
             field="drug")


def test_withdraw_modification(store, repo, wang):
    added = operations.delay_cycle(repo, MRN, Delay(2, 7), "ANC 0.9", expected_version=1)
    result = operations.withdraw_modification(repo, MRN, added.entity_id, "Undone: ANC 0.9", expected_version=2)
    _reported(store, result, Change.MODIFICATION_WITHDRAWN, 3)
    assert result.entity_id == added.entity_id and result.plan.cycle(2).delay_days == 0
    _refused(store, lambda: operations.withdraw_modification(repo, MRN, added.entity_id, "again",
                                                             expected_version=3), field="modification")


def test_record_double_check(store, repo, wang):
    result = operations.record_double_check(
        repo, MRN, cycle=1, drug="epirubicin", calculated_mg=Decimal(164), checked_mg=Decimal("163.5"),
        tolerance_pct=Decimal(5), first_checker="Li", second_checker="Chen", expected_version=1)
    _reported(store, result, Change.DOSE_CHECK_ADDED, 2)
    assert [c.id for c in result.record.dose_checks] == [result.entity_id]
    _refused(store, lambda: operations.record_double_check(
        repo, MRN, cycle=1, drug="epirubicin", calculated_mg=Decimal(150), checked_mg=Decimal(150),
        tolerance_pct=Decimal(5), first_checker="Li", second_checker="Chen", expected_version=2),
        field="calculated_dose")


def test_mark_given_and_withdraw_it(store, repo, wang):
    given = operations.mark_given(repo, MRN, cycle=1, day=1, drug="anlotinib", dose_mg=Decimal(12),
                                  given_on=date(2026, 1, 5), expected_version=1)
    _reported(store, given, Change.ADMINISTRATION_ADDED, 2)
    assert [a.id for a in given.record.administrations] == [given.entity_id]
    _refused(store, lambda: operations.mark_given(repo, MRN, cycle=1, day=30, drug="anlotinib",
                                                  dose_mg=Decimal(12), given_on=date(2026, 1, 5),
                                                  expected_version=2), field="day")
    withdrawn = operations.withdraw_administration(repo, MRN, given.entity_id, "recorded in error",
                                                   expected_version=2)
    _reported(store, withdrawn, Change.ADMINISTRATION_WITHDRAWN, 3)
    assert withdrawn.record.administrations[0].withdrawn
    _refused(store, lambda: operations.withdraw_administration(repo, MRN, given.entity_id, "again",
                                                               expected_version=3), field="administration")


@pytest.mark.parametrize(("values", "field", "text"), [
    ({"dose_mg": Decimal(99_999)}, "dose", "is 164 mg, not 99999 mg"),
    ({"day": 2}, "day", "no epirubicin on day 2 of cycle 1"),
    ({"given_on": date(9999, 1, 5)}, "given_on", "between 1900-01-01 and 2100-12-31"),
    ({"given_on": date(1969, 1, 5)}, "given_on", "before the date of birth"),
])
def test_mark_given_records_only_a_planned_dose(store, repo, wang, values, field, text):
    """The same rules plan-file import applies (record_rules), so what one refuses the other does too."""
    given = {"cycle": 1, "day": 1, "drug": "epirubicin", "dose_mg": Decimal(164), "given_on": date(2026, 1, 5)}
    given.update(values)
    before = _state(store)
    with pytest.raises(InputError, match=text) as caught:
        operations.mark_given(repo, MRN, expected_version=1, **given)
    assert caught.value.field == field
    assert _state(store) == before


def test_withdraw_patient(store, repo, wang):
    _refused(store, lambda: operations.withdraw_patient(repo, MRN, "", expected_version=1), field="reason")
    result = operations.withdraw_patient(repo, MRN, "moved to another hospital", expected_version=1)
    _reported(store, result, Change.PATIENT_WITHDRAWN, 2)
    assert result.record.withdrawn and store.list_patients() == []


def test_an_operation_computes_the_plan_once(store, repo, wang, monkeypatch):
    import planner.core.plan as core_plan

    calls = []
    real = core_plan.compute_plan
    monkeypatch.setattr(core_plan, "compute_plan", lambda *a, **k: calls.append(1) or real(*a, **k))
    operations.delay_cycle(repo, MRN, Delay(2, 7), "ANC 0.9", expected_version=1)
    assert len(calls) == 1
    operations.mark_given(repo, MRN, cycle=1, day=1, drug="anlotinib", dose_mg=Decimal(12),
                          given_on=date(2026, 1, 5), expected_version=2)
    assert len(calls) == 2


def test_every_audit_entry_is_written_by_the_one_repository_function():
    """A later hash chain hooks into append_audit: no other code inserts into the audit log."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "planner"
    writers = [p.relative_to(root).as_posix() for p in root.rglob("*.py") if "insert(audit_log)" in p.read_text()]
    assert writers == ["store/repository.py"]
    assert (root / "store" / "repository.py").read_text().count("insert(audit_log)") == 1


def test_the_plans_prescriber_is_set_on_adding_and_edited_with_the_details(store, repo, wang):
    assert wang.plan.prescriber == "" and wang.plan.created_at is not None  # the order date: when it was made
    result = operations.edit_patient(repo, MRN, wang.identity, expected_version=1, prescriber=" Dr Li Wei ")
    _reported(store, result, Change.PATIENT_UPDATED, 2)
    assert store.get_patient(MRN).plan.prescriber == "Dr Li Wei"
    entry = store.audit_log(MRN)[-1]
    assert entry.old == {"prescriber": ""} and entry.new == {"prescriber": "Dr Li Wei"}
    unchanged = operations.edit_patient(repo, MRN, wang.identity, expected_version=2, prescriber="Dr Li Wei")
    assert unchanged.change is Change.UNCHANGED
    with pytest.raises(InputError) as refused:
        operations.edit_patient(repo, MRN, wang.identity, expected_version=2, prescriber="Dr\u202eLi")
    assert refused.value.field == "prescriber"
    added = store.add_patient(PatientIdentity(name="Li Na", mrn="L-1"), height_cm=Decimal(160),
                              weight_kg=Decimal(55), measured_on=date(2026, 1, 2), regimen_id="anlotinib-epirubicin",
                              start=date(2026, 1, 5), prescriber="Dr Zhou")
    assert added.plan.prescriber == "Dr Zhou"
