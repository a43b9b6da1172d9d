"""A resource of another condo and one that does not exist answer the same 404, body and all,
on every query route that takes an id: what is outside the caller's condos does not exist for
them."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

import pytest

from domain.application import Condos
from domain.base import Actor
from domain.ticket import ContactDetails
from tests.integration.api import Api, condo, manager_of


@dataclass
class Theirs:
    """Another condo, private, with one of each thing; and the position reached."""

    copro: str
    slug: str
    incident: str
    ticket: str
    position: int


@pytest.fixture
def theirs(api: Api, admin: dict[str, str]) -> Theirs:
    condos: Condos = api.client.app.condos  # type: ignore[attr-defined]
    system = Actor.system()
    copro = condos.register_copro(
        system,
        name="Le Parc",
        address="1 rue du Parc",
        postal_code="75001",
        city="Paris",
        public_status_page=False,
    )
    building = condos.add_building(system, copro.id, name="A")
    lift = condos.install_equipment(
        system, copro.id, building_id=building.id, name="Ascenseur", category="lift"
    )
    incident = condos.open_incident(
        system,
        copro.id,
        title="Panne",
        message="En panne.",
        impacts=[{"equipment_id": lift.id, "impact": "degraded"}],
    )
    ticket = condos.report_ticket(
        system,
        copro.id,
        type="incident",
        title="Ascenseur bloqué",
        description="Il ne répond plus.",
        equipment_ids=[lift.id],
        reporter=ContactDetails(name="Paul Girard", email="paul@parc.fr"),
    )
    last = condos.set_budget(system, copro.id, 2030, lines={"lift": 100_000})
    return Theirs(str(copro.id), "le-parc", str(incident.id), str(ticket.id), last.position)


@pytest.fixture
def outsider(api: Api, admin: dict[str, str]) -> dict[str, str]:
    """The manager of another condo than theirs."""
    ours = condo(api, admin)
    return manager_of(api, admin, ours["id"], "claire@tilleuls.fr")


ROUTES = [
    "/copros/{copro}",
    "/copros/{copro}/buildings",
    "/copros/{copro}/equipment",
    "/copros/{copro}/tickets",
    "/copros/{copro}/incidents",
    "/copros/{copro}/maintenances",
    "/copros/{copro}/expenses",
    "/copros/{copro}/expenses.csv",
    "/copros/{copro}/expenses/summary",
    "/copros/{copro}/budgets/2030",
    "/copros/{copro}/statistics",
    "/copros/{copro}/members",
    "/copros/{copro}/audit/events",
    "/copros/{copro}/audit/export.jsonl",
    "/incidents/{incident}",
    "/tickets/{ticket}",
    "/audit/aggregates/{incident}",
    "/audit/aggregates/{incident}/history",
    "/status/{slug}",
    "/status/{slug}/history",
]


@pytest.mark.parametrize("route", ROUTES)
def test_another_condos_resource_answers_the_same_404_as_an_unknown_one(
    api: Api, outsider: dict[str, str], theirs: Theirs, route: str
) -> None:
    unknown = str(uuid4())
    of_theirs = route.format(
        copro=theirs.copro, incident=theirs.incident, ticket=theirs.ticket, slug=theirs.slug
    )
    of_nobody = route.format(copro=unknown, incident=unknown, ticket=unknown, slug="nowhere")

    refused = api.read(of_theirs, outsider, after=theirs.position)
    missing = api.read(of_nobody, outsider, after=theirs.position)

    assert refused.status_code == missing.status_code == 404
    assert refused.json() == missing.json()
    assert refused.json()["code"] == "not_found"
    assert UUID(theirs.copro).hex not in refused.text and theirs.copro not in refused.text
