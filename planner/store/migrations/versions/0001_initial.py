"""Patients, measurements, plans, modifications, dose checks, administrations and the audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

USER = 100


def _dec() -> sa.String:
    return sa.String(40)  # exact decimal text


def _at() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _patient_fk() -> sa.Column[int]:
    return sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), nullable=False, index=True)


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("mrn", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("dob", sa.Date),
        sa.Column("sex", sa.String(1)),
        sa.Column("diagnosis", sa.Text, nullable=False),
        sa.Column("allergies", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
        sa.Column("withdrawn_reason", sa.Text, nullable=False),
        sa.Column("withdrawn_by", sa.String(USER), nullable=False),
        sa.Column("withdrawn_at", _at()),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(USER), nullable=False),
        sa.Column("created_at", _at(), nullable=False),
        sa.Column("updated_by", sa.String(USER), nullable=False),
        sa.Column("updated_at", _at(), nullable=False),
    )
    op.create_table(
        "prior_exposures",
        sa.Column("id", sa.Integer, primary_key=True),
        _patient_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("drug", sa.String(50), nullable=False),
        sa.Column("mg_per_m2", _dec(), nullable=False),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), nullable=False, unique=True),
        sa.Column("regimen_id", sa.String(100), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("formula", sa.String(40), nullable=False),
        sa.Column("rounding_step_mg", _dec(), nullable=False),
        sa.Column("recalc_threshold_pct", _dec(), nullable=False),
        sa.Column("bsa_cap_m2", _dec()),
        sa.Column("open_ended_cycles", sa.Integer, nullable=False),
        sa.Column("anthracycline_factors", sa.JSON, nullable=False),
    )
    op.create_table(
        "modifications",
        sa.Column("id", sa.Integer, primary_key=True),
        _patient_fk(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(USER), nullable=False),
        sa.Column("created_at", _at(), nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
        sa.Column("withdrawn_reason", sa.Text, nullable=False),
        sa.Column("withdrawn_by", sa.String(USER), nullable=False),
        sa.Column("withdrawn_at", _at()),
    )
    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer, primary_key=True),
        _patient_fk(),
        sa.Column("measured_on", sa.Date, nullable=False),
        sa.Column("height_cm", _dec(), nullable=False),
        sa.Column("weight_kg", _dec(), nullable=False),
        sa.Column("entered_by", sa.String(USER), nullable=False),
        sa.Column("entered_at", _at(), nullable=False),
        sa.Column("modification_id", sa.Integer, sa.ForeignKey("modifications.id")),
    )
    op.create_table(
        "dose_checks",
        sa.Column("id", sa.Integer, primary_key=True),
        _patient_fk(),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("drug", sa.String(50), nullable=False),
        sa.Column("calculated_mg", _dec(), nullable=False),
        sa.Column("checked_mg", _dec(), nullable=False),
        sa.Column("deviation_pct", _dec(), nullable=False),
        sa.Column("tolerance_pct", _dec(), nullable=False),
        sa.Column("passed", sa.Boolean, nullable=False),
        sa.Column("first_checker", sa.String(USER), nullable=False),
        sa.Column("second_checker", sa.String(USER), nullable=False),
        sa.Column("checked_at", _at(), nullable=False),
        sa.Column("recorded_by", sa.String(USER), nullable=False),
    )
    op.create_table(
        "administrations",
        sa.Column("id", sa.Integer, primary_key=True),
        _patient_fk(),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("drug", sa.String(50), nullable=False),
        sa.Column("dose_mg", _dec(), nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("given_by", sa.String(USER), nullable=False),
        sa.Column("recorded_at", _at(), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", _at(), nullable=False),
        sa.Column("actor", sa.String(USER), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("entity", sa.String(50), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("patient_id", sa.Integer, index=True),
        sa.Column("old", sa.JSON),
        sa.Column("new", sa.JSON),
    )
    if op.get_bind().dialect.name == "sqlite":
        # The audit log is append-only in the database itself, not only by the store's good manners.
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
        op.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    for table in ("audit_log", "administrations", "dose_checks", "measurements", "modifications", "plans",
                  "prior_exposures", "patients"):
        op.drop_table(table)
