"""The audit log is append-only on PostgreSQL too, REPLACE INTO cannot rewrite it on SQLite, and user
name columns hold USER_NAME_MAX characters.

PostgreSQL: triggers refuse UPDATE, DELETE and TRUNCATE of audit_log for every role, the table owner (the
app's own role) included, and those privileges are revoked from PUBLIC and from the role running the
migration (a superuser keeps them; `planner db check` reports a superuser connection). SQLite: 0001's
triggers refuse UPDATE and DELETE; REPLACE INTO deletes the old row without firing them unless recursive
triggers are on, so a BEFORE INSERT trigger also refuses any row whose id is already in the log.

User names (the recorded actor, checkers, ...) were VARCHAR(100), which PostgreSQL enforces: a longer
sign-in name refused every write. They are widened on PostgreSQL only; SQLite never enforces a VARCHAR
length, and rebuilding its tables (what ALTER COLUMN means there) would drop the audit triggers.

Revision ID: 0005_audit_guard
Revises: 0005_zh_print_language
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_audit_guard"
down_revision = "0005_zh_print_language"
branch_labels = None
depends_on = None

OLD_USER = 100
USER_NAME_MAX = 256  # planner.store.schema.USER_NAME_MAX when this migration was written

USER_COLUMNS = {
    "patients": ("withdrawn_by", "created_by", "updated_by"),
    "modifications": ("created_by", "withdrawn_by"),
    "measurements": ("entered_by",),
    "dose_checks": ("first_checker", "second_checker", "recorded_by"),
    "administrations": ("given_by", "withdrawn_by"),
    "audit_log": ("actor",),
}

PG_FUNCTION = """
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$
"""


def _widen(length: int) -> None:
    for table, columns in USER_COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.String(OLD_USER),
                            existing_nullable=False)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
                   "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    elif dialect == "postgresql":
        _widen(USER_NAME_MAX)
        op.execute(PG_FUNCTION)
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
        op.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
        op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()")
        # The owner could grant them back, but then `planner db check` reports it.
        op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC")
        op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_replace")
    elif dialect == "postgresql":
        op.execute("GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER")
        for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_truncate"):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
        _widen(OLD_USER)
