"""Alembic environment, run programmatically by planner.store.engine (no alembic.ini at run time).

The store passes an open connection, already inside its transaction, in `config.attributes`, so the
whole upgrade commits or rolls back as one. Offline mode (`sql=True`, with `sqlalchemy.url` set)
prints the DDL for another database, e.g. for a PostgreSQL administrator to review.
"""

from __future__ import annotations

from alembic import context

if context.is_offline_mode():
    context.configure(url=context.config.get_main_option("sqlalchemy.url"), literal_binds=True,
                      target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = context.config.attributes.get("connection")
    if connection is None:  # only reached when someone runs the alembic command by hand
        raise RuntimeError("run migrations through planner.store (PatientStore.open), not the alembic command")
    context.configure(connection=connection, target_metadata=None, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
