"""order lookups by customer, referral codes, audit log

Revision ID: e83b5d06c1a2
Revises: 1a7c2e9f4b3d
Create Date: 2024-03-18 16:40:02.513377

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "e83b5d06c1a2"
down_revision: Union[str, None] = "1a7c2e9f4b3d"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # The account page lists a customer's orders: PostgreSQL does not index foreign keys.
    op.create_index("ix_orders_user_id", "orders", ["user_id"])

    op.add_column("users", sa.Column("referral_code", sa.String(length=16), nullable=True))
    op.create_unique_constraint("uq_users_referral_code", "users", ["referral_code"])

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_shipped_at"), ["shipped_at"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("actor", sa.Integer(), nullable=False, index=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_audit_events_action_created",
        "audit_events",
        ["action", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_audit_events_action_created", table_name="audit_events")
    op.drop_table("audit_events")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_shipped_at"))
    op.drop_constraint("uq_users_referral_code", "users", type_="unique")
    op.drop_column("users", "referral_code")
    op.drop_index("ix_orders_user_id", table_name="orders")
