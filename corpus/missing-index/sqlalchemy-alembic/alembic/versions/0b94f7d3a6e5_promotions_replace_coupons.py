"""promotions table; coupon codes are looked up there now

Revision ID: 0b94f7d3a6e5
Revises: e83b5d06c1a2
Create Date: 2024-05-02 09:03:51.004218

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0b94f7d3a6e5"
down_revision: Union[str, None] = "e83b5d06c1a2"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "promotions",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("campaign", sa.String(length=64), nullable=False),
        sa.Column("percent_off", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index("ix_promotions_campaign_starts", "promotions", ["campaign", "starts_at"])
    # Orders keep the code for history only; nothing should look orders up by it any more.
    op.drop_index(op.f("ix_orders_coupon_code"), table_name="orders")


def downgrade() -> None:
    op.create_index(op.f("ix_orders_coupon_code"), "orders", ["coupon_code"], unique=False)
    op.drop_index("ix_promotions_campaign_starts", table_name="promotions")
    op.drop_table("promotions")
