"""What every request body shares: bounded text, forbidden unknown fields, the receipt."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.application import Receipt as DomainReceipt


def text(min_length: int, max_length: int) -> object:
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Name = Annotated[str, text(1, 100)]
Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=60)
]
Code = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
]
Order = Annotated[int, Field(ge=0, le=10_000)]
Password = Annotated[str, StringConstraints(min_length=10, max_length=200)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Receipt(BaseModel):
    id: UUID
    version: int
    position: int


def receipt(r: DomainReceipt) -> Receipt:
    """The answer of every command."""
    return Receipt(id=r.id, version=r.version, position=r.position)
