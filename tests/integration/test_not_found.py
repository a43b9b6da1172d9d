"""A manager who names another condo's thing learns nothing of it: the same 404, word for word,
as for an id that exists nowhere."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from tests.integration.api import Api, condo, manager_of


@pytest.fixture
def elsewhere(api: Api, admin: dict[str, str]) -> dict[str, str]:
    """Ids of everything in condo B, where the manager of condo A has no role."""
    copro = condo(api, admin, "Résidence B")["id"]
    building = api.command("POST", f"/copros/{copro}/buildings", admin, {"name": "B"}, 201)["id"]
    lift = api.command(
        "POST",
        f"/copros/{copro}/equipment",
        admin,
        {"building_id": building, "name": "Ascenseur B1", "category": "lift"},
        201,
    )["id"]
    impacts = [{"equipment_id": lift, "impact": "degraded"}]
    report = {
        "type": "incident",
        "title": "Ascenseur bloqué",
        "description": "Bloqué au deuxième étage",
        "equipment_ids": [lift],
        "reporter": {"name": "Inès Moreau", "email": "ines@example.org"},
    }
    ticket = api.command("POST", f"/copros/{copro}/tickets", {}, report, 201)["id"]
    incident = api.command(
        "POST",
        f"/copros/{copro}/incidents",
        admin,
        {"title": "Panne", "message": "Bloqué", "impacts": impacts},
        201,
    )["id"]
    window = {
        "title": "Révision",
        "equipment_ids": [lift],
        "starts_at": "2031-03-01T08:00:00Z",
        "ends_at": "2031-03-01T12:00:00Z",
    }
    maintenance = api.command("POST", f"/copros/{copro}/maintenances", admin, window, 201)["id"]
    spending = {"date": "2024-03-01", "amount_cents": 1200, "category": "lift", "supplier": "Otis"}
    expense = api.command("POST", f"/copros/{copro}/expenses", admin, spending, 201)["id"]
    resident = api.command(
        "POST",
        f"/copros/{copro}/members",
        admin,
        {"email": "r@b.org", "first_name": "R", "last_name": "B", "role": "resident"},
        201,
    )["id"]
    return {
        "copro_id": copro,
        "building_id": building,
        "equipment_id": lift,
        "ticket_id": ticket,
        "incident_id": incident,
        "maintenance_id": maintenance,
        "expense_id": expense,
        "account_id": resident,
        "lift": lift,
    }


# (verb, path, body) of every command naming something by id in its path.
ROUTES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("PATCH", "/copros/{copro_id}", {"city": "Lyon"}),
    (
        "POST",
        "/copros/{copro_id}/members",
        {"email": "n@a.org", "first_name": "N", "last_name": "A", "role": "resident"},
    ),
    ("POST", "/copros/{copro_id}/buildings", {"name": "C"}),
    (
        "POST",
        "/copros/{copro_id}/incidents",
        {
            "title": "Panne",
            "message": "x",
            "impacts": [{"equipment_id": str(uuid4()), "impact": "degraded"}],
        },
    ),
    ("PUT", "/copros/{copro_id}/budgets/2031", {"lines": {"lift": 100}}),
    ("POST", "/copros/{copro_id}/budgets/2031/approve", {"approved_on": "2031-01-10"}),
    (
        "POST",
        "/copros/{copro_id}/expenses",
        {"date": "2024-03-01", "amount_cents": 1, "category": "lift", "supplier": "Otis"},
    ),
    ("PATCH", "/buildings/{building_id}", {"name": "D"}),
    ("POST", "/buildings/{building_id}/archive", None),
    ("PATCH", "/equipment/{equipment_id}", {"location": "hall"}),
    ("POST", "/equipment/{equipment_id}/retire", None),
    ("PUT", "/equipment/{equipment_id}/status", {"status": "degraded"}),
    ("POST", "/tickets/{ticket_id}/assign", {"assignee_id": str(uuid4())}),
    ("POST", "/tickets/{ticket_id}/start", None),
    ("POST", "/tickets/{ticket_id}/resolve", None),
    ("POST", "/tickets/{ticket_id}/close", {"reason": "doublon"}),
    ("POST", "/tickets/{ticket_id}/reopen", {"reason": "encore"}),
    ("POST", "/tickets/{ticket_id}/comments", {"text": "vu"}),
    ("POST", "/tickets/{ticket_id}/replies", {"text": "merci"}),
    ("POST", "/tickets/{ticket_id}/convert", {}),
    ("POST", "/tickets/{ticket_id}/link", {"incident_id": str(uuid4())}),
    ("PATCH", "/incidents/{incident_id}", {"title": "Panne longue"}),
    ("POST", "/incidents/{incident_id}/updates", {"message": "En cours"}),
    ("POST", "/incidents/{incident_id}/comments", {"text": "Appel"}),
    ("PATCH", "/maintenances/{maintenance_id}", {"title": "Révision B"}),
    ("POST", "/maintenances/{maintenance_id}/start", None),
    ("POST", "/maintenances/{maintenance_id}/extend", {"ends_at": "2031-03-01T14:00:00Z"}),
    ("POST", "/maintenances/{maintenance_id}/complete", None),
    ("POST", "/maintenances/{maintenance_id}/cancel", None),
    ("POST", "/expenses/{expense_id}/corrections", {"supplier": "Kone", "reason": "erreur"}),
    ("POST", "/expenses/{expense_id}/void", {"reason": "doublon"}),
    ("POST", "/accounts/{account_id}/activate", None),
    ("POST", "/accounts/{account_id}/deactivate", None),
]


def test_another_condos_thing_and_no_thing_answer_the_same_404(
    api: Api, admin: dict[str, str], elsewhere: dict[str, str]
) -> None:
    home = condo(api, admin, "Résidence A")["id"]
    manager = manager_of(api, admin, home, "manager@a.org")
    unknown = {name: str(uuid4()) for name in elsewhere}
    different = {}
    for verb, path, body in ROUTES:
        answers = [
            api.client.request(verb, "/api/v1" + path.format(**ids), json=body, headers=manager)
            for ids in (elsewhere, unknown)
        ]
        seen = [(a.status_code, a.json()) for a in answers]
        if seen[0] != seen[1] or seen[0][0] != 404:
            different[f"{verb} {path}"] = seen
    assert different == {}
