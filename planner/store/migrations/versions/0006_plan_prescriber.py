"""Plans get the prescriber's name (issue 12: the dose sheet prints it as an order element).

Existing plans get "" (the dose sheet prints "not recorded"); the order date is the patient's creation
date, when the plan was made, so it needs no column.

Revision ID: 0006_plan_prescriber
Revises: 0006_live_refresh
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_plan_prescriber"
down_revision = "0006_live_refresh"
branch_labels = None
depends_on = None

MAX_NAME = 200  # planner.core.rules.MAX_NAME when this migration was written


def upgrade() -> None:
    # A plain ADD COLUMN with a server default (no batch copy: that would trip the foreign keys).
    op.add_column("plans", sa.Column("prescriber", sa.String(MAX_NAME), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE plans DROP COLUMN prescriber")  # SQLite 3.35+ and PostgreSQL
