"""Patients get a preferred language for the patient calendar and the .ics (issue 13).

Existing patients get English, what their printouts were in until now (the server default fills it in place).

Revision ID: 0005_zh_print_language
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# A distinctive id: other branches add migrations at the same time, and the lead re-chains down_revision
# when merging them.
revision = "0005_zh_print_language"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows NOT NULL with a default): a batch copy of `patients` would trip the
    # foreign keys of every table that points at it.
    op.add_column("patients", sa.Column("language", sa.String(16), nullable=False, server_default="en"))


def downgrade() -> None:
    op.execute("ALTER TABLE patients DROP COLUMN language")  # SQLite 3.35+ and PostgreSQL
