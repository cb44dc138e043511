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


def accounts_enabled() -> bool:
    """Whether people sign in with their own accounts. There is no accounts feature yet: every change is
    recorded under the operating-system user (single-user), so this is False until accounts exist; then it
    is the one place that reads whether they are switched on."""
    return False


def database_facts(store: PatientStore) -> DatabaseFacts:
    url = make_url(store.url)  # already rendered with the password hidden
    backend = url.get_backend_name()
    path = db.sqlite_path(url)
    return DatabaseFacts(location=str(path) if path is not None else store.url,
                         engine=ENGINE_NAMES.get(backend, backend), accounts=accounts_enabled(),
                         problems=tuple(store.check()))
