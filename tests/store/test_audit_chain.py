"""The tamper-evident audit trail (issue 10): every entry hashed and chained, each patient's record hashed
into its latest entry, and `db check` naming the first entry or patient that no longer matches.

Each tamper case is done the way someone with SQL access to the database would: past the program, with
plain SQLAlchemy (`raw_engine`), on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
from planner.core.plan import PlanSettings
from planner.store import PatientIdentity, PatientStore, chain
from planner.store import engine as db
from planner.store.health import check_location
from tests.store.conftest import add_wang, raw_engine

MRN = "12345"


def _busy_record(store: PatientStore, mrn: str = MRN) -> None:
    """One patient through every kind of action the program audits."""
    add_wang(store, mrn=mrn)
    v = 1
    store.update_identity(mrn, PatientIdentity(name="Wang Fang", mrn=mrn, dob=date(1970, 3, 1), sex="F",
                                               diagnosis="leiomyosarcoma", allergies="penicillin"),
                          expected_version=v)
    v += 1
    store.update_plan_settings(mrn, PlanSettings(rounding_step_mg=Decimal(2)), expected_version=v)
    v += 1
    store.add_modification(mrn, Delay(2, 7), "ANC 0.9", expected_version=v)
    v += 1
    _, level = store.add_modification(mrn, DoseLevelChange("anlotinib", 3, Decimal(10)), "hand-foot",
                                      expected_version=v)
    v += 1
    store.add_modification(mrn, OmitDays("anlotinib", 4, (3, 4)), "diarrhoea", expected_version=v)
    v += 1
    store.add_modification(mrn, WeightChange(4, Decimal(61), date(2026, 3, 1)), "", expected_version=v)
    v += 1
    store.add_modification(mrn, StopDrug("anlotinib", 6), "bleeding", expected_version=v)
    v += 1
    store.withdraw_modification(mrn, level, "wrong cycle", expected_version=v)
    v += 1
    store.record_dose_check(mrn, cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                            checked_mg=Decimal("163.5"), tolerance_pct=Decimal(5), first_checker="Li",
                            second_checker="Chen", expected_version=v)
    v += 1
    record = store.record_administration(mrn, cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                         given_on=date(2026, 1, 5), expected_version=v, today=date(2026, 1, 5))
    v += 1
    store.withdraw_administration(mrn, record.administrations[0].id, "recorded in error", expected_version=v)
    v += 1
    store.record_administration(mrn, cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                given_on=date(2026, 1, 5), expected_version=v, today=date(2026, 1, 5))


def _sql(database: str, *statements: str, params: dict[str, Any] | None = None) -> None:
    engine = raw_engine(database)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement), params or {})
    finally:
        engine.dispose()


def _rows(database: str, query: str) -> list[dict[str, Any]]:
    engine = raw_engine(database)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(query))]
    finally:
        engine.dispose()


def _unguard(database: str, *guards: str) -> None:
    """What an attacker with the table owner's rights does first: drop the append-only triggers (and on
    PostgreSQL grant the owner back the rights the migration revoked)."""
    if database.startswith("postgresql"):
        _sql(database, *[f"DROP TRIGGER {g} ON audit_log" for g in guards],
             "GRANT UPDATE, DELETE ON audit_log TO CURRENT_USER")
    else:
        _sql(database, *[f"DROP TRIGGER {g}" for g in guards])


def _chain_problems(store: PatientStore) -> list[str]:
    """The problems of db check other than the missing trigger an attacker dropped on the way."""
    return [p for p in store.check() if "is not protected" not in p and "may UPDATE" not in p]


def test_an_untouched_database_passes_after_every_kind_of_action_and_an_import(store, database, tmp_path):
    _busy_record(store)
    add_wang(store, mrn="B2")
    store.withdraw_patient("B2", "moved to another hospital", expected_version=1)
    path = tmp_path / "wang.json"
    store.export_plan_file(MRN, path)
    data = json.loads(path.read_text())
    data["patient"]["mrn"] = "IMPORTED-1"
    path.write_text(json.dumps(data))
    store.import_plan_file(path)
    assert store.check() == []
    entries = store.audit_log()
    assert len(entries) >= 17
    _, problems, head = check_location(database)
    assert problems == [] and head is not None
    assert head.entry_id == entries[-1].id and len(head.hash) == 64


def _entry(database: str, entry_id: int) -> dict[str, Any]:
    """An audit row as the raw driver returns it, with its time and JSON as Python values."""
    [row] = _rows(database, f"SELECT * FROM audit_log WHERE id = {entry_id}")
    if isinstance(row["at"], str):  # SQLite keeps the UTC wall time as text
        row["at"] = datetime.fromisoformat(row["at"]).replace(tzinfo=UTC)
    for key in ("old", "new"):
        if isinstance(row[key], str):
            row[key] = json.loads(row[key])
    return row


def test_every_entry_is_chained_to_the_one_before(store, database):
    add_wang(store)
    store.add_modification(MRN, Delay(2, 7), "ANC 0.9", expected_version=1)
    rows = [_entry(database, 1), _entry(database, 2)]
    previous = chain.GENESIS
    for row in rows:
        assert row["hash"] == chain.entry_hash(previous, row)
        previous = row["hash"]
    assert rows[0]["record_hash"] != rows[1]["record_hash"]  # each the record as it was saved then
    assert _entry(database, 2)["hash"] != chain.entry_hash(chain.GENESIS, rows[1])  # the link is part of it


def test_an_edited_patient_row_fails_the_check_naming_the_mrn(store, database):
    add_wang(store)
    add_wang(store, mrn="OTHER")
    assert store.check() == []
    _sql(database, "UPDATE patients SET name = 'Someone Else' WHERE mrn = '12345'")
    [problem] = store.check()
    assert problem.startswith("Patient 12345: the stored record does not match its last entry in the audit log (1)")


def test_a_dose_changed_without_an_audit_entry_fails_the_check(store, database):
    _busy_record(store)
    add_wang(store, mrn="OTHER")
    _sql(database, "UPDATE administrations SET dose_mg = '200' WHERE withdrawn = :no", params={"no": False})
    [problem] = store.check()
    assert problem.startswith("Patient 12345: the stored record does not match")


@pytest.mark.parametrize("edit", [
    "UPDATE modifications SET withdrawn = :no",  # a withdrawn dose change put back in force
    "UPDATE measurements SET weight_kg = '90'",
    "UPDATE plans SET bsa_cap_m2 = '1.50'",
    "UPDATE dose_checks SET second_checker = 'Li'",
    "UPDATE patients SET version = version + 1",
])
def test_every_table_of_the_record_is_covered(store, database, edit):
    _busy_record(store)
    _sql(database, edit, params={"no": False})
    [problem] = [p for p in store.check() if "list summary" not in p]  # a new version also outdates the list
    assert problem.startswith("Patient 12345: the stored record does not match"), problem


def test_a_patient_inserted_without_the_program_has_no_audit_entry(store, database):
    add_wang(store)
    _sql(database,
         "INSERT INTO patients (mrn, name, diagnosis, allergies, notes, language, withdrawn, withdrawn_reason, "
         "withdrawn_by, version, created_by, created_at, updated_by, updated_at) VALUES ('X9', 'Ghost', '', '', '', "
         "'en', :no, '', '', 1, 'x', :at, 'x', :at)", params={"no": False, "at": "2026-01-01 00:00:00"})
    problems = [p for p in store.check() if "list summary" not in p]
    assert problems == ["Patient X9 has no entry in the audit log: the record was written outside Cycle Planner."]


@pytest.mark.sqlite_only("REPLACE INTO is SQLite's")
def test_a_row_rewritten_by_replace_into_fails_the_check(store, database):
    _busy_record(store)
    [given] = _rows(database, "SELECT * FROM administrations WHERE withdrawn = 0")
    given["dose_mg"] = "300"
    columns = ", ".join(given)
    _sql(database, f"REPLACE INTO administrations ({columns}) VALUES ({', '.join(':' + c for c in given)})",
         params=given)
    assert _rows(database, f"SELECT dose_mg FROM administrations WHERE id = {given['id']}") == [{"dose_mg": "300"}]
    [problem] = store.check()
    assert problem.startswith("Patient 12345: the stored record does not match")


@pytest.mark.sqlite_only("REPLACE INTO is SQLite's")
def test_an_audit_entry_rewritten_by_replace_into_fails_the_check(store, database):
    _busy_record(store)
    _unguard(database, "audit_log_no_replace")
    [entry] = _rows(database, "SELECT * FROM audit_log WHERE id = 3")
    entry["actor"] = "someone else"
    _sql(database, f"REPLACE INTO audit_log ({', '.join(entry)}) VALUES ({', '.join(':' + c for c in entry)})",
         params=entry)
    assert _rows(database, "SELECT actor FROM audit_log WHERE id = 3") == [{"actor": "someone else"}]
    assert _chain_problems(store)[0].startswith("The audit log is broken at entry 3:")


def test_an_updated_audit_entry_fails_the_check_naming_it(store, database):
    _busy_record(store)
    _unguard(database, "audit_log_no_update")
    _sql(database, "UPDATE audit_log SET actor = 'someone else' WHERE id = 4")
    [problem] = _chain_problems(store)
    assert problem == ("The audit log is broken at entry 4: it does not match its hash; it was changed, or an "
                       "entry before it was removed, inserted or reordered.")


def test_an_audit_entry_updated_with_a_recomputed_hash_breaks_the_next_link(store, database):
    """Someone who knows the algorithm rehashes the entry they changed: the next entry's link breaks."""
    _busy_record(store)
    _unguard(database, "audit_log_no_update")
    forged = {**_entry(database, 5), "actor": "someone else"}
    forged_hash = chain.entry_hash(_entry(database, 4)["hash"], forged)
    _sql(database, "UPDATE audit_log SET actor = 'someone else', hash = :h WHERE id = 5", params={"h": forged_hash})
    [problem] = _chain_problems(store)
    assert problem.startswith("The audit log is broken at entry 6:")


