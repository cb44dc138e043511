"""PostgreSQL: every write transaction sends NOTIFY planner_changes, for live refresh between workstations.

A statement trigger on audit_log rather than a NOTIFY in the program's write path: every write appends to the
audit log, so every writer notifies, another version of the program or a script included. PostgreSQL sends
the notification when the transaction commits (never for a rolled-back one) and folds repeats within one
transaction into one. The payload is empty: listeners ask the change feed (planner.store.changes) what
changed, so nothing about a patient travels on the channel. SQLite needs nothing: the readers watch
`PRAGMA data_version`.

Revision ID: 0006_live_refresh
Revises: 0006_accounts
"""

from __future__ import annotations

from alembic import op

revision = "0006_live_refresh"
down_revision = "0006_accounts"
branch_labels = None
depends_on = None

PG_FUNCTION = """
CREATE FUNCTION planner_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('planner_changes', '');
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute("CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION planner_notify_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_notify ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS planner_notify_change()")
