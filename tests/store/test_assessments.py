"""Assessments (issue 11): stored with the audit trail, accepted into modifications in one transaction, undone."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from planner import operations
from planner.core.assessment import Assessment, Bilirubin, ToxicityGrade
from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange, DosePercentChange, OmitDays, StopDrug
from planner.store import codec
from tests.store.conftest import add_wang


def _accept(store, assessment, reason="reviewed with the team", **kwargs):
    current = store.get_patient("12345")
    return operations.accept_assessment(store.repository, "12345", assessment, reason=reason,
                                        expected_version=current.version, **kwargs)


def _created(result):
    stored = next(a for a in result.record.assessments if a.id == result.entity_id)
    return stored, [m for m in result.record.modifications if m.id in stored.modification_ids]


def test_store_round_trip_keeps_every_value_with_its_units(store):
    add_wang(store)
    assessment = Assessment(
        cycle=2, anc=Decimal("1.8"), platelets=Decimal(150), hb=Decimal(110),
        bilirubin=Bilirubin(Decimal("1.5"), "mg/dL"), ast=Decimal(60), uln_ast=Decimal(40), lvef=Decimal(60),
        nadir_anc=Decimal("0.9"), febrile_neutropenia=True,
        toxicities=(ToxicityGrade("diarrhoea", 2), ToxicityGrade("bleeding", 1)),
        ongoing=(ToxicityGrade("fatigue", 1),))
    result = operations.record_assessment(store.repository, "12345", assessment, expected_version=1)
    (stored,) = store.get_patient("12345").assessments
    assert stored.assessment == assessment and not stored.accepted and stored.decision == "modify"
    assert {f.code for f in stored.rules} == {"epirubicin-hepatic-moderate", "epirubicin-nadir",
                                              "anlotinib-bleeding-grade-1"}
    assert stored.recorded_by == "nurse.a" and result.change.value == "assessment.add"
    data = codec.assessment_to_dict(assessment)
    assert data["bilirubin"] == {"value": "1.5", "unit": "mg/dL", "normalised": "25.65", "normalised_unit": "umol/L"}
    assert data["anc"]["unit"] == "x 10^9/L"
    # nothing in the plan changed: recording is not accepting
    assert store.get_patient("12345").active_modifications() == ()
    audit = [e for e in store.audit_log() if e.action == "assessment.add"]
    assert len(audit) == 1 and audit[0].new["decision"] == "modify"


def test_accepting_a_reduction_creates_a_percent_change_with_the_rules(store):
    add_wang(store)
    result = _accept(store, Assessment(cycle=2, anc=Decimal(2), platelets=Decimal(150),
                                       bilirubin=Bilirubin(Decimal("1.5"), "mg/dL")))
    stored, created = _created(result)
    assert stored.accepted and stored.decision == "modify" and result.change.value == "assessment.accept"
    (mod,) = created
    assert mod.modification == DosePercentChange("epirubicin", 2, Decimal(50), "starting")
    assert "[epirubicin-hepatic-moderate]" in mod.reason and "reviewed with the team" in mod.reason
    epirubicin = result.plan.cycle(2).dose_for("epirubicin")
    assert epirubicin.level == Decimal(45)
    actions = [e.action for e in store.audit_log()]
    assert actions[-2:] == ["modification.add", "assessment.accept"]


def test_a_reduction_landing_on_a_regimen_level_is_a_level_change(store):
    add_wang(store)
    # grade 3 hypertension: anlotinib one level lower (10 mg)
    result = _accept(store, Assessment(cycle=2, anc=Decimal(2), platelets=Decimal(150),
                                       toxicities=(ToxicityGrade("hypertension", 3),)))
    _, created = _created(result)
    # grade 3 non-haematological toxicity also takes epirubicin to 75% of the current dose (67.5: no level)
    assert [m.modification for m in created] == [DoseLevelChange("anlotinib", 2, Decimal(10)),
                                                 DosePercentChange("epirubicin", 2, Decimal(75), "current")]


def test_a_hold_for_counts_delays_the_cycle_and_undo_withdraws_it(store):
    add_wang(store)
    before = store.get_patient("12345").compute_plan().cycle(2).start
    result = _accept(store, Assessment(cycle=2, anc=Decimal("1.49"), platelets=Decimal(150)), delay_days=10)
    stored, created = _created(result)
    assert [m.modification for m in created] == [Delay(2, 10)]
    assert "[start-anc]" in created[0].reason
    assert (result.plan.cycle(2).start - before).days == 10
    undone = operations.withdraw_assessment(store.repository, "12345", stored.id, "Undone: entered in error",
                                            expected_version=result.version)
    record = store.get_patient("12345")
    assert record.active_modifications() == () and undone.plan.cycle(2).start == before
    (again,) = record.assessments
    assert again.withdrawn and again.withdrawn_reason == "Undone: entered in error"
    assert [e.action for e in store.audit_log()][-2:] == ["modification.withdraw", "assessment.withdraw"]


def test_grade_2_bleeding_holds_anlotinib_this_cycle_and_lowers_it_from_the_next(store):
    add_wang(store)
    result = _accept(store, Assessment(cycle=2, anc=Decimal(2), platelets=Decimal(150),
                                       toxicities=(ToxicityGrade("bleeding", 2),)))
    stored, created = _created(result)
    assert stored.decision == "hold"
    kinds = [m.modification for m in created]
    assert kinds[0] == OmitDays("anlotinib", 2, kinds[0].days) and len(kinds[0].days) == 14
    assert kinds[1] == DoseLevelChange("anlotinib", 3, Decimal(10))
    assert result.plan.cycle(3).dose_for("anlotinib").level == Decimal(10)


def test_grade_3_bleeding_stops_anlotinib(store):
    add_wang(store)
    result = _accept(store, Assessment(cycle=2, anc=Decimal(2), platelets=Decimal(150),
                                       toxicities=(ToxicityGrade("bleeding", 3),)))
    _, created = _created(result)
    assert created[0].modification == StopDrug("anlotinib", 2, 1)
    later = result.plan.cycle(3).dose_for("anlotinib")
    assert later is None or not later.given


def test_incomplete_cannot_be_accepted_and_nothing_is_saved(store):
    add_wang(store)
    with pytest.raises(InputError) as caught:
        _accept(store, Assessment(cycle=2, anc=Decimal(2)))
    assert caught.value.field == "decision" and "platelets" in str(caught.value)
    record = store.get_patient("12345")
    assert record.assessments == () and record.version == 1


def test_prescriber_confirmation_is_required_and_recorded(store):
    from planner.core.plan import PriorExposure

    add_wang(store, prior=(PriorExposure("epirubicin", Decimal(850)),))
    assessment = Assessment(cycle=1, anc=Decimal(2), platelets=Decimal(150), lvef=Decimal(60))
    with pytest.raises(InputError) as caught:
        _accept(store, assessment)
    assert caught.value.field == "prescriber"
    result = _accept(store, assessment, prescriber="Dr Li")
    stored, _ = _created(result)
    assert stored.prescriber == "Dr Li" and stored.prescriber_at is not None


def test_a_stale_version_is_refused(store):
    from planner.store.errors import StaleRecord

    add_wang(store)
    with pytest.raises(StaleRecord):
        operations.accept_assessment(store.repository, "12345", Assessment(cycle=2, anc=Decimal(2),
                                                                           platelets=Decimal(150)),
                                     reason="ok", expected_version=7)


# ------------------------------------------------------------------------------------------ plan files


@pytest.fixture
def accepted_record(store):
    add_wang(store)
    _accept(store, Assessment(cycle=2, anc=Decimal(2), platelets=Decimal(150),
                              bilirubin=Bilirubin(Decimal("1.5"), "mg/dL")))
    current = store.get_patient("12345")
    return operations.record_assessment(store.repository, "12345", Assessment(
        cycle=3, anc=Decimal(1), platelets=Decimal(80), toxicities=(ToxicityGrade("bleeding", 1),)),
        expected_version=current.version).record


def test_plan_file_round_trip_keeps_the_assessments(accepted_record, store, tmp_path):
    from planner.store import PatientStore

    path = tmp_path / "wang.json"
    store.export_plan_file("12345", path)
    with PatientStore.open(tmp_path / "other-site.sqlite3", actor="nurse.z") as other:
        imported = other.import_plan_file(path)
    assert len(imported.assessments) == 2
    for mine, theirs in zip(accepted_record.assessments, imported.assessments, strict=True):
        assert (mine.assessment, mine.decision, mine.rules, mine.accepted, mine.reason, mine.recorded_by,
                mine.recorded_at) == (theirs.assessment, theirs.decision, theirs.rules, theirs.accepted,
                                      theirs.reason, theirs.recorded_by, theirs.recorded_at)
    (created,) = imported.assessments[0].modification_ids
    change = next(m for m in imported.modifications if m.id == created).modification
    assert change == DosePercentChange("epirubicin", 2, Decimal(50), "starting")
    assert imported.compute_plan().cycle(2).dose_for("epirubicin").level == Decimal(45)


@pytest.mark.parametrize(("key", "value", "path"), [
    ("anc", {"value": "-1", "unit": "x 10^9/L"}, "assessments[0].anc"),
    ("anc", {"value": "1.5", "unit": "cells/µL"}, "assessments[0].anc"),
    ("bilirubin", {"value": "2000", "unit": "umol/L"}, "assessments[0].bilirubin"),
    ("toxicity", [{"term": "sneezing", "grade": 2}], "assessments[0].toxicity"),
    ("toxicity", [{"term": "bleeding", "grade": 5}], "assessments[0].toxicity"),
    ("cycle", 99, "assessments[0].cycle"),
    ("decision", "maybe", "assessments[0].decision"),
    ("modifications", [7], "assessments[0].modifications[0]"),
])
def test_plan_file_refuses_a_bad_assessment_naming_its_path(accepted_record, key, value, path):
    from planner.store import PlanFileError
    from planner.store.planfile import parse_plan_file, record_to_plan_file

    data = json.loads(json.dumps(record_to_plan_file(accepted_record, exported_by="t")))
    data["assessments"][0][key] = value
    with pytest.raises(PlanFileError) as caught:
        parse_plan_file(json.dumps(data))
    assert caught.value.path == path


def test_a_plan_file_without_assessments_is_still_version_1(accepted_record):
    from planner.store.planfile import parse_plan_file, record_to_plan_file

    data = json.loads(json.dumps(record_to_plan_file(accepted_record, exported_by="t")))
    assert data["version"] == 1
    del data["assessments"]
    assert parse_plan_file(json.dumps(data)).assessments == ()


def test_with_accounts_only_a_signed_in_prescriber_confirms(store):
    """Accounts on: the confirmation is the signed-in prescriber's own (a typed name is not enough)."""
    from planner.core.plan import PriorExposure
    from planner.core.roles import Role

    operations.add_user(store.repository, "admin", role=Role.ADMINISTRATOR, password="admin-secret-1")
    store.sign_in("admin", "admin-secret-1")
    operations.add_user(store.repository, "nurse.a", role=Role.NURSE, password="correct horse")
    operations.add_user(store.repository, "dr.li", role=Role.PRESCRIBER, password="correct horse")
    add_wang(store, prior=(PriorExposure("epirubicin", Decimal(850)),))
    assessment = Assessment(cycle=1, anc=Decimal(2), platelets=Decimal(150), lvef=Decimal(60))
    store.sign_in("nurse.a", "correct horse")
    with pytest.raises(InputError) as caught:
        _accept(store, assessment, prescriber="Dr Li")
    assert caught.value.field == "prescriber" and "prescriber-confirmation" in caught.value.message
    assert store.get_patient("12345").assessments == ()
    store.sign_in("dr.li", "correct horse")
    stored, _ = _created(_accept(store, assessment))
    assert stored.prescriber == "dr.li"
