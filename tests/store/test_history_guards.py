"""What the store refuses to write into a patient's history: a double check of a dose the plan no longer
calculates, a change that rewrites a cycle recorded as given, and anything for a withdrawn patient.
Every refusal is an InputError naming its field, and leaves the record (version, rows, audit) unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import PlanSettings
from tests.store.conftest import add_wang

MRN = "12345"


def _check(store, version, *, cycle=1, drug="epirubicin", calculated=Decimal(164)):
    return store.record_dose_check(MRN, cycle=cycle, drug=drug, calculated_mg=calculated, checked_mg=calculated,
                                   tolerance_pct=Decimal(5), first_checker="Li", second_checker="Chen",
                                   expected_version=version)


def _give(store, version, *, cycle, day=1, drug="epirubicin", mg=Decimal(164), on=date(2026, 1, 5)):
    """Record a dose as given the way the ward must: an infusion after its passed double check; the note
    gives the reason the date may differ from the planned one."""
    if drug == "epirubicin":
        version = _check(store, version, cycle=cycle, calculated=mg).version
    return store.record_administration(MRN, cycle=cycle, day=day, drug=drug, dose_mg=mg, given_on=on,
                                       note="entered after the event", expected_version=version)


def _unchanged(store, before):
    after = store.get_patient(MRN)
    assert after == before
    return after


# ---------------------------------------------------------------- #1: a check is of the dose the plan gives now

def test_dose_check_of_a_dose_the_plan_no_longer_calculates_is_refused(store):
    record = add_wang(store)
    record, _ = store.add_modification(MRN, DoseLevelChange("epirubicin", 3, Decimal(60)), "toxicity",
                                       expected_version=record.version)
    audit = len(store.audit_log(MRN))
    with pytest.raises(InputError, match="now calculates 109 mg of epirubicin for cycle 3, not 164 mg") as error:
        _check(store, record.version, cycle=3, calculated=Decimal(164))
    assert error.value.field == "calculated_dose"
    _unchanged(store, record)
    assert len(store.audit_log(MRN)) == audit
    record = _check(store, record.version, cycle=3, calculated=Decimal("109.0"))  # the same number is fine
    assert record.dose_checks[-1].calculated_mg == Decimal(109)


def test_dose_check_of_a_drug_the_cycle_does_not_give_is_refused(store):
    record = add_wang(store)
    record, _ = store.add_modification(MRN, OmitDays("epirubicin", 2, (1,)), "counts", expected_version=record.version)
    record, _ = store.add_modification(MRN, StopDrug("epirubicin", 4), "cardiac", expected_version=record.version)
    with pytest.raises(InputError, match="gives no epirubicin in cycle 2") as error:
        _check(store, record.version, cycle=2)
    assert error.value.field == "drug"
    with pytest.raises(InputError, match="not part of cycle 4") as error:
        _check(store, record.version, cycle=4)
    assert error.value.field == "drug"
    with pytest.raises(InputError, match="not part of cycle 7"):  # maintenance: no epirubicin at all
        _check(store, record.version, cycle=7)
    with pytest.raises(InputError) as error:
        _check(store, record.version, cycle=99)
    assert error.value.field == "cycle"
    _unchanged(store, record)


# ---------------------------------------------------------------- #6: given cycles are not rewritten

@pytest.mark.parametrize(("modification", "given_cycle"), [
    (Delay(2, 7), 2),
    (Delay(1, 7), 2),  # moving cycle 1 moves the given cycle 2 too
    (WeightChange(2, Decimal(56)), 2),
    (WeightChange(1, Decimal(56)), 2),
    (DoseLevelChange("epirubicin", 2, Decimal(75)), 2),
    (DoseLevelChange("epirubicin", 1, Decimal(75)), 2),
])
def test_a_change_of_a_cycle_recorded_as_given_is_refused(store, modification, given_cycle):
    record = add_wang(store)
    record = _give(store, record.version, cycle=given_cycle, on=date(2026, 1, 26))
    audit = len(store.audit_log(MRN))
    with pytest.raises(InputError) as error:
        store.add_modification(MRN, modification, "toxicity", expected_version=record.version)
    message = str(error.value)
    assert error.value.field == "cycle"
    assert message.startswith(f"Cycle {modification.cycle}:")
    assert "epirubicin on day 1 of cycle 2, 2026-01-26" in message
    assert "from cycle 3 on" in message and "withdraw the given record first" in message
    assert "nothing was saved" in message
    _unchanged(store, record)
    assert len(store.audit_log(MRN)) == audit


@pytest.mark.parametrize("modification", [
    Delay(3, 7),
    WeightChange(3, Decimal(56), date(2026, 2, 10)),
    DoseLevelChange("epirubicin", 3, Decimal(75)),
    DoseLevelChange("anlotinib", 2, Decimal(10)),  # another drug than the one given in cycle 2
    OmitDays("epirubicin", 3, (1,)),
    OmitDays("anlotinib", 2, (8, 9)),
    StopDrug("epirubicin", 3),
    StopDrug("anlotinib", 2, 1),
])
def test_changes_from_the_next_cycle_or_of_other_drugs_are_accepted(store, modification):
    record = add_wang(store)
    record = _give(store, record.version, cycle=2, on=date(2026, 1, 26))
    record, _ = store.add_modification(MRN, modification, "toxicity", expected_version=record.version)
    assert modification in record.active_modifications()


@pytest.mark.parametrize(("modification", "refused"), [
    (OmitDays("anlotinib", 2, (5, 6)), True),
    (OmitDays("anlotinib", 2, (6, 7)), False),
    (StopDrug("anlotinib", 2, 5), True),
    (StopDrug("anlotinib", 2, 6), False),
    (StopDrug("anlotinib", 1, 10), True),  # a stop is for good: it would take away the given day 5 of cycle 2
])
def test_held_or_stopped_days_must_not_be_given_days(store, modification, refused):
    record = add_wang(store)
    for day in range(1, 6):
        record = _give(store, record.version, cycle=2, day=day, drug="anlotinib", mg=Decimal(12),
                       on=date(2026, 1, 25 + day))
    if refused:
        with pytest.raises(InputError, match="Hold or stop only days not recorded as given") as error:
            store.add_modification(MRN, modification, "hand-foot", expected_version=record.version)
        assert "anlotinib on day 5 of cycle 2" in str(error.value) or "day 1 of cycle 2" in str(error.value)
        _unchanged(store, record)
    else:
        record, _ = store.add_modification(MRN, modification, "hand-foot", expected_version=record.version)
        assert modification in record.active_modifications()


def test_a_withdrawn_administration_no_longer_blocks_a_change(store):
    record = add_wang(store)
    record = _give(store, record.version, cycle=2, on=date(2026, 1, 26))
    with pytest.raises(InputError):
        store.add_modification(MRN, Delay(2, 7), "counts", expected_version=record.version)
    record = store.withdraw_administration(MRN, record.administrations[0].id, "recorded in error",
                                           expected_version=record.version)
    record, _ = store.add_modification(MRN, Delay(2, 7), "counts", expected_version=record.version)
    assert record.compute_plan().cycle(2).start == date(2026, 2, 2)


def test_undo_of_a_modification_still_works_after_the_cycle_was_given(store):
    record = add_wang(store)
    record, mod_id = store.add_modification(MRN, Delay(2, 7), "counts", expected_version=record.version)
    record = _give(store, record.version, cycle=2, on=date(2026, 2, 2))
    record = store.withdraw_modification(MRN, mod_id, "Undone: wrong patient", expected_version=record.version)
    assert record.active_modifications() == ()


def test_reviewers_reproduction_leaves_the_given_cycle_as_given(store):
    record = add_wang(store)
    record = _give(store, record.version, cycle=1)
    for modification in (DoseLevelChange("epirubicin", 1, Decimal(60)), Delay(1, 10)):
        with pytest.raises(InputError, match="Cycle 1: "):
            store.add_modification(MRN, modification, "oops", expected_version=record.version)
    cycle = store.get_patient(MRN).compute_plan().cycle(1)
    assert (cycle.start, cycle.dose_for("epirubicin").dose_mg) == (date(2026, 1, 5), Decimal(164))


# ---------------------------------------------------------------- #7: a withdrawn patient's history is closed

def test_every_history_write_refuses_a_withdrawn_patient(store):
    record = add_wang(store)
    record, mod_id = store.add_modification(MRN, Delay(3, 7), "counts", expected_version=record.version)
    record = _give(store, record.version, cycle=1)
    given_id = record.administrations[0].id
    record = store.withdraw_patient(MRN, "progression", expected_version=record.version)
    audit = len(store.audit_log(MRN))
    v = record.version
    writes = {
        "add_modification": lambda: store.add_modification(MRN, Delay(4, 7), "x", expected_version=v),
        "weight": lambda: store.add_modification(MRN, WeightChange(2, Decimal(60)), "", expected_version=v),
        "withdraw_modification": lambda: store.withdraw_modification(MRN, mod_id, "x", expected_version=v),
        "record_dose_check": lambda: _check(store, v),
        "record_administration": lambda: _give(store, v, cycle=1, day=1, drug="anlotinib", mg=Decimal(12)),
        "withdraw_administration": lambda: store.withdraw_administration(MRN, given_id, "x", expected_version=v),
        "update_plan_settings": lambda: store.update_plan_settings(
            MRN, replace(PlanSettings(), rounding_step_mg=Decimal(5)), expected_version=v),
    }
    for name, write in writes.items():
        with pytest.raises(InputError, match=r"^Patient 12345 is withdrawn \(progression\); nothing was saved\.$",
                           ) as error:
            write()
        assert error.value.field == "withdrawn", name
    _unchanged(store, record)
    assert len(store.audit_log(MRN)) == audit


def test_a_dose_level_change_that_changes_nothing_is_refused(tmp_path):
    from planner.core.errors import InputError
    from planner.core.modifications import DoseLevelChange
    from planner.store import PatientIdentity, PatientStore

    with PatientStore.open(tmp_path / "levels.sqlite3", actor="nurse") as store:
        record = store.add_patient(PatientIdentity("Wang Fang", "L1"), height_cm=Decimal(170), weight_kg=Decimal(70),
                                   measured_on=date(2026, 1, 2), regimen_id="anlotinib-epirubicin",
                                   start=date(2026, 1, 5))
        record, _ = store.add_modification("L1", DoseLevelChange("epirubicin", 2, Decimal(75)), "FN",
                                           expected_version=record.version)
        with pytest.raises(InputError, match="already at 75 mg/m² in cycle 4"):
            store.add_modification("L1", DoseLevelChange("epirubicin", 4, Decimal(75)), "again",
                                   expected_version=record.version)
        assert store.get_patient("L1").version == record.version
