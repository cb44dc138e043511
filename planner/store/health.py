"""`planner db check`: integrity and migration state, as a list of problems ([] when healthy)."""

from __future__ import annotations

from sqlalchemy import Engine, text

from planner.core.i18n import translate
from planner.store import engine as db
from planner.store.summary import patients_without_summary


def check_database(engine: Engine) -> list[str]:
    problems: list[str] = []
    head = db.head_revision()
    current = db.current_revision(engine)
    if current != head:
        problems.append(translate("Store", "Schema version is {current}, this program expects {head}.").format(
            current=current or "none", head=head))
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if rows != ["ok"]:
                problems.extend(translate("Store", "Integrity check: {problem}").format(problem=r) for r in rows)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                problems.append(translate("Store", "{n} rows refer to records that do not exist.").format(
                    n=len(broken)))
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            if str(mode).lower() != "wal":
                problems.append(translate("Store", "Journal mode is {mode}, expected wal.").format(mode=mode))
        else:
            conn.execute(text("SELECT 1"))
        if current == head:
            stale = patients_without_summary(conn)
            if stale:
                problems.append(translate("Store", "{n} patients have an out-of-date list summary.").format(
                    n=len(stale)))
    path = db.sqlite_path(engine.url)
    if path is not None:
        for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                problems.append(translate("Store", "{file} is readable by other users; it should be 0600.").format(
                    file=candidate.name))
    return problems
