"""Shared test set-up: Qt runs offscreen, and no test touches a real user profile or database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The same regional settings on every machine: "auto" public holidays follow the computer's country, and a
# test must not see a developer's national holidays.
os.environ["LC_ALL"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _private_profile(tmp_path, monkeypatch):
    """Preferences, the default database and the data folders all live under the test's tmp_path."""
    monkeypatch.setenv("PLANNER_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(autouse=True)
def _debug_internal_errors(monkeypatch):
    """The CLI's last-resort handler re-raises under PLANNER_DEBUG=1: a bug fails the test with its traceback
    instead of becoming `error: internal error (...)` and exit 70."""
    monkeypatch.setenv("PLANNER_DEBUG", "1")


# --- both database engines -------------------------------------------------------------------------------
# Tests that take the `database` fixture (directly or through `store`) run once on SQLite and once on
# PostgreSQL. PostgreSQL needs PLANNER_TEST_POSTGRES=<SQLAlchemy URL> (packaging/pg-test-cluster.sh starts a
# throwaway server and prints one); each test gets a fresh, empty schema of that database, dropped afterwards.
POSTGRES_ENV = "PLANNER_TEST_POSTGRES"
ENGINES = ("sqlite", "postgresql")


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV, "").strip() or None


@pytest.fixture(params=ENGINES)
def database(request, tmp_path):
    """A fresh, empty database location: an SQLite file path, or a postgresql+psycopg:// URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "planner.sqlite3")
        return
    marker = request.node.get_closest_marker("sqlite_only")
    if marker is not None:
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else 'tests SQLite files'}")
    url = postgres_url()
    if url is None:
        pytest.skip(f"PostgreSQL: set {POSTGRES_ENV} to a SQLAlchemy URL (packaging/pg-test-cluster.sh) to run")
    with fresh_postgres_schema(url) as location:
        yield location


@contextmanager
def fresh_postgres_schema(url: str) -> Iterator[str]:
    """A new schema in the test database, and a URL whose connections use only it (search_path)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
        with admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        admin.dispose()


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch):
    """argon2id with its production cost takes ~0.5 s per hash on a busy test machine; the tests check what
    is hashed and verified, not the cost, so they use the cheapest argon2id parameters."""
    from argon2 import PasswordHasher

    from planner.store import accounts

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "hasher", lambda: cheap)


# --- a pinned "today" ---------------------------------------------------------------------------------------
PINNED_TODAY = date(2026, 6, 15)


@pytest.fixture
def pinned_today() -> Iterator[date]:
    """The clock stands at noon (UTC, also the local zone meanwhile) of PINNED_TODAY and ticks from there: code
    that asks date.today() and the test that compares with it agree, even when the run crosses midnight."""
    import time_machine

    with time_machine.travel(datetime(PINNED_TODAY.year, PINNED_TODAY.month, PINNED_TODAY.day, 12,
                                      tzinfo=ZoneInfo("UTC")), tick=True):
        yield PINNED_TODAY
