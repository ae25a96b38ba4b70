"""The audit log, still in the 1.x declarative style it was written in."""

from sqlalchemy import JSON, BigInteger, Column, DateTime, Index, Integer, String, func

from app.models import Base


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id = Column(BigInteger, primary_key=True)
    actor_id = Column("actor", Integer, nullable=False, index=True)
    action = Column(String(40), nullable=False)
    payload = Column(JSON)
    created_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)


Index("ix_audit_events_action_created", AuditEvent.action, AuditEvent.created_at)


def record(session, actor_id, action, payload=None):
    session.add(AuditEvent(actor_id=actor_id, action=action, payload=payload))
