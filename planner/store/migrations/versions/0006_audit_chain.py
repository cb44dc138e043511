"""The audit log becomes a hash chain: each entry gets `hash` (its content and the previous entry's hash) and
`record_hash` (the digest of the patient's record when it was written); see planner.store.chain.

Existing entries are hashed once, in id order, the latest entry of each patient carrying the digest of the
patient's current record. That rewrite needs the append-only guards lifted for the length of this migration
(its transaction): SQLite's update trigger is dropped and re-created from its own stored SQL; on PostgreSQL
the owner grants itself UPDATE and disables the update trigger, then re-enables it and revokes the grant,
all inside the migration's transaction, so no other connection ever sees the log unguarded.

Revision ID: 0006_audit_chain
Revises: 0006_plan_prescriber
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0006_audit_chain"
down_revision = "0006_plan_prescriber"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from planner.store.chain import rehash

    op.add_column("audit_log", sa.Column("hash", sa.String(64)))
    op.add_column("audit_log", sa.Column("record_hash", sa.String(64)))
    if context.is_offline_mode():
        # A generated SQL script (`alembic upgrade --sql`) cannot compute hashes: it is for new databases,
        # whose log is empty. An existing log is hashed by opening the database with the program.
        return
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        trigger = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'").scalar()
        if trigger is not None:
            op.execute("DROP TRIGGER audit_log_no_update")
        rehash(bind)
        if trigger is not None:
            op.execute(trigger)
    elif bind.dialect.name == "postgresql":
        # A trigger someone dropped stays dropped (`db check` reports it); the upgrade itself must not fail on it.
        guarded = bind.exec_driver_sql(
            "SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('audit_log') "
            "AND tgname = 'audit_log_no_update'").first() is not None
        op.execute("GRANT UPDATE ON audit_log TO CURRENT_USER")
        if guarded:
            op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
        rehash(bind)
        if guarded:
            op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update")
        op.execute("REVOKE UPDATE ON audit_log FROM CURRENT_USER")
    else:
        rehash(bind)


def downgrade() -> None:
    # SQLite 3.35+ and PostgreSQL drop a column in place (a batch copy would drop the audit triggers).
    op.execute("ALTER TABLE audit_log DROP COLUMN record_hash")
    op.execute("ALTER TABLE audit_log DROP COLUMN hash")
