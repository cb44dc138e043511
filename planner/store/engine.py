"""Where the database is, how to connect, and bringing its schema to this version's head.

Only the default connection assumes SQLite: the WAL journal, the pragmas, the 0600 file and the
`BEGIN IMMEDIATE` for writes are applied when the dialect is sqlite; any other URL (a shared
PostgreSQL server, postgresql+psycopg://...) gets plain SQLAlchemy with the same schema and migrations,
migrations serialised by an advisory lock. On both, text with a NUL character is refused before the driver.
"""

from __future__ import annotations

import logging
import os
import random
import re
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.store.errors import SchemaTooNew, StoreError

log = logging.getLogger(__name__)

ENV_VAR = "PLANNER_DATABASE"
APP_NAME = "cycle-planner"
DB_FILE = "planner.sqlite3"
MIGRATIONS = Path(__file__).parent / "migrations"
HEAD_REVISION = "0006_audit_chain"  # the newest migration in migrations/versions (a test keeps the two equal)
WRITE = "planner_write"  # execution option: this transaction will write (SQLite: BEGIN IMMEDIATE)


def default_location() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILE


def resolve_url(location: str | Path | None = None) -> URL:
    """None -> $PLANNER_DATABASE or the per-user data folder; a path -> SQLite file; 'x://...' -> that URL."""
    if location is None or (isinstance(location, str) and not location.strip()):
        location = os.environ.get(ENV_VAR) or default_location()
    if isinstance(location, str) and "://" in location:
        try:
            return make_url(location)
        except Exception:
            # Neither the URL nor the parser's reason (it quotes the URL) is echoed: either may carry a password.
            raise StoreError(translate("Store", "Database: '{url}' is not a database URL.").format(
                url=mask_password(location))) from None
    if str(location) == ":memory:":  # tests and demos: a private database that vanishes on close
        return URL.create("sqlite", database=":memory:")
    path = Path(location).expanduser().resolve()
    return URL.create("sqlite", database=str(path))


_PASSWORD = re.compile(r"(?P<head>://[^/@:]*:)[^/@]*(?=@)")


def mask_password(location: str) -> str:
    """A database URL as it may be shown: `postgresql://nurse:***@host/db` (also when it is malformed)."""
    return _PASSWORD.sub(lambda m: m.group("head") + "***", location)


def database_file(url_text: str | None) -> Path | None:
    """The SQLite file behind a shown URL or a location (None, a path or a URL); None when there is none."""
    try:
        return sqlite_path(make_url(url_text) if url_text and "://" in url_text else resolve_url(url_text))
    except Exception:  # a malformed URL has no file to protect
        return None