def test_a_deleted_audit_entry_fails_the_check(store, database):
    _busy_record(store)
    _unguard(database, "audit_log_no_delete")
    _sql(database, "DELETE FROM audit_log WHERE id = 7")
    assert _chain_problems(store)[0].startswith("The audit log is broken at entry 8:")


def test_deleting_the_latest_entry_leaves_the_record_unmatched(store, database):
    _busy_record(store)
    _unguard(database, "audit_log_no_delete")
    _sql(database, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    [problem] = _chain_problems(store)
    assert problem.startswith("Patient 12345: the stored record does not match its last entry in the audit log")


def test_reordered_entries_fail_the_check(store, database):
    _busy_record(store)
    _unguard(database, "audit_log_no_update")
    # Swap the contents of entries 3 and 4 (each keeping its own hash): the order is part of the chain.
    _sql(database, "UPDATE audit_log SET id = -3 WHERE id = 3", "UPDATE audit_log SET id = 3 WHERE id = 4",
         "UPDATE audit_log SET id = 4 WHERE id = -3")
    assert _chain_problems(store)[0].startswith("The audit log is broken at entry 3:")


def test_a_forged_entry_inserted_in_place_of_another_fails_the_check(store, database):
    """Entry 5 removed and a well-formed forgery put in its place, hashed onto entry 4: entry 6 still
    chained to the original 5."""
    _busy_record(store)
    _unguard(database, "audit_log_no_delete")
    entry = {**_entry(database, 5), "actor": "someone else"}
    _sql(database, "DELETE FROM audit_log WHERE id = 5")
    entry["hash"] = chain.entry_hash(_entry(database, 4)["hash"], entry)
    entry["old"], entry["new"] = json.dumps(entry["old"]), json.dumps(entry["new"])
    _sql(database, "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, patient_id, old, new, hash, "
         "record_hash) VALUES (:id, :at, :actor, :action, :entity, :entity_id, :patient_id, :old, :new, :hash, "
         ":record_hash)", params=entry)
    [problem] = _chain_problems(store)
    assert problem.startswith("The audit log is broken at entry 6:")


def test_a_forged_entry_appended_without_a_valid_hash_fails_the_check(store, database):
    add_wang(store)
    _sql(database, "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, patient_id, old, new, hash) "
         "VALUES (2, :at, 'x', 'patient.update', 'patient', 1, 1, NULL, NULL, :hash)",
         params={"at": "2026-01-01 00:00:00", "hash": "0" * 64})
    problems = store.check()
    assert problems[0].startswith("The audit log is broken at entry 2:")
    # The forgery is now the patient's last entry, and carries no digest of the record.
    assert problems[1].startswith("Patient 12345: the stored record does not match its last entry in the audit "
                                  "log (2)")


def test_only_the_first_mismatching_patient_is_named(store, database):
    for mrn in ("A1", "A2", "A3"):
        add_wang(store, mrn=mrn)
    _sql(database, "UPDATE patients SET notes = 'x'")
    assert store.check() == ["Patient A1: the stored record does not match its last entry in the audit log (1); it "
                             "was changed outside Cycle Planner. (2 more patients do not match.)"]


def test_a_write_without_its_audit_entry_is_refused_by_the_repository(store):
    add_wang(store)
    record = store.get_patient(MRN)
    with pytest.raises(RuntimeError, match="after the last audit entry"):
        with store.repository.writing() as tx:
            row = tx.locked(MRN, 1)
            version = tx.bump(row)
            tx.finish(row.id, version, record.compute_plan())
    assert store.get_patient(MRN).version == 1  # rolled back
    assert store.check() == []


def test_concurrent_saves_keep_one_chain(database):
    """Four workstations saving at once: the appends serialise on the chain head, no fork, no lost link."""
    with PatientStore.open(database, actor="setup") as setup:
        for i in range(4):
            add_wang(setup, mrn=f"W{i}")
    errors: list[BaseException] = []

    def workstation(i: int) -> None:
        try:
            with PatientStore.open(database, actor=f"nurse.{i}") as mine:
                for v in range(1, 6):
                    mine.add_modification(f"W{i}", Delay(v + 1, 1), "busy chair", expected_version=v)
        except BaseException as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=workstation, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with PatientStore.open(database) as store:
        entries = store.audit_log()
        assert [e.id for e in entries] == list(range(1, 25))
        assert store.check() == []


def test_an_old_log_is_hashed_once_at_upgrade(store, database):
    """A database from before the chain (revision 0005_audit_guard): its entries get hashes in order, the
    latest entry of each patient the digest of the current record; a later edit is then caught."""
    from alembic import command

    _busy_record(store)
    add_wang(store, mrn="B2")
    engine = db.make_engine(db.resolve_url(database))
    with engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
        command.downgrade(db._alembic_config(conn), "0005_audit_guard")
    engine.dispose()
    assert "hash" not in _rows(database, "SELECT * FROM audit_log WHERE id = 1")[0]
    with PatientStore.open(database) as upgraded:
        assert upgraded.check() == []
        rows = _rows(database, "SELECT id, patient_id, hash, record_hash FROM audit_log ORDER BY id")
        assert all(r["hash"] for r in rows)
        latest = {r["patient_id"]: r["id"] for r in rows}
        assert [r["id"] for r in rows if r["record_hash"]] == sorted(latest.values())
        upgraded.add_modification("B2", Delay(2, 7), "ANC 0.9", expected_version=1)
        assert upgraded.check() == []
    _sql(database, "UPDATE measurements SET weight_kg = '99'")
    with PatientStore.open(database) as reopened:
        assert reopened.check()[0].startswith("Patient 12345: the stored record does not match")


def test_an_accepted_assessment_is_covered_by_the_record_digest(store, database):
    from planner import operations
    from planner.core.assessment import Assessment

    record = add_wang(store)
    operations.accept_assessment(store.repository, MRN, Assessment(cycle=2, anc=Decimal("1.2"),
                                                                   platelets=Decimal(150)),
                                 reason="counts low", expected_version=record.version)
    assert store.check() == []
    _sql(database, "UPDATE assessments SET reason = 'nothing to see'")
    [problem] = [p for p in store.check() if "list summary" not in p]
    assert problem.startswith("Patient 12345: the stored record does not match"), problem
