"""The PatientStore API the GUI and the exports code against: each write, its version and its audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from planner.core.errors import InputError, PlannerError
from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import PlanSettings, PriorExposure
from planner.store import DuplicateMrn, NotFound, PatientIdentity, PatientStore, StaleRecord
from tests.store.conftest import add_wang, raw_engine


def test_add_patient_and_read_back(store):
    record = add_wang(store, prior=(PriorExposure("Doxorubicin", Decimal(120)),))
    assert record.version == 1 and record.id > 0
    assert record.identity.name == "Wang Fang" and record.identity.sex == "F"
    assert record.plan.prior == (PriorExposure("doxorubicin", Decimal(120)),)
    assert record.measurements[0].height_cm == Decimal(170) and record.measurements[0].entered_by == "nurse.a"
    assert record.updated_at.tzinfo is not None and record.updated_by == "nurse.a"
    again = store.get_patient("12345")
    assert again == record
    plan = again.compute_plan()
    assert plan.cycles[0].start == date(2026, 1, 5)
    assert plan.cycles[0].dose_for("epirubicin").dose_mg == Decimal(164)  # 90 x 1.82 = 163.8 -> 164


def test_decimal_values_stay_exact(store):
    record = add_wang(store, weight_kg=Decimal("69.85"), height_cm=Decimal("170.18"))
    stored = store.get_patient(record.identity.mrn).measurements[0]
    assert (stored.weight_kg, stored.height_cm) == (Decimal("69.85"), Decimal("170.18"))


def test_weights_are_kept_to_the_hundredth_the_screen_shows(store):
    record = add_wang(store, weight_kg=Decimal("69.85322498"))  # 154 lb
    assert store.get_patient(record.identity.mrn).measurements[0].weight_kg == Decimal("69.85")


def test_duplicate_and_unknown_mrn(store):
    add_wang(store)
    with pytest.raises(DuplicateMrn, match=r"12345 already exists \(Wang Fang\)"):
        add_wang(store)
    with pytest.raises(NotFound, match="No patient with MRN 999"):
        store.get_patient("999")
    assert isinstance(NotFound("1"), PlannerError)


@pytest.mark.parametrize(("identity", "field"), [
    (PatientIdentity(name=" ", mrn="1"), "name"),
    (PatientIdentity(name="A", mrn=""), "mrn"),
    (PatientIdentity(name="A", mrn="1 2"), "mrn"),
    (PatientIdentity(name="A", mrn="1", sex="Q"), "sex"),
    (PatientIdentity(name="A", mrn="1", dob=date(2999, 1, 1)), "dob"),
])
def test_bad_identity_names_the_field_and_saves_nothing(store, identity, field):
    with pytest.raises(InputError) as caught:
        store.add_patient(identity, height_cm=Decimal(170), weight_kg=Decimal(70), measured_on=date(2026, 1, 1),
                          regimen_id="anlotinib-epirubicin", start=date(2026, 1, 5))
    assert caught.value.field == field
    assert store.list_patients(include_withdrawn=True) == []
    assert store.audit_log() == []


def test_bad_measurement_regimen_or_settings_saves_nothing(store):
    with pytest.raises(InputError, match="Weight"):
        add_wang(store, weight_kg=Decimal(700))
    with pytest.raises(InputError, match="Regimen"):
        add_wang(store, regimen_id="nope")
    with pytest.raises(InputError):
        add_wang(store, settings=PlanSettings(formula="guess"))
    with pytest.raises(InputError, match="Start: the plan must start between"):
        add_wang(store, start=date(9999, 12, 1))  # the core's date arithmetic would leave the calendar
    assert store.list_patients(include_withdrawn=True) == []


def test_modification_bumps_version_and_is_audited(store):
    add_wang(store)
    record, mod_id = store.add_modification("12345", Delay(2, 7), "neutrophils 0.9", expected_version=1)
    assert record.version == 2 and mod_id == record.modifications[0].id
    assert record.modifications[0].reason == "neutrophils 0.9"
    assert record.active_modifications() == (Delay(2, 7),)
    assert record.compute_plan().cycle(2).start == date(2026, 2, 2)
    entry = store.audit_log("12345")[-1]
    assert (entry.action, entry.actor, entry.entity, entry.entity_id) == (
        "modification.add", "nurse.a", "modification", mod_id)
    assert entry.new == {"kind": "delay", "cycle": 2, "days": 7, "reason": "neutrophils 0.9"}
    assert entry.at.tzinfo is not None


def test_all_modification_kinds_round_trip(store):
    add_wang(store)
    mods = [DoseLevelChange("Anlotinib", 3, Decimal(10)), OmitDays("anlotinib", 2, (8, 9)),
            StopDrug("epirubicin", 5), Delay(4, 3)]
    version = 1
    for mod in mods:
        record, _ = store.add_modification("12345", mod, "toxicity", expected_version=version)
        version = record.version
    got = store.get_patient("12345").active_modifications()
    assert got == (DoseLevelChange("anlotinib", 3, Decimal(10)), OmitDays("anlotinib", 2, (8, 9)),
                   StopDrug("epirubicin", 5), Delay(4, 3))


def test_impossible_modification_saves_nothing(store):
    add_wang(store)
    with pytest.raises(InputError):
        store.add_modification("12345", Delay(40, 7), "x", expected_version=1)
    with pytest.raises(InputError):
        store.add_modification("12345", OmitDays("anlotinib", 1, (20,)), "x", expected_version=1)
    with pytest.raises(InputError, match="Reason"):
        store.add_modification("12345", Delay(2, 7), "  ", expected_version=1)
    record = store.get_patient("12345")
    assert record.version == 1 and record.modifications == ()
    assert [e.action for e in store.audit_log("12345")] == ["patient.add"]


def test_weight_change_adds_a_measurement(store):
    add_wang(store)
    record, _ = store.add_modification("12345", WeightChange(3, Decimal(62), date(2026, 2, 20)), "",
                                       expected_version=1)
    assert len(record.measurements) == 2
    assert record.latest_measurement.weight_kg == Decimal(62)
    assert record.latest_measurement.measured_on == date(2026, 2, 20)
    assert record.latest_measurement.height_cm == Decimal(170)
    assert record.measurements[0].weight_kg == Decimal(70)  # the baseline stays first
    assert record.compute_plan().cycle(3).dose_weight_kg == Decimal(62)  # 11 % down: recalculated


def test_withdraw_modification_keeps_it_on_record(store):
    add_wang(store)
    record, mod_id = store.add_modification("12345", Delay(2, 7), "low counts", expected_version=1)
    record = store.withdraw_modification("12345", mod_id, "entered for the wrong patient", expected_version=2)
    assert record.version == 3
    [mod] = record.modifications
    assert mod.withdrawn and mod.withdrawn_reason == "entered for the wrong patient" and mod.withdrawn_by == "nurse.a"
    assert mod.withdrawn_at is not None
    assert record.active_modifications() == ()
    assert record.compute_plan().cycle(2).start == date(2026, 1, 26)
    with pytest.raises(InputError, match="already withdrawn"):
        store.withdraw_modification("12345", mod_id, "again", expected_version=3)
    assert store.audit_log("12345")[-1].action == "modification.withdraw"


def test_stale_record_names_who_and_when(store, database):
    add_wang(store)
    with PatientStore.open(database, actor="nurse.b") as other:
        other.add_modification("12345", Delay(2, 7), "low counts", expected_version=1)
    with pytest.raises(StaleRecord) as caught:
        store.add_modification("12345", Delay(3, 7), "other", expected_version=1)
    assert caught.value.changed_by == "nurse.b"
    assert (datetime.now(UTC) - caught.value.changed_at).total_seconds() < 60
    assert "nurse.b" in caught.value.message and "reopen" in caught.value.message
    record = store.get_patient("12345")
    assert record.version == 2 and len(record.modifications) == 1


def test_update_identity_and_settings(store):
    record = add_wang(store)
    new = replace(record.identity, allergies="penicillin", name="Wang Fang ")
    record = store.update_identity("12345", new, expected_version=1)
    assert record.version == 2 and record.identity.allergies == "penicillin" and record.identity.name == "Wang Fang"
    entry = store.audit_log("12345")[-1]
    assert entry.action == "patient.update" and entry.old == {"allergies": ""} and entry.new == {
        "allergies": "penicillin"}
    record = store.update_plan_settings("12345", PlanSettings(rounding_step_mg=Decimal(5)), expected_version=2)
    assert record.plan.settings.rounding_step_mg == Decimal(5)
    assert record.compute_plan().cycles[0].dose_for("epirubicin").dose_mg == Decimal(165)
    with pytest.raises(InputError):
        store.update_plan_settings("12345", PlanSettings(recalc_threshold_pct=Decimal(200)), expected_version=3)
    assert store.get_patient("12345").version == 3


def test_mrn_change_cannot_take_another_patients_mrn(store):
    add_wang(store)
    add_wang(store, mrn="777")
    with pytest.raises(DuplicateMrn):
        store.update_identity("777", PatientIdentity(name="Li Lei", mrn="12345"), expected_version=1)


def test_withdraw_patient(store):
    add_wang(store)
    record = store.withdraw_patient("12345", "moved to another hospital", expected_version=1)
    assert record.withdrawn and record.withdrawn_reason == "moved to another hospital"
    assert store.list_patients() == []
    [row] = store.list_patients(include_withdrawn=True)
    assert row.status == "withdrawn" and row.current_cycle is None and row.next_dose_date is None
    assert store.get_patient("12345").withdrawn  # still on record


def test_dose_check(store):
    add_wang(store)
    record = store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                     checked_mg=Decimal(170), tolerance_pct=Decimal(5), first_checker="Li",
                                     second_checker="Chen", expected_version=1)
    [check] = record.dose_checks
    assert check.deviation_pct == Decimal("3.66") and check.passed
    assert (check.first_checker, check.second_checker) == ("Li", "Chen")
    record = store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                     checked_mg=Decimal(180), tolerance_pct=Decimal(5), first_checker="Li",
                                     second_checker="Chen", expected_version=2)
    assert not record.dose_checks[-1].passed and record.dose_checks[-1].deviation_pct == Decimal("9.76")
    with pytest.raises(InputError, match="two different people"):
        store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li",
                                second_checker=" li ", expected_version=3)
    with pytest.raises(InputError, match="tolerance"):
        store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                checked_mg=Decimal(164), tolerance_pct=Decimal("NaN"), first_checker="Li",
                                second_checker="Chen", expected_version=3)
    with pytest.raises(InputError):
        store.record_dose_check("12345", cycle=99, drug="epirubicin", calculated_mg=Decimal(164),
                                checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li",
                                second_checker="Chen", expected_version=3)
    assert store.get_patient("12345").version == 3


def _checked(store):
    """Wang Fang with a passed double check of cycle 1's epirubicin (an infusion is given only after one)."""
    add_wang(store)
    return store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                   checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li",
                                   second_checker="Chen", expected_version=1)


