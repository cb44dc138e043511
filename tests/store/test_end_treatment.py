"""Open-ended maintenance rolls forward until the treatment is ended; ending is stored, audited, in plan files
and undone by withdrawal (every store test runs on SQLite and, when configured, PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from planner.cli import main
from planner.core.errors import InputError
from planner.core.modifications import EndReason, EndTreatment
from planner.core.plan import ROLLING_CYCLES_AHEAD, PatientInputs, compute_plan
from planner.core.regimen import load_regimen
from tests.conftest import PINNED_TODAY as TODAY
from tests.store.conftest import add_wang


@pytest.fixture(autouse=True)
def _clock(pinned_today):
    """The store ends a treatment "today" by date.today(): the clock is pinned so TODAY is that day."""


def test_a_patient_started_two_years_ago_is_still_on_treatment_with_cycles_covering_today(store):
    start = TODAY - timedelta(days=730)
    record = add_wang(store, start=start, measured_on=start - timedelta(days=3))
    plan = record.compute_plan()
    assert plan.cycle_on(TODAY) is not None
    assert plan.end >= TODAY + timedelta(days=ROLLING_CYCLES_AHEAD * 21)
    assert len(plan.cycles) > 12 and plan.cycles[-1].phase.id == "maintenance"
    [row] = store.list_patients()
    assert row.status == "on treatment" and row.current_cycle == plan.cycle_on(TODAY).number
    assert row.next_dose_date is not None and row.next_dose_date >= TODAY


def test_rolling_horizon_in_the_core():
    regimen = load_regimen()
    inputs = PatientInputs(date(2024, 1, 1), Decimal(170), Decimal(70))
    fixed = compute_plan(regimen, inputs)
    assert len(fixed.cycles) == 12  # no `today`: the planned cycles only
    rolled = compute_plan(regimen, inputs, today=date(2026, 1, 1))
    assert rolled.cycles[:12] == fixed.cycles
    assert rolled.end >= date(2026, 1, 1) + timedelta(days=63) and rolled.end - timedelta(days=21) < date(2026, 3, 5)
    # An ended plan stops after the cycle it names and no longer rolls.
    ended = compute_plan(regimen, inputs, modifications=(EndTreatment(8, date(2024, 5, 20), EndReason.PROGRESSION),),
                         today=date(2026, 1, 1))
    assert len(ended.cycles) == 8 and ended.ended is not None


def test_end_treatment_stops_after_the_cycle_in_progress_and_is_undone_by_withdrawal(store):
    start = TODAY - timedelta(days=300)
    record = add_wang(store, start=start, measured_on=start - timedelta(days=3))
    in_progress = record.compute_plan().cycle_on(TODAY).number
    ended = store.end_treatment("12345", "progression", "CT: new lung nodules", expected_version=record.version)
    plan = ended.compute_plan()
    assert plan.cycles[-1].number == in_progress and plan.ended.reason_code is EndReason.PROGRESSION
    assert plan.ended.note == "CT: new lung nodules" and plan.ended.effective_on == TODAY
    [row] = store.list_patients()
    assert row.status == "ended"
    entry = store.audit_log("12345")[-1]
    assert entry.action == "modification.add" and entry.new["kind"] == "end_treatment"
    assert entry.new["reason_code"] == "progression"
    with pytest.raises(InputError) as err:
        store.end_treatment("12345", "death", expected_version=ended.version)
    assert err.value.field == "reason_code"
    mod = ended.modifications[-1]
    back = store.withdraw_modification("12345", mod.id, "Undone: ended by mistake", expected_version=ended.version)
    assert back.compute_plan().ended is None and back.compute_plan().end > TODAY
    assert store.list_patients()[0].status == "on treatment"


def test_end_treatment_refuses_bad_input(store):
    record = add_wang(store, start=TODAY - timedelta(days=30), measured_on=TODAY - timedelta(days=33))
    for kwargs, field in [({"reason_code": "bored"}, "reason_code"),
                          ({"reason_code": "other", "effective_on": TODAY + timedelta(days=1)}, "effective_on"),
                          ({"reason_code": "other", "effective_on": TODAY - timedelta(days=60)}, "effective_on")]:
        code = kwargs.pop("reason_code")
        with pytest.raises(InputError) as err:
            store.end_treatment("12345", code, expected_version=record.version, **kwargs)
        assert err.value.field == field
    assert store.get_patient("12345").version == record.version  # nothing saved


def test_an_ended_treatment_travels_in_the_plan_file(store, tmp_path):
    start = TODAY - timedelta(days=100)
    record = add_wang(store, start=start, measured_on=start - timedelta(days=3))
    store.end_treatment("12345", "patient-choice", effective_on=TODAY - timedelta(days=2),
                        expected_version=record.version)
    store.export_plan_file("12345", tmp_path / "p.json")
    data = json.loads((tmp_path / "p.json").read_text())
    [end] = [m for m in data["modifications"] if m["kind"] == "end_treatment"]
    assert end["reason_code"] == "patient-choice"
    data["patient"]["mrn"] = "C-2"
    (tmp_path / "q.json").write_text(json.dumps(data))
    copied = store.import_plan_file(tmp_path / "q.json")
    assert copied.compute_plan().ended.reason_code is EndReason.PATIENT_CHOICE
    data["modifications"][-1]["reason_code"] = "bored"
    data["patient"]["mrn"] = "C-3"
    (tmp_path / "r.json").write_text(json.dumps(data))
    with pytest.raises(Exception, match="reason_code"):
        store.import_plan_file(tmp_path / "r.json")


def test_cli_patient_end(capsys, database):
    start = (TODAY - timedelta(days=60)).isoformat()
    db = ["--database", database]
    assert main(["patient", "add", "--name", "Li Na", "--mrn", "E1", "--height", "160", "--weight", "55",
                 "--measured-on", start, "--start", start, *db]) == 0
    capsys.readouterr()
    assert main(["patient", "end", "E1", "--reason", "bored", *db]) == 2
    assert capsys.readouterr().err.strip().startswith("error: ")
    assert main(["patient", "end", "E1", "--reason", "toxicity", "--note", "grade 4 bleeding",
                 "--on", TODAY.isoformat(), *db]) == 0
    out = capsys.readouterr().out
    assert "treatment ended" in out and "toxicity" in out
    assert main(["patient", "list", "--json", *db]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "ended"
