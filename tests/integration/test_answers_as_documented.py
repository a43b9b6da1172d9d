"""Every read answers what the query API's OpenAPI document says, on SQLite and PostgreSQL: a
condo with one of everything (tickets in each state, an incident with comments and linked
tickets, maintenance windows, a corrected and a voided expense, an amended budget, a pending
sign-up and an invitation) read through every GET route by a manager, a resident, an auditor,
an admin and an anonymous visitor, each answer checked against its documented status, media
type and schema (`additionalProperties: false` included, so no key goes undocumented).

Schemathesis checks the same against random input, which seldom names a real condo; this reads
real ones. The JSON Schema validator is the one schemathesis itself uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import jsonschema_rs
import pytest

from tests.integration.api import Api
from tests.integration.test_api_tickets import (
    Condo,
    appoint,
    condo_with_equipment,
    open_incident,
    report,
)

# An endless stream: what it sends is the live page's own test's business.
ENDLESS = "text/event-stream"


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")


def me(api: Api, who: dict[str, str]) -> str:
    return str(api.read("/auth/me", who).json()["account_id"])


def lived_in(api: Api, admin: dict[str, str], home: Condo) -> dict[str, Any]:
    """One of each thing the reads answer; the path parameters that name them."""
    manager, resident = home.manager, home.resident
    auditor = appoint(api, manager, home.id, "audit@tilleuls.fr", "auditor")
    buildings = api.read(f"/copros/{home.id}/buildings", manager).json()["items"]
    signed_up = {
        "email": "zoe@exemple.fr",
        "password": "a long password",
        "first_name": "Zoé",
        "last_name": "Lambert",
        "copro_id": home.id,
        "building_id": buildings[0]["id"],
        "lot": "12",
    }
    api.command("POST", "/auth/register", {}, signed_up, 201)
    other = condo_with_equipment(api, admin, "Le Parc", "parc.fr")
    api.command(
        "POST",
        f"/copros/{other.id}/invitations",
        other.manager,
        {"email": "resident@tilleuls.fr", "role": "auditor"},
        201,
    )
    set_by_hand = {"status": "degraded", "note": "Lent."}
    api.command("PUT", f"/equipment/{home.light}/status", manager, set_by_hand)

    incident = open_incident(api, home)["id"]
    update = {"message": "Le technicien est là.", "status": "in_progress"}
    api.command("POST", f"/incidents/{incident}/updates", manager, update)
    api.command("POST", f"/incidents/{incident}/comments", manager, {"text": "Devis ?"}, 201)
    linked = report(api, resident, home)["id"]
    api.command("POST", f"/tickets/{linked}/link", manager, {"incident_id": incident})
    followed = report(api, resident, home, type="request", title="Badge", equipment_ids=[])["id"]
    api.command("POST", f"/tickets/{followed}/assign", manager, {"assignee_id": me(api, manager)})
    api.command("POST", f"/tickets/{followed}/comments", manager, {"text": "Stock ?"}, 201)
    api.command("POST", f"/tickets/{followed}/replies", manager, {"text": "Merci."}, 201)
    for step in ("start", "resolve", "close"):
        api.command("POST", f"/tickets/{followed}/{step}", manager)
    anonymous = {"name": "Marc Vidal", "email": "marc@exemple.fr", "phone": "+33612345678"}
    converted = report(api, {}, home, reporter=anonymous)["id"]
    impacts = [{"equipment_id": home.lift, "impact": "partial_outage"}]
    opened = api.command(
        "POST", f"/tickets/{converted}/convert", manager, {"impacts": impacts}, 201
    )

    now = datetime.now(UTC).replace(microsecond=0)
    windows = []
    for days in (1, 2, 3):
        window = {
            "title": f"Révision {days}",
            "equipment_ids": [home.lift],
            "starts_at": (now + timedelta(days=days)).isoformat(),
            "ends_at": (now + timedelta(days=days, hours=2)).isoformat(),
        }
        path = f"/copros/{home.id}/maintenances"
        windows.append(api.command("POST", path, manager, window, 201)["id"])
    api.command("POST", f"/maintenances/{windows[1]}/start", manager)
    api.command("POST", f"/maintenances/{windows[2]}/cancel", manager, {"reason": "Reporté."})

    spent = {
        "date": now.date().isoformat(),
        "amount_cents": 12_345,
        "category": "lift",
        "supplier": "Ascenseurs Rhône",
        "building_id": buildings[0]["id"],
        "equipment_id": home.lift,
        "invoice_ref": "F-1",
    }
    expense = api.command("POST", f"/copros/{home.id}/expenses", manager, spent, 201)["id"]
    correction = {"amount_cents": 12_000, "reason": "Avoir."}
    api.command("POST", f"/expenses/{expense}/corrections", manager, correction)
    voided = api.command("POST", f"/copros/{home.id}/expenses", manager, spent, 201)["id"]
    api.command("POST", f"/expenses/{voided}/void", manager, {"reason": "Doublon."})
    year = now.year
    budget = f"/copros/{home.id}/budgets/{year}"
    api.command("PUT", budget, manager, {"lines": {"lift": 100_000}}, 201)
    api.command("PUT", budget, manager, {"lines": {"lift": 90_000, "water": 5_000}})
    api.command("POST", f"{budget}/approve", manager, {"approved_on": f"{year}-01-15"})
    amended = {"lines": {"lift": 95_000, "water": 5_000}, "reason": "Vote de l'AG."}
    last = api.command("PUT", budget, manager, amended)
    return {
        "readers": {
            "manager": manager,
            "resident": resident,
            "auditor": auditor,
            "admin": admin,
            "anonymous": {},
        },
        "copro_id": home.id,
        "slug": "residence-les-tilleuls",
        "tickets": [linked, followed, converted],
        "incidents": [incident, opened["id"]],
        "aggregates": [incident, expense, home.id, me(api, resident)],
        "year": year,
        "position": last["position"],
    }


def paths_of(document: dict[str, Any], home: dict[str, Any]) -> list[tuple[str, str]]:
    """Each GET route (its document path) with every thing of the condo its parameters name."""
    found = []
    for path, operations in document["paths"].items():
        if "get" not in operations:
            continue
        tickets = home["tickets"] if "{ticket_id}" in path else [None]
        incidents = home["incidents"] if "{incident_id}" in path else [None]
        aggregates = home["aggregates"] if "{aggregate_id}" in path else [None]
        for ticket in tickets:
            for incident in incidents:
                for aggregate in aggregates:
                    url = path.removeprefix("/api/v1").format(
                        copro_id=home["copro_id"],
                        slug=home["slug"],
                        year=home["year"],
                        ticket_id=ticket,
                        incident_id=incident,
                        aggregate_id=aggregate,
                    )
                    found.append((path, url))
    return found


def disagreements(
    document: dict[str, Any], path: str, answer: Any, validators: dict[str, Any]
) -> list[str]:
    """How an answer differs from what the document says of its route."""
    responses = document["paths"][path]["get"]["responses"]
    said = responses.get(str(answer.status_code))
    if said is None:
        return [f"status {answer.status_code} is not documented: {answer.text[:200]}"]
    media = answer.headers.get("content-type", "").split(";")[0]
    if media not in said.get("content", {}):
        return [f"{media} is not documented for {answer.status_code}"]
    if media != "application/json":
        return []
    schema = said["content"][media]["schema"]
    key = f"{path} {answer.status_code}"
    if key not in validators:
        validators[key] = jsonschema_rs.Draft202012Validator(
            {**schema, "components": document["components"]}
        )
    return [
        f"{e.instance_path}: {e.message}"[:300] for e in validators[key].iter_errors(answer.json())
    ]


def test_every_read_answers_what_the_document_says(
    api: Api, admin: dict[str, str], tilleuls: Condo
) -> None:
    home = lived_in(api, admin, tilleuls)
    document = api.client.get("/api/v1/query/openapi.json").json()
    validators: dict[str, Any] = {}
    read = 0
    wrong = {}
    for path, url in paths_of(document, home):
        documented = document["paths"][path]["get"]["responses"]["200"].get("content", {})
        if ENDLESS in documented:
            continue
        query = (
            "?from=2000-01-01T00:00:00Z&to=2099-12-31T00:00:00Z" if "maintenances" in url else ""
        )
        for name, who in home["readers"].items():
            answer = api.read(url + query, who, after=home["position"])
            read += answer.status_code == 200
            found = disagreements(document, path, answer, validators)
            if found:
                wrong[f"{name} {url}"] = found
    assert wrong == {}, "\n".join(f"{k}: {v}" for k, v in wrong.items())
    assert read > 60


def test_every_operation_is_named_once_after_its_tag(api: Api) -> None:
    for part in ("query", "command"):
        document = api.client.get(f"/api/v1/{part}/openapi.json").json()
        named = [
            (operation["operationId"], operation["tags"][0])
            for operations in document["paths"].values()
            for operation in operations.values()
        ]
        ids = [name for name, _ in named]
        assert len(ids) == len(set(ids)), part
        assert [name for name, tag in named if not name.startswith(f"{tag}-")] == [], part