def test_administration(store):
    _checked(store)
    record = store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                         given_on=date(2026, 1, 5), expected_version=2)
    [given] = record.administrations
    assert (given.cycle, given.day, given.drug, given.dose_mg, given.given_by) == (
        1, 1, "epirubicin", Decimal(164), "nurse.a")
    with pytest.raises(InputError, match="Day"):
        store.record_administration("12345", cycle=1, day=30, drug="anlotinib", dose_mg=Decimal(12),
                                    given_on=date(2026, 1, 5), expected_version=3)
    # Maintenance cycles have no epirubicin.
    with pytest.raises(InputError, match="not part of cycle 7"):
        store.record_administration("12345", cycle=7, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                    given_on=date(2026, 1, 5), expected_version=3)


def test_withdraw_administration_keeps_it_on_record_flagged(store):
    _checked(store)
    record = store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                         given_on=date(2026, 1, 5), note="given after antiemetics",
                                         expected_version=2)
    [given] = record.administrations
    assert given.note == "given after antiemetics" and not given.withdrawn
    # Saving over a version someone else changed meanwhile is refused, and changes nothing.
    with pytest.raises(StaleRecord):
        store.withdraw_administration("12345", given.id, "recorded in error", expected_version=1)
    with pytest.raises(InputError, match="Reason"):
        store.withdraw_administration("12345", given.id, "  ", expected_version=3)
    record = store.withdraw_administration("12345", given.id, "Undone: recorded in error", expected_version=3)
    [withdrawn] = record.administrations  # still listed: nothing is deleted
    assert record.version == 4
    assert (withdrawn.id, withdrawn.withdrawn, withdrawn.withdrawn_reason, withdrawn.withdrawn_by) == (
        given.id, True, "Undone: recorded in error", "nurse.a")
    assert withdrawn.withdrawn_at is not None and withdrawn.dose_mg == Decimal(164)
    entry = store.audit_log("12345")[-1]
    assert (entry.action, entry.entity_id) == ("administration.withdraw", given.id)
    assert entry.old["withdrawn"] is False and entry.new == {"withdrawn": True, "reason": "Undone: recorded in error"}
    with pytest.raises(InputError, match="already withdrawn"):
        store.withdraw_administration("12345", given.id, "again", expected_version=4)
    with pytest.raises(InputError, match="not in this patient's record"):
        store.withdraw_administration("12345", 999, "no such", expected_version=4)
    assert store.get_patient("12345").version == 4


