"""What Help > About reports about the database comes from the store: location, engine, accounts and the
result of the same health check `planner db check` runs."""

from __future__ import annotations

import os

from planner.store.about import accounts_enabled, database_facts
from planner.store.health import check_location
from planner.store.store import PatientStore


def test_a_healthy_sqlite_database(tmp_path):
    path = tmp_path / "ward.sqlite3"
    with PatientStore.open(path) as store:
        facts = database_facts(store)
    assert facts.location == str(path.resolve())
    assert facts.engine == "SQLite"
    assert facts.accounts is False
    assert facts.problems == ()


def test_problems_are_those_of_db_check(tmp_path):
    path = tmp_path / "ward.sqlite3"
    with PatientStore.open(path) as store:
        os.chmod(path, 0o644)
        facts = database_facts(store)
        # The same check as `planner db check` (which may by then also see the -wal file SQLite made since).
        assert set(facts.problems) <= set(check_location(path)[1])
    assert facts.problems
    assert any("0600" in problem for problem in facts.problems)


def test_accounts_on_once_an_administrator_exists(tmp_path):
    from planner import operations
    from planner.core.roles import Role

    with PatientStore.open(tmp_path / "ward.sqlite3") as store:
        assert accounts_enabled(store) is False and database_facts(store).users == 0
        operations.add_user(store.repository, "admin", role=Role.ADMINISTRATOR, password="admin-secret")
        assert accounts_enabled(store) is True
        facts = database_facts(store)
    assert facts.accounts is True and facts.users == 1
