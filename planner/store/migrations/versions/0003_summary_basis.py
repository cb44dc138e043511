"""Record what each list summary was computed from (date rules and regimen definition).

A release with new date rules, or a corrected regimen file, can change cycle dates; the store recomputes the summary
of every patient whose basis differs when it opens the database. Existing rows get NULL and are
therefore refreshed once.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("summary_patients") as batch:
        batch.add_column(sa.Column("basis", sa.String(64)))


def downgrade() -> None:
    with op.batch_alter_table("summary_patients") as batch:
        batch.drop_column("basis")
