"""Alembic environment, run programmatically by planner.store.engine (no alembic.ini at run time).

The store passes an open connection, already inside its transaction, in `config.attributes`; so
the whole upgrade commits or rolls back as one.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through planner.store (PatientStore.open), not the alembic command")

context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
