"""Plan files: exact round trip between two databases, the first problem reported with its path,
a bad file changes nothing, files are 0600, and (fuzzed) any input ends in a record or PlanFileError."""

from __future__ import annotations

import copy
import json
import stat
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.modifications import Delay, DoseLevelChange, WeightChange
from planner.store import PatientRecord, PatientStore, PlanFileError
from planner.store.planfile import parse_plan_file, record_to_plan_file
from tests.store.conftest import add_wang


@pytest.fixture
def full_record(store):
    add_wang(store, weight_kg=Decimal("69.85"))
    store.add_modification("12345", Delay(2, 7), "ANC 0.9", expected_version=1)
    _, mod_id = store.add_modification("12345", DoseLevelChange("anlotinib", 3, Decimal(10)), "hand-foot",
                                       expected_version=2)
    store.add_modification("12345", WeightChange(4, Decimal(61), date(2026, 3, 1)), "", expected_version=3)
    store.withdraw_modification("12345", mod_id, "wrong cycle", expected_version=4)
    store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                            checked_mg=Decimal("163.5"), tolerance_pct=Decimal(5), first_checker="Li",
                            second_checker="Chen", expected_version=5)
    return store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                       given_on=date(2026, 1, 5), expected_version=6)


def _history(record: PatientRecord) -> tuple:
    """Everything but database ids and the record's own stamps."""
    return (record.identity, record.withdrawn,
            [(m.measured_on, m.height_cm, m.weight_kg, m.entered_by, m.entered_at) for m in record.measurements],
            record.plan.regimen_id, record.plan.start, record.plan.settings, record.plan.prior,
            [(m.modification, m.reason, m.created_by, m.created_at, m.withdrawn, m.withdrawn_reason, m.withdrawn_by,
              m.withdrawn_at) for m in record.modifications],
            [(c.cycle, c.drug, c.calculated_mg, c.checked_mg, c.deviation_pct, c.tolerance_pct, c.passed,
              c.first_checker, c.second_checker, c.checked_at) for c in record.dose_checks],
            [(a.cycle, a.day, a.drug, a.dose_mg, a.given_on, a.given_by, a.recorded_at)
             for a in record.administrations])


def test_round_trip_between_sites(full_record, store, tmp_path):
    path = tmp_path / "out" / "wang.json"
    path.parent.mkdir()
    store.export_plan_file("12345", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["wang.json"]  # no temp file left behind
    data = json.loads(path.read_text())
    assert data["format"] == "cycle-planner/plan" and data["version"] == 1
    assert data["measurements"][0]["weight_kg"] == 69.85
    with PatientStore.open(tmp_path / "other-site.sqlite3", actor="nurse.z") as other:
        imported = other.import_plan_file(path)
        assert _history(imported) == _history(full_record)
        assert imported.compute_plan().cycles == full_record.compute_plan().cycles
        assert imported.version == 1
        [entry] = other.audit_log("12345")
        assert entry.action == "patient.import" and entry.actor == "nurse.z"


def _valid(full_record) -> dict:
    return json.loads(json.dumps(record_to_plan_file(full_record, exported_by="nurse.a")))


@pytest.mark.parametrize(("mutate", "path", "reason"), [
    (lambda d: d["measurements"][0].__setitem__("weight_kg", 0), "measurements[0].weight_kg", "must be > 0"),
    (lambda d: d["measurements"][1].__setitem__("weight_kg", -3), "measurements[1].weight_kg", "must be > 0"),
    (lambda d: d["measurements"][0].__setitem__("height_cm", "tall"), "measurements[0].height_cm", "number"),
    (lambda d: d["measurements"][0].__setitem__("weight_kg", 700), "measurements[0].weight_kg", "Weight"),
    (lambda d: d["measurements"][0].pop("measured_on"), "measurements[0].measured_on", "missing"),
    (lambda d: d["measurements"][0].__setitem__("measured_on", "2026-02-30"), "measurements[0].measured_on",
     "calendar"),
    (lambda d: d["measurements"][0].__setitem__("entered_at", "2026-01-01T10:00:00"), "measurements[0].entered_at",
     "time zone"),
    (lambda d: d.__setitem__("measurements", []), "measurements", "baseline"),
    (lambda d: d.__setitem__("format", "something/else"), "format", "not a Cycle Planner plan file"),
    (lambda d: d.__setitem__("version", 2), "version", "not supported"),
    (lambda d: d["patient"].__setitem__("mrn", " "), "patient.mrn", "empty"),
    (lambda d: d["patient"].__setitem__("sex", "Q"), "patient.sex", "F, M or X"),
    (lambda d: d["plan"].__setitem__("regimen", "folfox"), "plan.regimen", "not known"),
    (lambda d: d["plan"]["settings"].__setitem__("rounding_step_mg", "1E-999999"), "plan.settings.rounding_step_mg",
     "decimals"),
    (lambda d: d["plan"]["settings"].__setitem__("formula", "guess"), "plan.settings.formula", "not known"),
    (lambda d: d["plan"]["prior"].append({"drug": "aspirin", "mg_per_m2": 1}), "plan.prior[0].drug", "anthracycline"),
    (lambda d: d["modifications"][0].__setitem__("cycle", 40), "modifications[0]", "cycle 40 does not exist"),
    (lambda d: d["modifications"][0].__setitem__("kind", "teleport"), "modifications[0].kind", "one of"),
    (lambda d: d["modifications"][0].__setitem__("reason", ""), "modifications[0].reason", "empty"),
    (lambda d: d["modifications"][1].pop("withdrawn_reason"), "modifications[1].withdrawn_reason", "missing"),
    (lambda d: d["dose_checks"][0].__setitem__("second_checker", "li"), "dose_checks[0].second_checker", "different"),
    (lambda d: d["dose_checks"][0].__setitem__("deviation_pct", 0), "dose_checks[0].deviation_pct", "does not match"),
    (lambda d: d["administrations"][0].__setitem__("drug", "aspirin"), "administrations[0].drug", "not a drug"),
    (lambda d: d["administrations"][0].__setitem__("cycle", 0), "administrations[0].cycle", "from 1 to"),
    (lambda d: d.__setitem__("patient", []), "patient", "an object"),
    (lambda d: d["plan"].__setitem__("start", "9999-12-01"), "plan.start", "2100-12-31"),
])
def test_first_problem_is_reported_with_its_path(full_record, mutate, path, reason):
    data = _valid(full_record)
    mutate(data)
    with pytest.raises(PlanFileError) as caught:
        parse_plan_file(json.dumps(data))
    assert caught.value.path == path
    assert reason in caught.value.reason
    assert caught.value.message.startswith(f"{path}: ")


def test_issue_example_message(full_record):
    data = _valid(full_record)
    data["measurements"].append(dict(data["measurements"][0], weight_kg=0))
    with pytest.raises(PlanFileError, match=r"^measurements\[2\]\.weight_kg: must be > 0$"):
        parse_plan_file(json.dumps(data))


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"[1, 2]", b"{", b'{"format": NaN}', b"[" * 100_000,
                                 b'{"format": "cycle-planner/plan", "version": true}'])
