"""Aggregates in a known state for the unit tests, made by a known manager in a known request."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from domain.account import Account
from domain.base import Actor, acting_as
from domain.building import Building
from domain.condo import Condo
from domain.equipment import Equipment
from domain.name_claim import NameClaim, claim_id

MANAGER = Actor("5f1c0a52d1a94c7e9d4a0c0ffee00001", request_id="req-42")
COPRO_ID = UUID("00000000-0000-4000-8000-00000000c0de")


def as_manager() -> Any:
    return acting_as(MANAGER)


def new_condo(**overrides: Any) -> Condo:
    fields: dict[str, Any] = {
        "name": "Résidence Les Tilleuls",
        "address": "12 rue des Tilleuls",
        "postal_code": "69003",
        "city": "Lyon",
        "country": "France",
        "slug": "residence-les-tilleuls",
        "public_status_page": True,
    }
    with as_manager():
        return Condo(**(fields | overrides))


def new_building(**overrides: Any) -> Building:
    fields: dict[str, Any] = {
        "copro_id": COPRO_ID,
        "name": "Bâtiment A",
        "description": "Côté rue",
        "order": 1,
    }
    with as_manager():
        return Building(**(fields | overrides))


def new_equipment(**overrides: Any) -> Equipment:
    fields: dict[str, Any] = {
        "copro_id": COPRO_ID,
        "building_id": uuid4(),
        "name": "Ascenseur 1",
        "code": "ASC-A-01",
        "category": "lift",
        "location": "rez-de-chaussée",
        "order": 1,
    }
    with as_manager():
        return Equipment(**(fields | overrides))


def new_account(status: str = "pending", is_admin: bool = False) -> Account:
    with as_manager():
        return Account(id=uuid4(), status=status, is_admin=is_admin)


def new_claim(
    kind: str = "building", name: str = "Bâtiment A", holder_id: UUID | None = None
) -> NameClaim:
    scope = str(COPRO_ID)
    with as_manager():
        return NameClaim(
            id=claim_id(scope, kind, name),
            scope=scope,
            kind=kind,
            name=name,
            holder_id=holder_id or uuid4(),
        )


def last_event(aggregate: Any) -> Any:
    return aggregate.pending_events[-1]


def event_names(aggregate: Any) -> list[str]:
    return [type(e).__name__ for e in aggregate.pending_events]


def rebuild(events: Any) -> Any:
    """The aggregate as the event store would give it back: from its events alone."""
    aggregate = None
    for domain_event in events:
        aggregate = domain_event.mutate(aggregate)
    return aggregate


def stamps(events: Any) -> list[tuple[str, str]]:
    """Who caused each event, and through which request."""
    return [(e.actor, e.request_id) for e in events]
