"""Administrations get a note and can be withdrawn (undo of Mark given), never deleted.

Existing rows become not withdrawn, with an empty note and reason (server defaults fill them in place).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

USER = 100


def upgrade() -> None:
    with op.batch_alter_table("administrations") as batch:
        batch.add_column(sa.Column("note", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("withdrawn", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("withdrawn_reason", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("withdrawn_by", sa.String(USER), nullable=False, server_default=""))
        batch.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("administrations") as batch:
        for column in ("withdrawn_at", "withdrawn_by", "withdrawn_reason", "withdrawn", "note"):
            batch.drop_column(column)
