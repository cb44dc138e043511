"""Assessments before a cycle (issue 11): what was measured, the proposal as it stood, and its acceptance.

One row per assessment a nurse recorded: the measurements (JSON, each value with its unit as entered and
normalised), the decision and the fired rule codes as a snapshot (the rules may change later; what the
nurse saw is what was decided on), whether it was accepted, why, the prescriber who confirmed it when a
rule required it, and the modifications the acceptance created (undo withdraws them and this row).

Revision ID: 0006_assessments
Revises: 0005_audit_guard
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_assessments"
down_revision = "0005_audit_guard"
branch_labels = None
depends_on = None

USER_NAME_MAX = 256  # planner.store.schema.USER_NAME_MAX when this migration was written


def _user() -> sa.String:
    # As schema._user(): SQLite keeps VARCHAR(100) (it never enforces the length), PostgreSQL the real bound.
    return sa.String(USER_NAME_MAX).with_variant(sa.String(100), "sqlite")


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), nullable=False, index=True),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("assessed_on", sa.Date),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("prescriber", _user(), nullable=False),
        sa.Column("prescriber_at", sa.DateTime(timezone=True)),
        sa.Column("modification_ids", sa.JSON, nullable=False),
        sa.Column("recorded_by", _user(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
        sa.Column("withdrawn_reason", sa.Text, nullable=False),
        sa.Column("withdrawn_by", _user(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True)),
    )


def downgrade() -> None:
    op.drop_table("assessments")
