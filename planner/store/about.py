"""What Help > About says about the database: where it is, which engine, whether accounts are on, and the
result of the same health check `planner db check` runs (integrity, schema version, the audit trail's
summaries, file modes). Kept here, in the store, so the GUI only formats it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import make_url

from planner.store import engine as db
from planner.store.store import PatientStore

ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class DatabaseFacts:
    location: str  # the SQLite file, or the server URL with its password hidden
    engine: str  # "SQLite", "PostgreSQL", or SQLAlchemy's dialect name for anything else
    accounts: bool
    problems: tuple[str, ...]  # what `planner db check` would print; () when healthy
    users: int = 0  # how many accounts exist (disabled ones included); 0 in single-user mode


def accounts_enabled(store: PatientStore) -> bool:
    """Whether people sign in with their own accounts: on once the first account (an administrator) exists;
    until then every change is recorded under the operating-system user (single-user mode)."""
    return store.accounts_enabled()


def database_facts(store: PatientStore) -> DatabaseFacts:
    url = make_url(store.url)  # already rendered with the password hidden
    backend = url.get_backend_name()
    path = db.sqlite_path(url)
    users = store.user_count()
    return DatabaseFacts(location=str(path) if path is not None else store.url,
                         engine=ENGINE_NAMES.get(backend, backend), accounts=users > 0, users=users,
                         problems=tuple(store.check()))
