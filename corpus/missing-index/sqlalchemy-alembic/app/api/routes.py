"""HTTP API (FastAPI)."""

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_session
from app.repositories import orders, users

router = APIRouter()


@router.get("/users/by-email")
def user_by_email(email: str, session: Session = Depends(get_session)):
    user = users.by_email(session, email)
    if user is None:
        raise HTTPException(status_code=404)
    return {"id": user.id, "username": user.username}


@router.get("/users/{user_id}/orders")
def user_orders(user_id: int, session: Session = Depends(get_session)):
    return [{"id": o.id, "number": o.number} for o in orders.for_customer(session, user_id)]


@router.get("/orders/biggest")
def biggest_orders(session: Session = Depends(get_session)):
    return [{"id": o.id, "total": o.total_cents} for o in orders.biggest(session)]
