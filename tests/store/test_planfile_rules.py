"""Plan-file import applies the store's rules to the history it brings: dates of record between 1900 and 2100
and not before birth, administrations that the plan has (day, dose, date within the cycle), double checks of
the plan's dose. Each refusal names the path and leaves the database as it was."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from planner import operations
from planner.core.modifications import Delay, WeightChange
from planner.store import PatientStore, PlanFileError
from planner.store.planfile import record_to_plan_file
from tests.store.conftest import add_wang
from tests.store.test_planfile import _valid, full_record  # noqa: F401 (full_record is a fixture)


def _admin(data: dict, **values) -> dict:
    data["administrations"][0].update(values)
    return data


def _check(data: dict, mg: int) -> dict:
    data["dose_checks"][0].update(calculated_mg=mg, checked_mg=mg, deviation_pct=0, passed=True)
    return data


CASES = [
    (lambda d: _admin(d, given_on="9999-01-05"), "administrations[0].given_on", "from 1900-01-01 to 2100-12-31"),
    (lambda d: _admin(d, given_on="1960-01-05"), "administrations[0].given_on", "before the date of birth"),
    (lambda d: _admin(d, given_on="2026-03-01"), "administrations[0].given_on", "not within cycle 1"),
    (lambda d: _admin(d, day=99), "administrations[0].day", "cycle 1 has days 1 to 28"),
    (lambda d: _admin(d, day=2), "administrations[0].day", "no epirubicin on day 2 of cycle 1"),
    (lambda d: _admin(d, dose_mg=99_999), "administrations[0].dose_mg", "is 164 mg, not 99999 mg"),
    (lambda d: _admin(d, drug="anlotinib", day=1, dose_mg=164), "administrations[0].dose_mg", "is 12 mg"),
    (lambda d: _check(d, 150), "dose_checks[0].calculated_mg", "calculates 164 mg of epirubicin for cycle 1"),
    (lambda d: d["measurements"][0].update(measured_on="0001-01-01"), "measurements[0].measured_on", "to 2100-12-31"),
    (lambda d: d["measurements"][0].update(measured_on="2150-01-01"), "measurements[0].measured_on", "to 2100-12-31"),
    (lambda d: d["measurements"][1].update(measured_on="1969-12-31"), "measurements[1].measured_on",
     "before the date of birth (1970-03-01)"),
    (lambda d: d["modifications"][2].update(measured_on="1960-01-01"), "modifications[2].measured_on",
     "before the date of birth"),
]


@pytest.mark.parametrize(("mutate", "path", "reason"), CASES)
def test_a_history_entry_the_store_would_refuse_is_refused_and_changes_nothing(
        full_record, store, tmp_path, mutate, path, reason):  # noqa: F811
    data = _valid(full_record)
    data["patient"]["mrn"] = "55555"  # not a duplicate: only the rule can refuse it
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = (store.list_patients(include_withdrawn=True), store.audit_log())
    with pytest.raises(PlanFileError) as caught:
        operations.import_plan_file(store.repository, bad)
    assert caught.value.path == path
    assert reason in caught.value.reason
    assert caught.value.message.startswith(f"{path}: ")
    assert (store.list_patients(include_withdrawn=True), store.audit_log()) == before


def test_the_unchanged_file_imports(full_record, store, tmp_path):  # noqa: F811
    data = _valid(full_record)
    data["patient"]["mrn"] = "55555"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data))
    result = operations.import_plan_file(store.repository, good)
    assert result.change is operations.Change.PATIENT_IMPORTED and result.mrn == "55555"


def _round_trip(store: PatientStore, tmp_path) -> operations.OpResult:
    path = tmp_path / "wang.json"
    store.export_plan_file("12345", path)
    with PatientStore.open(tmp_path / "other-site.sqlite3", actor="nurse.z") as other:
        return operations.import_plan_file(other.repository, path)


def test_a_check_of_a_dose_a_later_weight_change_replaced_still_imports(store, tmp_path):
    """The check matched the plan when it was made (the store checked that); it is shown outdated now."""
    record = add_wang(store)
    dose = record.compute_plan().cycle(2).dose_for("epirubicin").dose_mg
    record = store.record_dose_check("12345", cycle=2, drug="epirubicin", calculated_mg=dose, checked_mg=dose,
                                     tolerance_pct=Decimal(5), first_checker="Li", second_checker="Chen",
                                     expected_version=record.version)
    record, _ = store.add_modification("12345", WeightChange(2, Decimal(50), date(2026, 1, 20)), "",
                                       expected_version=record.version)
    assert record.compute_plan().cycle(2).dose_for("epirubicin").dose_mg != dose  # the check is outdated
    imported = _round_trip(store, tmp_path)
    assert [c.calculated_mg for c in imported.record.dose_checks] == [dose]


def test_a_dose_given_in_a_delayed_cycle_imports_after_the_delay_was_undone(store, tmp_path):
    """Withdrawing a modification is not checked against given doses (it restores the earlier plan); the
    administration matched the plan in force when it was recorded."""
    record = add_wang(store)
    record, delay_id = store.add_modification("12345", Delay(2, 7), "ANC low", expected_version=record.version)
    cycle = record.compute_plan().cycle(2)
    dose = cycle.dose_for("epirubicin").dose_mg
    record = store.record_dose_check("12345", cycle=2, drug="epirubicin", calculated_mg=dose, checked_mg=dose,
                                     tolerance_pct=Decimal(5), first_checker="AL", second_checker="MK",
                                     expected_version=record.version)
    record = store.record_administration("12345", cycle=2, day=1, drug="epirubicin",
                                         dose_mg=cycle.dose_for("epirubicin").dose_mg, given_on=cycle.start,
                                         expected_version=record.version)
    record = store.withdraw_modification("12345", delay_id, "Undone", expected_version=record.version)
    assert record.compute_plan().cycle(2).start != cycle.start
    imported = _round_trip(store, tmp_path)
    assert [a.given_on for a in imported.record.administrations] == [cycle.start]


def test_a_check_not_of_the_plans_dose_at_its_time_is_refused(store):
    record = add_wang(store)
    data = json.loads(json.dumps(record_to_plan_file(record, exported_by="x")))
    data["dose_checks"] = [{"cycle": 1, "drug": "epirubicin", "calculated_mg": 100, "checked_mg": 100,
                            "deviation_pct": 0, "tolerance_pct": 5, "passed": True, "first_checker": "Li",
                            "second_checker": "Chen", "checked_at": "2026-01-05T09:00:00+00:00"}]
    from planner.store.planfile import parse_plan_file

    with pytest.raises(PlanFileError, match=r"^dose_checks\[0\]\.calculated_mg: .*164 mg"):
        parse_plan_file(json.dumps(data))
