"""Engine and session factory (PostgreSQL through psycopg)."""

import os

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg://shop@localhost/shop"),
    pool_pre_ping=True,
)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


def get_session():
    session: Session = SessionLocal()
    try:
        yield session
    finally:
        session.close()