def sqlite_path(url: URL) -> Path | None:
    """The file of a file-based SQLite URL, None for in-memory or other databases."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _create_private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does: SQLite then gives its -wal and -shm files
    the same mode as the database file, so nothing of it is ever readable by other users."""
    from planner.export.atomic import make_private_folders

    try:
        make_private_folders(path.parent)
    except OSError as exc:
        raise StoreError(translate("Store", "Database: cannot create the folder {path} ({reason}).").format(
            path=path.parent, reason=exc.strerror or exc)) from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(translate("Store", "Database: cannot create {path} ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from None
    os.close(fd)
    os.chmod(path, 0o600)  # whatever the umask was


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (pysqlite's own transaction handling defers it and breaks SAVEPOINTs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 15000")
        cursor.execute("PRAGMA foreign_keys = ON")
        # FULL: a transaction reported saved survives a power cut, not only a killed process.
        cursor.execute("PRAGMA synchronous = FULL")
        # REPLACE INTO deletes the row it replaces; only with recursive triggers does that deletion fire
        # the audit log's append-only delete trigger (migration 0005 also refuses the insert itself).
        cursor.execute("PRAGMA recursive_triggers = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock at BEGIN, so a read-check-write (the version check) can never
        # be overtaken by another process between the read and the write.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


_PARAM_SUFFIX = re.compile(r"_(m?\d+)$")  # SQLAlchemy's bind names: "note", "note_m1", "id_1"


def _install_nul_guard(engine: Engine) -> None:
    """Refuse text holding a NUL character before it reaches the driver, naming the column.

    PostgreSQL cannot store NUL in text and psycopg's error names no field; SQLite stores it. The
    validation functions refuse it in what a person types (with the field's label); this catches every
    other value (a plan file, an administration note, the user name) on both engines alike."""

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse_nul(_conn: Any, _cursor: Any, _statement: str, parameters: Any, context: Any,
                    executemany: bool) -> None:
        rows = parameters if executemany else [parameters]
        for row in rows:
            items: Iterable[tuple[Any, Any]]
            if isinstance(row, dict):
                items = row.items()
            else:
                names = getattr(getattr(context, "compiled", None), "positiontup", None) or ()
                items = zip(list(names) + ["?"] * (len(row) - len(names)), row, strict=False)
            for name, value in items:
                if isinstance(value, str) and "\x00" in value:
                    field = _PARAM_SUFFIX.sub("", str(name))
                    raise InputError(field, translate(
                        "Store", "{field}: contains a NUL character (\\0), which cannot be stored; remove it.").format(
                        field=field))


def _install_postgres_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The patient list of a full ward is costed above jit_above_cost, and compiling it takes longer
        # (50+ ms) than running it; none of the store's queries gains from JIT.
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET jit = off")
        dbapi_connection.commit()


def make_engine(url: URL) -> Engine:
    # hide_parameters: SQL errors and SQLAlchemy's own logging never carry names, MRNs or doses.
    path = sqlite_path(url)
    if path is not None:
        _create_private_file(path)
    if url.get_backend_name() == "sqlite" and path is None:
        # One in-memory database shared by every connection (and thread) of this engine.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False},
                               hide_parameters=True)
        _install_sqlite_hooks(engine)
        _install_nul_guard(engine)
        return engine
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 15}, hide_parameters=True)
        _install_sqlite_hooks(engine)
        _install_nul_guard(engine)
        return engine
    try:
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        _install_nul_guard(engine)
        if url.get_backend_name() == "postgresql":
            _install_postgres_hooks(engine)
        return engine
    except (ArgumentError, ImportError) as exc:  # unknown dialect, driver not installed
        raise StoreError(translate("Store", "Database: cannot use {url} ({reason}).").format(
            url=url.render_as_string(hide_password=True), reason=exc)) from None


def _alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database, read without loading Alembic (~80 ms at start-up)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# How long a first open keeps asking for the switch to WAL while other processes hold the file.
WAL_SWITCH_SECONDS = 15.0


def _use_wal(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    # Persistent in the file: readers never block the writer, and a kill -9 mid-write leaves the last
    # committed state (the WAL is replayed or ignored on the next open). Outside any transaction, hence
    # on the raw DBAPI connection. The switch needs the file to itself, and SQLite answers "database is
    # locked" at once, without its busy timeout, while another connection reads or writes (to avoid a
    # deadlock): with many workstations opening a new file together it is asked again until one has made
    # it; the mode is kept in the file, so everyone after that finds WAL and asks nothing.
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    attempt = 0
    while True:
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA journal_mode")
            row = cursor.fetchone()
            if row is not None and str(row[0]).lower() == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
        finally:
            raw.close()
        attempt += 1
        time.sleep(min(0.5, 0.02 * attempt) * (0.5 + random.random()))  # spread out, so one gets through


# Any fixed number, the same in every copy of the program: the PostgreSQL advisory lock that serialises
# schema migrations across every workstation opening the same database at once.
MIGRATION_LOCK = 0x706C616E6E6572  # "planner"


def _lock_migrations(conn: Connection) -> None:
    """Hold the migration lock for the rest of this transaction.

    PostgreSQL: a transaction-level advisory lock, so a second process opening the same database waits
    for the first one's upgrade to commit and then finds the schema at head. SQLite: the transaction
    already began with BEGIN IMMEDIATE (the WRITE option), which holds the database's write lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def prepare_schema(engine: Engine, location: str) -> str:
    """Create or upgrade the schema to head; refuse (untouched) a database made by a newer version.

    Safe when several processes open (or upgrade) one database at the same moment: the revision is
    read again, and the upgrade run, only while holding the migration lock."""
    if _stored_revision(engine) == HEAD_REVISION:  # the usual case: nothing to migrate
        _use_wal(engine)
        return HEAD_REVISION
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        _lock_migrations(conn)
        current = MigrationContext.configure(conn).get_current_revision()
        if current is not None:
            try:
                script.get_revision(current)
            except CommandError:
                raise SchemaTooNew(location, current) from None
        elif inspect(conn).has_table("patients"):
            raise StoreError(translate(
                "Store", "The database {location} has patient tables but no schema version; it was not made by "
                "Cycle Planner and was left untouched.").format(location=location))
        if current != head:
            command.upgrade(_alembic_config(conn), "head")
            log.info("database schema upgraded from %s to %s", current, head)
    _use_wal(engine)  # only now: a foreign or newer file is left byte for byte as it was
    return head or ""


def tighten_sqlite_files(url: URL) -> None:
    """Make sure the database file and its WAL/SHM companions are 0600 (older files, odd umasks)."""
    path = sqlite_path(url)
    if path is None:
        return
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if candidate.exists() and (candidate.stat().st_mode & 0o077):
                os.chmod(candidate, 0o600)
        except OSError:
            pass  # not ours to change (e.g. a read-only shared copy); SQLite will report real problems
