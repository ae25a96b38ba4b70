from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlmodel import Session, SQLModel, col, create_engine, select

from .models import Hero, HeroCreate, Team

engine = create_engine("sqlite:///heroes.db", connect_args={"check_same_thread": False})
app = FastAPI()


def get_session():
    with Session(engine) as session:
        yield session


@app.on_event("startup")
def create_tables():
    SQLModel.metadata.create_all(engine)


@app.post("/heroes/")
def create_hero(hero: HeroCreate, session: Session = Depends(get_session)):
    db_hero = Hero.model_validate(hero)
    session.add(db_hero)
    session.commit()
    session.refresh(db_hero)
    return db_hero


@app.get("/heroes/by-name/{name}")
def hero_by_name(name: str, session: Session = Depends(get_session)):
    hero = session.exec(select(Hero).where(Hero.name == name)).first()  # ok: missing-index
    if hero is None:
        raise HTTPException(status_code=404)
    return hero


@app.get("/heroes/")
def list_heroes(
    min_age: Optional[int] = None,
    offset: int = 0,
    limit: int = Query(default=100, le=100),
    session: Session = Depends(get_session),
):
    statement = select(Hero).offset(offset).limit(limit)
    if min_age is not None:
        statement = statement.where(Hero.age >= min_age)  # ok: missing-index
    return session.exec(statement).all()


@app.get("/heroes/secret/{secret_name}")
def hero_by_secret(secret_name: str, session: Session = Depends(get_session)):
    return session.exec(select(Hero).where(Hero.secret_name == secret_name)).first()  # expect: missing-index


@app.get("/teams/{team_id}/heroes")
def team_heroes(team_id: int, session: Session = Depends(get_session)):
    # SQLModel's foreign_key= makes a constraint, not an index.
    return session.exec(select(Hero).where(Hero.team_id == team_id)).all()  # expect: missing-index


@app.get("/teams/by-name/{name}")
def team_by_name(name: str, session: Session = Depends(get_session)):
    return session.exec(select(Team).where(Team.name == name)).one()  # ok: missing-index


@app.get("/teams/in/{city}")
def teams_in(city: str, session: Session = Depends(get_session)):
    return session.exec(select(Team).where(Team.headquarters == city)).all()  # expect: missing-index


@app.get("/leaderboard")
def leaderboard(session: Session = Depends(get_session)):
    statement = select(Hero).order_by(Hero.power_level.desc()).limit(10)  # expect: missing-index
    return session.exec(statement).all()


@app.get("/heroes/{hero_id}")
def read_hero(hero_id: int, session: Session = Depends(get_session)):
    hero = session.exec(select(Hero).where(Hero.id == hero_id)).first()  # ok: missing-index
    if hero is None:
        raise HTTPException(status_code=404)
    return hero
