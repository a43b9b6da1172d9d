"""A name held by one thing within a scope: how uniqueness is enforced by the event store.

The claim's id is derived from (scope, kind, normalised name), so two concurrent commands that
want one name both try to write version 1 (or the same next version) of the same claim, and the
store's primary key lets exactly one of them through. No read model is consulted.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.errors import DuplicateName

CLAIMS_NAMESPACE = uuid5(NAMESPACE_URL, "https://copro.example/name-claims")


# The request field a clash is reported on, by kind of claim.
FIELD_OF_KIND = {"slug": "slug", "building": "name", "equipment": "name", "code": "code"}


def duplicate(kind: str, name: str) -> DuplicateName:
    return DuplicateName(f"{kind} name {name!r} is already in use", field=FIELD_OF_KIND[kind])


def normalise(name: str) -> str:
    """Case-, accent-width- and space-insensitive form: `Bâtiment  A` ≡ `bâtiment a`."""
    # Normalised again after folding: casefold() can decompose what NFKC had composed.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def claim_id(scope: str, kind: str, name: str) -> UUID:
    return uuid5(CLAIMS_NAMESPACE, f"{scope}/{kind}/{normalise(name)}")


class NameClaim(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Claimed: ClassVar[type[Any]]
        Reclaimed: ClassVar[type[Any]]
        Released: ClassVar[type[Any]]

    @event("Claimed")
    def __init__(self, id: UUID, scope: str, kind: str, name: str, holder_id: UUID) -> None:
        self.scope = scope
        self.kind = kind
        self.name = name
        self.holder_id: UUID | None = holder_id

    @event("Reclaimed")
    def reclaim(self, name: str, holder_id: UUID) -> None:
        if self.holder_id is not None and self.holder_id != holder_id:
            raise duplicate(self.kind, name)
        self.name = name
        self.holder_id = holder_id

    @event("Released")
    def release(self) -> None:
        self.holder_id = None
