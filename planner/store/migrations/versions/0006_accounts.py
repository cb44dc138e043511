"""User accounts: who signs in, with which role, and the argon2 hashes of their password and PIN.

An empty table means single-user mode (the operating-system user is recorded, as before); the first
administrator added switches accounts on for every workstation using this database.

Revision ID: 0006_accounts
Revises: 0006_assessments
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_accounts"
down_revision = "0006_assessments"
branch_labels = None
depends_on = None

USER_NAME_MAX = 256  # planner.core.rules.MAX_USER when this migration was written
HASH_MAX = 255  # an argon2id encoded hash is ~100 characters; room for stronger parameters later


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(USER_NAME_MAX), nullable=False),
        # The case-folded name: "Alice" and "alice" are one account on both engines.
        sa.Column("name_key", sa.String(USER_NAME_MAX), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(HASH_MAX), nullable=False),
        sa.Column("pin_hash", sa.String(HASH_MAX)),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.String(USER_NAME_MAX), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(USER_NAME_MAX), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("users")
