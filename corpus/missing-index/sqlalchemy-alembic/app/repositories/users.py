"""Users: SQLAlchemy 2.0-style queries."""

from datetime import datetime
from typing import Optional, Sequence

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from app.models import User


def by_email(session: Session, email: str) -> Optional[User]:
    return session.scalars(select(User).where(User.email == email)).first()  # ok: missing-index


def by_username(session: Session, username: str) -> Optional[User]:
    stmt = select(User).where(User.username == username.lower())  # ok: missing-index
    return session.execute(stmt).scalar_one_or_none()


def by_referral_code(session: Session, code: str) -> Optional[User]:
    return session.scalar(select(User).filter_by(referral_code=code))  # ok: missing-index


def by_ids(session: Session, ids: Sequence[int]) -> Sequence[User]:
    return session.scalars(select(User).where(User.id.in_(ids))).all()  # ok: missing-index


def search_by_name(session: Session, name: str) -> Sequence[User]:
    return session.scalars(select(User).where(User.display_name == name)).all()  # expect: missing-index


def search_by_email_pattern(session: Session, pattern: str) -> Sequence[User]:
    stmt = select(User).where(User.email.ilike(pattern)).limit(50)  # expect: missing-index
    return session.scalars(stmt).all()


def signed_up_since(session: Session, since: datetime) -> Sequence[User]:
    stmt = select(User).where(and_(User.created_at >= since, User.country.is_(None)))  # expect: missing-index
    return session.scalars(stmt).all()


def in_country(session: Session, country: str, newest_first: bool = True) -> Sequence[User]:
    stmt = select(User).filter_by(country=country)  # expect: missing-index
    if newest_first:
        stmt = stmt.order_by(User.created_at.desc())
    return session.scalars(stmt).all()


def directory(session: Session, country: Optional[str], username_prefix: Optional[str]):
    stmt = select(User.id, User.username)
    if username_prefix:
        stmt = stmt.where(User.username.startswith(username_prefix))  # ok: missing-index
    if country:
        stmt = stmt.where(User.country == country)  # ok: missing-index
    return session.execute(stmt).all()


def others_than(session: Session, email: str) -> Sequence[User]:
    # A negated condition reads most of the table whatever the indexes: no hint.
    return session.scalars(select(User).where(User.email != email)).all()  # ok: missing-index
