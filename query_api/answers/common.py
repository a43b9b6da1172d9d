"""What answers of several parts share: a page of a list, the managers' internal comments, and
the closed sets of values that the read tables hold."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, Literal, TypeVar
from uuid import UUID

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict  # pydantic reads only this one's fields on Python 3.11

T = TypeVar("T")

# Refuses keys a shape does not declare (see the package's docstring).
exact = with_config(ConfigDict(extra="forbid"))


@exact
class Page(TypedDict, Generic[T]):
    """A page of a list (`limit`, `offset`), and how many items there are in all."""

    items: list[T]
    total: int


@exact
class InternalComment(TypedDict):
    """A comment among the condo's managers, never shown to residents or the public."""

    at: datetime
    author_id: UUID
    text: str


EquipmentStatus = Literal[
    "operational", "maintenance", "degraded", "partial_outage", "major_outage"
]
Impact = Literal["degraded", "partial_outage", "major_outage", "maintenance"]
EquipmentCategory = Literal[
    "lift", "lighting", "water", "heating", "electricity", "access", "safety", "other"
]
Role = Literal["resident", "manager", "auditor"]
AccountStatus = Literal["pending", "active", "deactivated"]
