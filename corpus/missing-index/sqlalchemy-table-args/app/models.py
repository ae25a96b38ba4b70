from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import declarative_base

from .codes import invite_code

Base = declarative_base()
metadata = MetaData()


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        Index("ix_accounts_email", "email"),
        Index("ix_accounts_lower_name", text("lower(name)")),
        UniqueConstraint("org", "handle", name="uq_accounts_org_handle"),
    )

    id = Column(Integer, primary_key=True)
    email = Column(String(255))
    name = Column(String(120))
    org = Column(String(64))
    handle = Column(String(64))
    city = Column(String(80))
    zip_code = Column(String(16))
    # unique=True is the generator's option, not the column's: no index.
    invite = Column(String(12), default=invite_code(unique=True))


Index("ix_accounts_city", Account.city, unique=True)


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (PrimaryKeyConstraint("account_id", "group_id"),)

    account_id = Column(Integer)
    group_id = Column(Integer)
    role = Column(String(32))


audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("actor", String(64)),
    Column("action", String(64)),
)

Index("ix_audit_log_actor", audit_log.c.actor)