def test_garbage_is_a_plan_file_error(raw):
    with pytest.raises(PlanFileError):
        parse_plan_file(raw)


def test_a_bad_file_changes_nothing(full_record, store, tmp_path):
    data = _valid(full_record)
    data["patient"]["mrn"] = "55555"
    data["administrations"][0]["dose_mg"] = 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = (store.list_patients(include_withdrawn=True), store.audit_log())
    with pytest.raises(PlanFileError, match=r"administrations\[0\]\.dose_mg"):
        store.import_plan_file(bad)
    assert (store.list_patients(include_withdrawn=True), store.audit_log()) == before


def test_missing_file(store, tmp_path):
    with pytest.raises(PlanFileError, match="cannot read"):
        store.import_plan_file(tmp_path / "nope.json")


# ---------------------------------------------------------------------------------------- fuzz

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


def _check(raw: bytes | str) -> None:
    try:
        result = parse_plan_file(raw)
    except PlanFileError:
        return
    assert isinstance(result, PatientRecord)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_fuzz_bytes(raw):
    _check(raw)


@settings(max_examples=300, deadline=None)
@given(_json_values)
def test_fuzz_any_json(value):
    _check(json.dumps(value))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    with PatientStore.open(tmp_path_factory.mktemp("fuzz") / "t.sqlite3", actor="nurse.a") as store:
        add_wang(store)
        store.add_modification("12345", Delay(2, 7), "ANC 0.9", expected_version=1)
        store.add_modification("12345", WeightChange(4, Decimal(61), date(2026, 3, 1)), "", expected_version=2)
        record = store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                         checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li",
                                         second_checker="Chen", expected_version=3)
        return json.loads(json.dumps(record_to_plan_file(record, exported_by="x")))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_one_value_of_a_valid_file(template, data):
    """Replace one value anywhere in a valid file by anything: still a record or a PlanFileError."""
    document = copy.deepcopy(template)
    paths = [p for p in _paths(document) if p]
    path = data.draw(st.sampled_from(paths))
    replacement = data.draw(_json_values | st.sampled_from(["1E-999999", "1e999999", "NaN", "-0", "0.0000001",
                                                            "2026-02-30", "9999-12-31T23:59:59+14:00", "\ud800",
                                                            "9999-12-01", "0001-01-01", 10**20, -1, 0, 100, 366,
                                                            "epirubicin", "anlotinib", True]))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = replacement
    _check(json.dumps(document))
