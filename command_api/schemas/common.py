"""What every request body shares: bounded text, forbidden unknown fields, the receipt."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from copro.fields import Version, long_text, refuse_control_characters, text
from domain.application import Receipt as DomainReceipt

__all__ = ["Body", "Code", "ExpectedVersion", "Name", "Order", "Password", "Receipt", "Slug"]
__all__ += ["long_text", "receipt", "text"]


Name = Annotated[str, text(1, 100)]
Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=60)
]
Code = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
]
Order = Annotated[int, Field(ge=0, le=10_000)]
# Never stored (only its hash), but hashed as UTF-8: a lone surrogate has no such encoding.
Password = Annotated[
    str, StringConstraints(min_length=10, max_length=200), refuse_control_characters(frozenset())
]
# The version a client read, sent back so that a concurrent change is refused, not overwritten.
ExpectedVersion = Version | None


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Receipt(BaseModel):
    id: UUID
    version: int
    position: int


def receipt(r: DomainReceipt) -> Receipt:
    """The answer of every command."""
    return Receipt(id=r.id, version=r.version, position=r.position)
