"""Summary tables for the patient list (cycle and dose dates, rewritten on every write).

Created empty: the store fills the summary of every patient that has none when it opens the
database, so an upgraded database lists its patients correctly without this migration importing
the plan computation.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "summary_patients",
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), primary_key=True),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=False),
        sa.Column("patient_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "summary_cycles",
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), primary_key=True),
        sa.Column("cycle", sa.Integer, primary_key=True),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=False),
    )
    op.create_table(
        "summary_dose_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), nullable=False),
        sa.Column("first_on", sa.Date, nullable=False),
        sa.Column("last_on", sa.Date, nullable=False),
    )
    op.create_index("ix_summary_dose_runs_patient_last", "summary_dose_runs", ["patient_id", "last_on"])


def downgrade() -> None:
    op.drop_index("ix_summary_dose_runs_patient_last", "summary_dose_runs")
    for table in ("summary_dose_runs", "summary_cycles", "summary_patients"):
        op.drop_table(table)
