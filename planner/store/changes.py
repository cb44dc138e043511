"""The change feed: which patients changed since a window last looked, for live refresh between workstations.

Answered from the audit log, which every write appends to (in the same transaction): audit ids only grow, so
a token is the last audit id seen. On PostgreSQL ids are taken from a sequence when a transaction inserts, not
when it commits, so a slow transaction can commit id 10 after a fast one committed id 11; a token therefore
also remembers the ids it skipped (`gaps`) and asks for them again until they appear or fall out of the
window (ids of rolled-back transactions never appear). SQLite has one writer at a time: it never has gaps.

Knowing when to ask is the notifier's job, so an idle ward costs next to nothing:
- SQLite: `PRAGMA data_version` on a private connection changes whenever another connection commits; one
  pragma every ~500 ms, answered from the shared memory of the WAL without reading the database.
- PostgreSQL: `LISTEN planner_changes`; a trigger on audit_log (migration 0006) sends `NOTIFY` at the commit of
  every write transaction, whichever program (or version of it) wrote. When the listening connection fails,
  the notifier falls back to answering "maybe" every poll and tries to listen again later.
Nothing here knows about Qt: planner.gui.live_refresh runs the notifier on its own thread.
Log messages name no patient, MRN or dose.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, func, or_, select

from planner.store.schema import audit_log, patients

log = logging.getLogger(__name__)

CHANNEL = "planner_changes"  # the NOTIFY channel migration 0006's trigger sends on
POLL_SECONDS = 0.5  # how often SQLite's data_version is read (the brief: a change shows within 2 s)
GAP_WINDOW = 1000  # skipped ids further back than this are taken as rolled back, never to appear
RELISTEN_SECONDS = 30.0  # PostgreSQL: how long to poll before trying to LISTEN again after a failure
# PostgreSQL: ask the feed this often even without a notification, in case the NOTIFY trigger was dropped
# (`planner db check` reports that) or a notification was lost with a connection.
SAFETY_POLL_SECONDS = 10.0


@dataclass(frozen=True)
class ChangeToken:
    """Where a reader of the change feed is: the last audit id seen, and the ids below it not seen yet."""

    last_id: int = 0
    gaps: tuple[int, ...] = ()


@dataclass(frozen=True)
class Changes:
    """What `changes_since` found: the token to ask with next time and the MRNs of the changed patients.

    `mrns` holds each changed patient's MRN now and, when an edit changed it, the MRN they had before (a
    list showing the old one must drop that row)."""

    token: ChangeToken
    mrns: frozenset[str] = field(default_factory=frozenset)


def current_token(conn: Connection) -> ChangeToken:
    """The token of "now": read it before reading what it covers (the list), so nothing falls between."""
    last = conn.execute(select(func.max(audit_log.c.id))).scalar()
    return ChangeToken(int(last or 0))


def changes_since(conn: Connection, token: ChangeToken) -> Changes:
    """The patients changed by audit entries after `token`: one indexed range read of the audit log."""
    condition = audit_log.c.id > token.last_id
    if token.gaps:
        condition = or_(condition, audit_log.c.id.in_(token.gaps))
    query = (select(audit_log.c.id, audit_log.c.entity, audit_log.c.old, patients.c.mrn)
             .select_from(audit_log.outerjoin(patients, patients.c.id == audit_log.c.patient_id))
             .where(condition).order_by(audit_log.c.id))
    seen: set[int] = set()
    mrns: set[str] = set()
    for entry_id, entity, old, mrn in conn.execute(query):
        seen.add(int(entry_id))
        if mrn is not None:
            mrns.add(str(mrn))
        if entity == "patient" and isinstance(old, dict) and isinstance(old.get("mrn"), str):
            mrns.add(old["mrn"])  # an edit changed the MRN: the row under the old one goes
    return Changes(_next_token(token, seen), frozenset(mrns))


def _next_token(token: ChangeToken, seen: set[int]) -> ChangeToken:
    last = max(seen | {token.last_id})
    gaps = {g for g in token.gaps if g not in seen}
    gaps.update(i for i in range(token.last_id + 1, last) if i not in seen)
    return ChangeToken(last, tuple(sorted(g for g in gaps if g > last - GAP_WINDOW)))


# ---------------------------------------------------------------------------------------------- notifiers


class Notifier(Protocol):
    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True when the database may have changed (then ask the feed)."""
        ...

    def close(self) -> None: ...


class SqliteNotifier:
    """Reads `PRAGMA data_version` on its own connection: it changes when any other connection commits."""

    def __init__(self, path: str) -> None:
        # Its own connection (not the pool's): data_version is per connection, and only a connection that
        # itself never writes sees every commit, this program's own ones included. Not opened with mode=ro:
        # a read-only connection cannot recreate the WAL's -shm file; query_only keeps it from writing.
        self._conn = sqlite3.connect(path, timeout=15, check_same_thread=False)
        self._conn.execute("PRAGMA query_only = ON")
        self._version = self._read()

    def _read(self) -> int:
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def wait(self, timeout: float) -> bool:
        time.sleep(timeout)
        try:
            version = self._read()
        except sqlite3.Error as exc:
            log.warning("change check failed: %s", type(exc).__name__)
            return True  # ask the feed: it reports the real problem, or nothing changed
        changed, self._version = version != self._version, version
        return changed

    def close(self) -> None:
        self._conn.close()


class PostgresNotifier:
    """LISTENs on a connection of its own; polls (answers True each time) while it cannot listen."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._listener: Any = None  # the psycopg connection, None while polling
        self._retry_at = 0.0
        self._asked_at = time.monotonic()
        self._lock = threading.Lock()
        self._listen()

    def _listen(self) -> None:
        try:
            raw = self._engine.raw_connection()
            connection = raw.driver_connection
            raw.detach()  # never back into the pool: the LISTEN belongs to this connection alone
            assert connection is not None
            connection.rollback()  # out of any transaction the pool's ping began
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            self._listener = connection
        except Exception as exc:
            log.warning("cannot listen for changes (%s); polling instead", type(exc).__name__)
            self._listener = None
            self._retry_at = time.monotonic() + RELISTEN_SECONDS

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def wait(self, timeout: float) -> bool:
        with self._lock:
            if self._listener is None:
                time.sleep(timeout)
                if time.monotonic() >= self._retry_at:
                    self._listen()
                return True  # polling fallback: ask the feed every time (one indexed query)
            try:
                notified = any(True for _ in self._listener.notifies(timeout=timeout, stop_after=1))
                now = time.monotonic()
                if notified or now - self._asked_at >= SAFETY_POLL_SECONDS:
                    self._asked_at = now
                    return True
                return False
            except Exception as exc:
                log.warning("listening for changes stopped (%s); polling instead", type(exc).__name__)
                self._drop()
                self._retry_at = time.monotonic() + RELISTEN_SECONDS
                return True

    def _drop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.close()
            except Exception:
                pass

    def close(self) -> None:
        with self._lock:
            self._drop()


class PollingNotifier:
    """Any other database: ask the feed every poll."""

    def wait(self, timeout: float) -> bool:
        time.sleep(timeout)
        return True

    def close(self) -> None:
        pass


def make_notifier(engine: Engine) -> Notifier | None:
    """The cheapest way to learn of another workstation's write; None for a private in-memory database
    (nobody else can write to it)."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        return SqliteNotifier(url.database)
    if url.get_backend_name() == "postgresql":
        return PostgresNotifier(engine)
    return PollingNotifier()
