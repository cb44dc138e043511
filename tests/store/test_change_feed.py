"""The change feed live refresh polls: which patients changed since a token, on both engines, and the
notifiers that say when to ask (SQLite data_version, PostgreSQL LISTEN/NOTIFY from a trigger)."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from planner.core.modifications import Delay
from planner.store import PatientStore
from planner.store.changes import ChangeToken, PostgresNotifier, SqliteNotifier, _next_token
from tests.conftest import fresh_postgres_schema, postgres_url
from tests.store.conftest import add_wang


def test_changes_since_names_the_patients_another_workstation_changed(store, database):
    add_wang(store, "111")
    add_wang(store, "222")
    token = store.change_token()
    assert store.changes_since(token).mrns == frozenset()  # nothing new: nothing reported
    with PatientStore.open(database, actor="nurse.b") as other:
        other.add_modification("222", Delay(2, 7), "low counts", expected_version=1)
        add_wang(other, "333")
    changes = store.changes_since(token)
    assert changes.mrns == {"222", "333"}
    assert changes.token.last_id > token.last_id and changes.token.gaps == ()
    assert store.changes_since(changes.token).mrns == frozenset()  # each change reported once


def test_an_mrn_changed_by_an_edit_reports_the_old_and_the_new_one(store):
    record = add_wang(store, "111")
    token = store.change_token()
    store.update_identity("111", replace(record.identity, mrn="999"), expected_version=1)
    assert store.changes_since(token).mrns == {"111", "999"}


def test_summaries_of_reads_only_the_rows_asked_for(store):
    add_wang(store, "111")
    add_wang(store, "222")
    store.withdraw_patient("222", "moved away", expected_version=1)
    rows = store.summaries_of({"222", "404"}, today=date(2026, 1, 20))
    assert [(r.mrn, r.status.value, r.version) for r in rows] == [("222", "withdrawn", 2)]
    assert store.summaries_of(set()) == []


def test_ids_skipped_by_a_later_commit_are_asked_for_again():
    """PostgreSQL takes ids at insert, not at commit: id 11 may be seen before id 10 commits."""
    token = _next_token(ChangeToken(9), {11})
    assert token == ChangeToken(11, (10,))
    assert _next_token(token, {10}) == ChangeToken(11, ())
    assert _next_token(token, set()) == token  # still waiting for 10
    far = _next_token(token, {5000})  # a rolled-back id is dropped once it is far behind
    assert far.last_id == 5000 and 10 not in far.gaps and len(far.gaps) < 1000


def test_a_skipped_id_that_commits_late_is_reported(store, database):
    """An audit row whose id is below the token's last id (a late commit) is found through the gaps."""
    add_wang(store, "111")
    add_wang(store, "222")
    entries = store.audit_log()
    late = max(e.id for e in entries)
    token = ChangeToken(late, (entries[0].id,))  # as if the first entry had not committed when we looked
    assert store.changes_since(token).mrns == {"111"}


def test_sqlite_data_version_sees_another_connections_commit(tmp_path):
    path = tmp_path / "ward.sqlite3"
    with PatientStore.open(path, actor="nurse.a") as store:
        notifier = SqliteNotifier(str(path))
        try:
            assert notifier.wait(0.01) is False
            add_wang(store, "111")
            assert notifier.wait(0.01) is True
            assert notifier.wait(0.01) is False  # reported once
        finally:
            notifier.close()


def test_in_memory_database_has_no_notifier():
    with PatientStore.open(":memory:", actor="nurse.a") as store:
        assert store.notifier() is None


@pytest.mark.skipif(postgres_url() is None, reason="PostgreSQL: set PLANNER_TEST_POSTGRES to run")
def test_postgres_listen_notify_wakes_the_listener_on_every_write():
    url = postgres_url()
    assert url is not None
    with fresh_postgres_schema(url) as location, PatientStore.open(location, actor="nurse.a") as store:
        notifier = store.notifier()
        assert isinstance(notifier, PostgresNotifier) and notifier.listening
        try:
            while notifier.wait(0.05):  # drain what other tests on this database sent
                pass
            token = store.change_token()
            with PatientStore.open(location, actor="nurse.b") as other:
                started = time.monotonic()
                add_wang(other, "111")
                assert notifier.wait(2.0) is True
                assert time.monotonic() - started < 2.0
                assert store.changes_since(token).mrns == {"111"}
                # The trigger, not the program, notifies: a plain SQL write to the audit log wakes it too.
                while notifier.wait(0.05):
                    pass
                with other.repository.engine.begin() as conn:
                    # The audit chain numbers its entries itself (the id is hashed), so a script must too.
                    conn.execute(text("INSERT INTO audit_log (id, at, actor, action, entity, entity_id) "
                                      "SELECT COALESCE(MAX(id), 0) + 1, now(), 'script', 'note', 'none', 0 "
                                      "FROM audit_log"))
                assert notifier.wait(2.0) is True
        finally:
            notifier.close()


@pytest.mark.skipif(postgres_url() is None, reason="PostgreSQL: set PLANNER_TEST_POSTGRES to run")
def test_postgres_without_the_notify_trigger_db_check_says_so_and_polling_still_finds_changes(monkeypatch):
    from planner.store import changes

    url = postgres_url()
    assert url is not None
    with fresh_postgres_schema(url) as location, PatientStore.open(location, actor="nurse.a") as store:
        assert not [p for p in store.check() if "audit_log_notify" in p]
        with store.repository.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_log_notify ON audit_log"))
        assert [p for p in store.check() if "audit_log_notify" in p and "Live refresh" in p]
        monkeypatch.setattr(changes, "SAFETY_POLL_SECONDS", 1.0)
        notifier = store.notifier()
        assert isinstance(notifier, PostgresNotifier)
        try:
            token = store.change_token()
            add_wang(store, "111")
            started = time.monotonic()
            while not notifier.wait(0.2):
                assert time.monotonic() - started < 3.0
            assert store.changes_since(token).mrns == {"111"}
        finally:
            notifier.close()
