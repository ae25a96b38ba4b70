from datetime import datetime
from typing import Optional

from sqlmodel import Field, Relationship, SQLModel


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    headquarters: str
    founded: Optional[int] = None

    heroes: list["Hero"] = Relationship(back_populates="team")


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    secret_name: str
    age: Optional[int] = Field(default=None, index=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")
    power_level: int = 0
    created_at: datetime = Field(default_factory=datetime.utcnow)

    team: Optional[Team] = Relationship(back_populates="heroes")


class HeroCreate(SQLModel):
    """What the API accepts: not a table."""

    name: str = Field(index=True, max_length=80)
    secret_name: str
    age: Optional[int] = None
    team_id: Optional[int] = None