def test_withdrawn_administration_survives_a_plan_file_round_trip(store, tmp_path):
    _checked(store)
    record = store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                         given_on=date(2026, 1, 5), note="late", expected_version=2)
    store.withdraw_administration("12345", record.administrations[0].id, "wrong patient", expected_version=3)
    store.export_plan_file("12345", tmp_path / "p.json")
    store.withdraw_patient("12345", "moved", expected_version=4)
    import json

    data = json.loads((tmp_path / "p.json").read_text())
    data["patient"]["mrn"] = "67890"
    (tmp_path / "q.json").write_text(json.dumps(data))
    [copied] = store.import_plan_file(tmp_path / "q.json").administrations
    assert (copied.note, copied.withdrawn, copied.withdrawn_reason) == ("late", True, "wrong patient")


def test_list_patients_relative_to_today(store):
    add_wang(store, mrn="A")  # cycle 1 from 2026-01-05
    add_wang(store, mrn="B", start=date(2026, 3, 2))
    store.add_modification("A", Delay(2, 7), "counts", expected_version=1)
    rows = {r.mrn: r for r in store.list_patients(today=date(2026, 1, 20))}
    assert rows["A"].status == "on treatment"
    # Anlotinib days 1-14 of cycle 1 end on 2026-01-18; cycle 2 (delayed 7 days) starts 2026-02-02.
    assert rows["A"].current_cycle == 1 and rows["A"].next_dose_date == date(2026, 2, 2)
    assert rows["A"].version == 2 and rows["A"].regimen_id == "anlotinib-epirubicin"
    assert (rows["B"].status, rows["B"].current_cycle, rows["B"].next_dose_date) == ("planned", None, date(2026, 3, 2))
    rows = {r.mrn: r for r in store.list_patients(today=date(2026, 1, 10))}
    assert rows["A"].next_dose_date == date(2026, 1, 10)  # a dose day itself
    # Anlotinib maintenance is open-ended: past the planned cycles the patient is still on treatment until the
    # treatment is ended explicitly (tests/store/test_end_treatment.py).
    rows = {r.mrn: r for r in store.list_patients(today=date(2027, 6, 1))}
    assert rows["A"].status == "on treatment"


