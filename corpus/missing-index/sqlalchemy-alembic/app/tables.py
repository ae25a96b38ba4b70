"""Tables used through SQLAlchemy Core only."""

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table

metadata = MetaData()

promotions = Table(
    "promotions",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("campaign", String(64), nullable=False),
    Column("percent_off", Integer, nullable=False),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True)),
    Index("ix_promotions_campaign_starts", "campaign", "starts_at"),
)
