"""Orders: SQLAlchemy 2.0-style queries, writes included."""

from datetime import datetime
from typing import Sequence

from sqlalchemy import delete, desc, func, select, update
from sqlalchemy.orm import Session

from app.models import Order, OrderItem


def for_customer(session: Session, user_id: int) -> Sequence[Order]:
    stmt = (
        select(Order)  # ok: missing-index
        .where(Order.user_id == user_id)
        .order_by(Order.created_at.desc())
    )
    return session.scalars(stmt).all()


def latest_with_status(session: Session, status: str, limit: int = 50) -> Sequence[Order]:
    stmt = select(Order).where(Order.status == status).order_by(desc(Order.created_at)).limit(limit)  # ok: missing-index
    return session.scalars(stmt).all()


def paid_since(session: Session, since: datetime) -> Sequence[Order]:
    stmt = select(Order).where(Order.status == "paid", Order.created_at >= since)  # ok: missing-index
    return session.scalars(stmt).all()


def placed_since(session: Session, since: datetime) -> Sequence[Order]:
    # created_at is only the second column of ix_orders_status_created_at.
    return session.scalars(select(Order).where(Order.created_at >= since)).all()  # expect: missing-index


def by_number(session: Session, number: str) -> Order:
    return session.execute(select(Order).where(Order.number == number)).scalar_one()  # ok: missing-index


def with_coupon(session: Session, code: str) -> Sequence[Order]:
    # ix_orders_coupon_code was dropped by revision 0b94f7d3a6e5.
    return session.scalars(select(Order).where(Order.coupon_code == code)).all()  # expect: missing-index


def awaiting_shipment(session: Session) -> Sequence[Order]:
    return session.scalars(select(Order).where(Order.shipped_at.is_(None))).all()  # ok: missing-index


def biggest(session: Session, n: int = 10) -> Sequence[Order]:
    return session.scalars(select(Order).order_by(Order.total_cents.desc()).limit(n)).all()  # expect: missing-index


def count_with_status(session: Session, status: str) -> int:
    stmt = select(func.count()).select_from(Order).where(Order.status == status)  # ok: missing-index
    return session.scalar(stmt)


def lines_of(session: Session, order_id: int) -> Sequence[OrderItem]:
    return session.scalars(select(OrderItem).where(OrderItem.order_id == order_id)).all()  # ok: missing-index


def orders_containing(session: Session, sku: str) -> Sequence[OrderItem]:
    # product_sku is the second column of the (order_id, product_sku) primary key.
    return session.scalars(select(OrderItem).where(OrderItem.product_sku == sku)).all()  # expect: missing-index


def mark_shipped(session: Session, user_id: int, when: datetime) -> None:
    session.execute(
        update(Order)  # ok: missing-index
        .where(Order.user_id == user_id, Order.status == "paid")
        .values(status="shipped", shipped_at=when)
    )


def purge_abandoned_carts(session: Session, cutoff: datetime) -> None:
    session.execute(delete(Order).where(Order.status == "cart", Order.created_at < cutoff))  # ok: missing-index


def discontinue(session: Session, skus: Sequence[str]) -> None:
    session.execute(delete(OrderItem).where(OrderItem.product_sku.in_(skus)))  # expect: missing-index
