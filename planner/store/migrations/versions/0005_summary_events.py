"""Clinic events per patient and day (infusions with chair time, oral-only cycle starts, blood tests).

Created empty; the summary algorithm version goes up with it, so the store rebuilds every patient's
summaries (events included) the first time it opens the upgraded database.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "summary_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id"), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("chair_minutes", sa.Integer, nullable=False),
    )
    op.create_index("ix_summary_events_on_date", "summary_events", ["on_date", "kind"])
    op.create_index("ix_summary_events_patient", "summary_events", ["patient_id"])


def downgrade() -> None:
    op.drop_index("ix_summary_events_patient", "summary_events")
    op.drop_index("ix_summary_events_on_date", "summary_events")
    op.drop_table("summary_events")