def test_audit_log_is_append_only_in_the_database(store, database):
    """Raw SQL, past the store: every way of rewriting an entry is refused by the database itself."""
    add_wang(store)
    engine = raw_engine(database)
    attempts = ["DELETE FROM audit_log", "UPDATE audit_log SET actor = 'someone else'"]
    if engine.dialect.name == "sqlite":
        attempts += ["REPLACE INTO audit_log (id, at, actor, action, entity, entity_id) "
                     "SELECT id, at, 'someone else', action, entity, entity_id FROM audit_log",
                     "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id) "
                     "SELECT id, at, 'someone else', action, entity, entity_id FROM audit_log"]
    else:
        attempts += ["TRUNCATE audit_log"]
    for statement in attempts:
        with engine.connect() as conn, pytest.raises(DatabaseError, match=r"append-only|permission denied"):
            conn.execute(text(statement))
    if engine.dialect.name == "sqlite":  # the store's own connections (recursive triggers on) refuse it too
        with store._engine.connect() as conn, pytest.raises(DatabaseError, match="append-only"):
            conn.execute(text("REPLACE INTO audit_log (id, at, actor, action, entity, entity_id) "
                              "SELECT id, at, 'x', action, entity, entity_id FROM audit_log"))
    engine.dispose()
    [entry] = store.audit_log()
    assert entry.actor == "nurse.a"
    assert store.check() == []


@pytest.mark.parametrize("trigger", ["audit_log_no_update", "audit_log_no_delete"])
def test_a_dropped_audit_trigger_fails_db_check(store, database, trigger):
    add_wang(store)
    engine = raw_engine(database)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text(f"DROP TRIGGER {trigger}"))
        else:
            conn.execute(text(f"DROP TRIGGER {trigger} ON audit_log"))
            conn.execute(text("GRANT UPDATE, DELETE ON audit_log TO CURRENT_USER"))
        statement = "UPDATE audit_log SET actor = 'someone else'" if "update" in trigger else "DELETE FROM audit_log"
        conn.execute(text(statement))
    engine.dispose()
    problems = store.check()
    assert any(trigger in p and "audit log is not protected" in p for p in problems), problems
    assert all("audit log" in p for p in problems)


