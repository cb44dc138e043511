"""`planner db check`: integrity, migration state and the audit trail's hash chain, as a list of problems
([] when healthy), and the chain head for the unit to write down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError

from planner.core.errors import PlannerError
from planner.core.i18n import translate
from planner.store import engine as db
from planner.store.chain import ChainHead, verify
from planner.store.changes import SAFETY_POLL_SECONDS
from planner.store.summary import patients_without_summary


def _sqlite_integrity(conn: Connection) -> list[str]:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    if rows != ["ok"]:
        return [translate("Store", "Integrity check: {problem}").format(problem=r) for r in rows]
    return []


def _sqlite_settings(conn: Connection) -> list[str]:
    problems: list[str] = []
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems.append(translate("Store", "{n} rows refer to records that do not exist.").format(n=len(broken)))
    mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    if db.sqlite_path(conn.engine.url) is not None and str(mode).lower() != "wal":  # in-memory has no WAL
        problems.append(translate("Store", "Journal mode is {mode}, expected wal.").format(mode=mode))
    return problems


def _summary_checks(conn: Connection) -> list[str]:
    stale = patients_without_summary(conn)
    if stale:
        return [translate("Store", "{n} patients have an out-of-date list summary.").format(n=len(stale))]
    return []


# The append-only guards of the audit log (migrations 0001 and 0005), by engine.
SQLITE_AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_replace")
POSTGRES_AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_truncate")
LIVE_REFRESH_TRIGGER = "audit_log_notify"  # migration 0006: NOTIFY planner_changes at every write's commit


def _missing_trigger(name: str) -> str:
    return translate("Store", "The audit log is not protected: its trigger {name} is missing or disabled; "
                     "entries could be changed or deleted.").format(name=name)


def _audit_protection(conn: Connection) -> list[str]:
    """Report what would let the audit log be rewritten: a dropped or disabled trigger, and on PostgreSQL
    the connecting role's own UPDATE, DELETE or TRUNCATE privilege on it (or superuser rights)."""
    if conn.dialect.name == "sqlite":
        present = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
        return [_missing_trigger(name) for name in SQLITE_AUDIT_TRIGGERS if name not in present]
    if conn.dialect.name != "postgresql":
        return []
    enabled = {r[0] for r in conn.execute(text(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass('audit_log') AND tgenabled <> 'D'"))}
    problems = [_missing_trigger(name) for name in POSTGRES_AUDIT_TRIGGERS if name not in enabled]
    if LIVE_REFRESH_TRIGGER not in enabled:
        problems.append(translate(
            "Store", "Live refresh is slowed: the audit log's trigger {name} is missing or disabled, so other "
            "workstations see a change only at their next check (within {seconds} s) instead of at once.").format(
            name=LIVE_REFRESH_TRIGGER, seconds=int(SAFETY_POLL_SECONDS)))
    role, superuser = conn.execute(text(
        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    if superuser:
        problems.append(translate(
            "Store", "The database role {role} is a superuser: it can switch off the audit log's protection. "
            "Connect as an ordinary role that owns the tables.").format(role=role))
        return problems
    allowed = [privilege for privilege in ("UPDATE", "DELETE", "TRUNCATE") if conn.execute(
        text("SELECT has_table_privilege(to_regclass('audit_log'), :privilege)"), {"privilege": privilege}).scalar()]
    if allowed:
        problems.append(translate(
            "Store", "The database role {role} may {privileges} the audit log; revoke it "
            "(REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}).").format(
            role=role, privileges=", ".join(allowed)))
    return problems


def _guarded(engine: Engine, check: Callable[[Connection], list[str]]) -> list[str]:
    try:
        with engine.connect() as conn:
            return check(conn)
    except DatabaseError as exc:
        return [translate("Store", "The database cannot be read: {reason}").format(reason=exc.orig)]


def _audit_chain(engine: Engine) -> tuple[list[str], ChainHead | None]:
    """Every hash and link of the audit log, and every patient's record against its last entry, read in
    one snapshot (REPEATABLE READ on PostgreSQL; an SQLite read transaction is one already) so a save by a
    workstation during the check is never half seen."""
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            report = verify(conn)
            return list(report.problems), report.head
    except DatabaseError as exc:
        return [translate("Store", "The database cannot be read: {reason}").format(reason=exc.orig)], None


def check_database(engine: Engine) -> list[str]:
    return check_database_and_head(engine)[0]


def check_database_and_head(engine: Engine) -> tuple[list[str], ChainHead | None]:
    """The problems (as check_database) and the head of the audit chain (None when it was not verified)."""
    head: ChainHead | None = None
    if engine.dialect.name == "sqlite":
        problems = _guarded(engine, _sqlite_integrity)
        if problems:
            return problems + _file_modes(engine), None  # the further checks would only trip over the same damage
        # A wrong journal mode or dangling rows do not stop the schema check: an empty file, for one,
        # must also be reported as having no schema.
        problems = _guarded(engine, _sqlite_settings)
    else:
        problems = _guarded(engine, lambda conn: [] if conn.execute(text("SELECT 1")).scalar() == 1 else [
            translate("Store", "The database does not answer.")])
        if problems:
            return problems, None
    expected = db.head_revision()
    try:
        current = db.current_revision(engine)
    except DatabaseError as exc:
        return [translate("Store", "The database cannot be read: {reason}").format(reason=exc.orig)], None
    if current != expected:
        problems.append(translate("Store", "Schema version is {current}, this program expects {head}.").format(
            current=current or "none", head=expected))
    else:
        problems.extend(_guarded(engine, _audit_protection))
        chain_problems, head = _audit_chain(engine)
        problems.extend(chain_problems)
        problems.extend(_guarded(engine, _summary_checks))
    return problems + _file_modes(engine), head


def _file_modes(engine: Engine) -> list[str]:
    problems = []
    path = db.sqlite_path(engine.url)
    if path is not None:
        for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                problems.append(translate("Store", "{file} is readable by other users; it should be 0600.").format(
                    file=candidate.name))
    return problems


def check_location(location: str | Path | None) -> tuple[str, list[str], ChainHead | None]:
    """Check a database without opening it as a store: no migration, no summary refresh, no new file,
    so `planner db check` reports an old schema or a damaged file instead of changing or tripping on it.
    Returns the URL shown, the problems and the audit chain's head (None when not verified or empty)."""
    url = db.resolve_url(location)
    shown = url.render_as_string(hide_password=True)
    path = db.sqlite_path(url)
    if path is not None and not path.is_file():
        return shown, [translate("Store", "There is no database at {path}.").format(path=path)], None
    try:
        engine = db.make_engine(url)
    except PlannerError as exc:  # e.g. a postgresql:// URL without its driver installed: a problem, exit 1
        return shown, [exc.message], None
    try:
        return (shown, *check_database_and_head(engine))
    except (OSError, DatabaseError) as exc:  # server not reachable, refused, ...
        return shown, [translate("Store", "The database cannot be reached: {reason}").format(
            reason=getattr(exc, "orig", None) or exc)], None
    finally:
        engine.dispose()
