"""Back-office reports: legacy 1.x Query API, Core tables and raw SQL."""

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.audit import AuditEvent
from app.models import Order, User
from app.tables import promotions


def big_spenders(session: Session, threshold_cents: int):
    return session.query(Order).filter(Order.total_cents > threshold_cents).all()  # expect: missing-index


def user_for_login(session: Session, email: str):
    return session.query(User).filter_by(email=email).one_or_none()  # ok: missing-index


def activity_of(session: Session, actor_id: int):
    return session.query(AuditEvent).filter(AuditEvent.actor_id == actor_id).all()  # ok: missing-index


def recent_actions(session: Session, action: str, limit: int = 100):
    return (
        session.query(AuditEvent)  # ok: missing-index
        .filter(AuditEvent.action == action)
        .order_by(AuditEvent.created_at.desc())
        .limit(limit)
        .all()
    )


def audit_window(session: Session, since: datetime):
    return session.query(AuditEvent).filter(AuditEvent.created_at >= since).count()  # expect: missing-index


def orders_report(session: Session, status: str, since: datetime):
    query = session.query(Order)
    query = query.filter(Order.status == status)  # ok: missing-index
    query = query.filter(Order.created_at >= since)  # ok: missing-index
    return query.order_by(Order.created_at).all()


def users_by_country(session: Session, country: str):
    rows = session.execute(
        text("SELECT id, email FROM users WHERE country = :country ORDER BY created_at"),  # expect: missing-index
        {"country": country},
    )
    return rows.all()


def order_totals_for(session: Session, user_id: int):
    rows = session.execute(
        text("SELECT id, total_cents FROM orders WHERE user_id = :uid ORDER BY created_at DESC"),  # ok: missing-index
        {"uid": user_id},
    )
    return rows.all()


def campaign_promotions(session: Session, campaign: str):
    stmt = (
        select(promotions)  # ok: missing-index
        .where(promotions.c.campaign == campaign)
        .order_by(promotions.c.starts_at)
    )
    return session.execute(stmt).all()


def expired_promotions(session: Session, now: datetime):
    stmt = select(promotions.c.code).where(promotions.c.ends_at < now)  # expect: missing-index
    return session.execute(stmt).scalars().all()