def test_postgresql_triggers_hold_even_when_the_role_grants_itself_the_rights(store, database):
    if not database.startswith("postgresql"):
        pytest.skip("PostgreSQL only: table privileges and TRUNCATE")
    add_wang(store)
    engine = raw_engine(database)
    with engine.begin() as conn:
        conn.execute(text("GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER"))
    for statement in ("DELETE FROM audit_log", "UPDATE audit_log SET actor = 'x'", "TRUNCATE audit_log"):
        with engine.connect() as conn, pytest.raises(DatabaseError, match="append-only"):
            conn.execute(text(statement))
    engine.dispose()
    [problem] = store.check()
    assert "may UPDATE, DELETE, TRUNCATE the audit log" in problem
    assert len(store.audit_log()) == 1


def test_audit_guard_against_replace_is_checked_on_sqlite(db_path):
    with PatientStore.open(db_path, actor="nurse.a") as opened:
        add_wang(opened)
        engine = raw_engine(str(db_path))
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_log_no_replace"))
        engine.dispose()
        [problem] = opened.check()
        assert "audit_log_no_replace" in problem


def test_actor_defaults_to_the_os_user(db_path, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "ward.nurse")
    with PatientStore.open(db_path) as opened:
        assert opened.actor == "ward.nurse"
        assert add_wang(opened).updated_by == "ward.nurse"


def test_check_is_empty_when_healthy(store):
    add_wang(store)
    assert store.check() == []


def test_withdrawn_weight_change_drops_its_measurement_from_the_record(store, database, tmp_path):
    add_wang(store)
    record, mod_id = store.add_modification("12345", WeightChange(3, Decimal(26)), "typed 26 for 62",
                                            expected_version=1)
    assert record.latest_measurement.weight_kg == Decimal(26)
    assert record.latest_measurement.modification_id == mod_id
    record = store.withdraw_modification("12345", mod_id, "typo", expected_version=2)
    assert [m.weight_kg for m in record.measurements] == [Decimal(70)]
    engine = raw_engine(database)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM measurements")).scalar() == 2  # nothing deleted
    engine.dispose()
    # The link survives a plan file: withdrawn at the other site too, the weight leaves that record.
    record, mod_id = store.add_modification("12345", WeightChange(3, Decimal(62)), "", expected_version=3)
    store.export_plan_file("12345", tmp_path / "p.json")
    with PatientStore.open(tmp_path / "b.sqlite3") as other:
        imported = other.import_plan_file(tmp_path / "p.json")
        assert [m.weight_kg for m in imported.measurements] == [Decimal(70), Decimal(62)]
        linked = imported.measurements[1].modification_id
        assert imported.modifications[-1].id == linked
        imported = other.withdraw_modification("12345", linked, "wrong scale", expected_version=1)
        assert [m.weight_kg for m in imported.measurements] == [Decimal(70)]


def test_memory_database_and_threads(tmp_path, monkeypatch):
    import threading

    monkeypatch.chdir(tmp_path)
    with PatientStore.open(":memory:") as memory:
        add_wang(memory)
        assert memory.get_patient("12345").version == 1
        assert memory.check() == []
    assert list(tmp_path.iterdir()) == []
    with PatientStore.open(tmp_path / "t.sqlite3") as shared:
        add_wang(shared)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(5):
                    shared.list_patients()
                    shared.get_patient("12345").compute_plan()
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []


def test_a_150_character_user_name_can_write_and_a_longer_one_is_refused_at_open(database):
    long_name = "n" * 150
    with PatientStore.open(database, actor=long_name) as opened:
        record = add_wang(opened)
        assert record.updated_by == long_name
        opened.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                 checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker=long_name,
                                 second_checker="m" * 150,
                                 expected_version=1)
        assert opened.audit_log("12345")[-1].actor == long_name
    with pytest.raises(InputError) as caught:
        PatientStore.open(database, actor="n" * 300)
    assert caught.value.field == "user" and "at most 256 characters" in caught.value.message


def test_a_nul_character_anywhere_is_refused_before_the_database(store):
    add_wang(store)
    with pytest.raises(InputError) as caught:
        store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                    given_on=date(2026, 1, 5), expected_version=1, note="given\x00")
    assert caught.value.field == "note" and "control character (U+0000)" in caught.value.message
    with pytest.raises(InputError) as caught:
        store.update_identity("12345", replace(store.get_patient("12345").identity, allergies="none\x00"),
                              expected_version=1)
    assert caught.value.field == "allergies"
    assert store.get_patient("12345").version == 1 and len(store.audit_log()) == 1
