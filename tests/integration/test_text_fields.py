"""Text at the edge: a NUL or another control character in any text field is refused with a 422
naming the field, on both stores, and never reaches the log or a read model; any other text is
stored and read back as it was sent (trimmed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.api import Api, condo


@dataclass(frozen=True)
class World:
    """One of everything a text field can be sent to."""

    copro: str
    building: str
    lift: str
    ticket: str
    incident: str
    maintenance: str
    expense: str


@pytest.fixture
def world(api: Api, admin: dict[str, str]) -> World:
    copro = condo(api, admin)["id"]
    building = api.command("POST", f"/copros/{copro}/buildings", admin, {"name": "A"}, 201)["id"]
    lift = api.command(
        "POST",
        f"/copros/{copro}/equipment",
        admin,
        {"building_id": building, "name": "Ascenseur A1", "category": "lift"},
        201,
    )["id"]
    ticket = api.command("POST", f"/copros/{copro}/tickets", {}, anonymous_report(lift), 201)["id"]
    incident = api.command(
        "POST",
        f"/copros/{copro}/incidents",
        admin,
        {"title": "Panne", "message": "Bloqué", "impacts": [impact(lift)]},
        201,
    )["id"]
    maintenance = api.command("POST", f"/copros/{copro}/maintenances", admin, window(lift), 201)[
        "id"
    ]
    expense = api.command("POST", f"/copros/{copro}/expenses", admin, spending(), 201)["id"]
    return World(copro, building, lift, ticket, incident, maintenance, expense)


def impact(equipment_id: str) -> dict[str, str]:
    return {"equipment_id": equipment_id, "impact": "major_outage"}


def anonymous_report(lift: str, **changes: Any) -> dict[str, Any]:
    body = {
        "type": "incident",
        "title": "Ascenseur bloqué",
        "description": "Bloqué au deuxième étage depuis ce matin",
        "equipment_ids": [lift],
        "reporter": {"name": "Inès Moreau", "email": "ines@example.org", "phone": "0612345678"},
    }
    return body | changes


def window(lift: str) -> dict[str, Any]:
    return {
        "title": "Révision",
        "equipment_ids": [lift],
        "starts_at": "2031-03-01T08:00:00Z",
        "ends_at": "2031-03-01T12:00:00Z",
    }


def spending() -> dict[str, Any]:
    return {"date": "2024-03-01", "amount_cents": 1200, "category": "lift", "supplier": "Otis"}


# (verb, path, valid body, the text field under test as a dotted path), for every text field
# of every command.
Case = tuple[str, str, Callable[[World], dict[str, Any]], str]
REGISTRATION = {"name": "Les Lilas", "address": "1 rue", "postal_code": "75001", "city": "Paris"}
CASES: list[Case] = [
    *[("POST", "/copros", lambda w: dict(REGISTRATION), f) for f in REGISTRATION],
    ("POST", "/copros", lambda w: REGISTRATION | {"country": "France"}, "country"),
    ("PATCH", "/copros/{copro}", lambda w: {"city": "Lyon"}, "city"),
    *[
        (
            "POST",
            "/copros/{copro}/members",
            lambda w: {
                "email": "x@example.org",
                "first_name": "Inès",
                "last_name": "Moreau",
                "role": "resident",
                "lot": "12",
                "floor": "2",
            },
            f,
        )
        for f in ("first_name", "last_name", "lot", "floor")
    ],
    *[
        (
            "POST",
            "/auth/register",
            lambda w: {
                "email": "y@example.org",
                "password": "a long password",
                "first_name": "Inès",
                "last_name": "Moreau",
                "copro_id": w.copro,
                "building_id": w.building,
                "lot": "12",
                "floor": "2",
            },
            f,
        )
        for f in ("first_name", "last_name", "lot", "floor")
    ],
    *[
        ("POST", "/copros/{copro}/buildings", lambda w: {"name": "B", "description": "x"}, f)
        for f in ("name", "description")
    ],
    ("PATCH", "/buildings/{building}", lambda w: {"name": "C"}, "name"),
    *[
        (
            "POST",
            "/copros/{copro}/equipment",
            lambda w: {
                "building_id": w.building,
                "name": "Éclairage",
                "category": "lighting",
                "location": "hall",
            },
            f,
        )
        for f in ("name", "location")
    ],
    ("PATCH", "/equipment/{lift}", lambda w: {"location": "rez-de-chaussée"}, "location"),
    ("PUT", "/equipment/{lift}/status", lambda w: {"status": "degraded", "note": "bruit"}, "note"),
    *[
        ("POST", "/copros/{copro}/tickets", lambda w: anonymous_report(w.lift, location="hall"), f)
        for f in ("title", "description", "location", "reporter.name", "reporter.phone")
    ],
    ("POST", "/tickets/{ticket}/comments", lambda w: {"text": "vu"}, "text"),
    ("POST", "/tickets/{ticket}/replies", lambda w: {"text": "merci"}, "text"),
    ("POST", "/tickets/{ticket}/start", lambda w: {"message": "on s'en occupe"}, "message"),
    ("POST", "/tickets/{ticket}/close", lambda w: {"reason": "doublon"}, "reason"),
    ("POST", "/tickets/{ticket}/convert", lambda w: {"title": "Panne"}, "title"),
    *[
        (
            "POST",
            "/copros/{copro}/incidents",
            lambda w: {
                "title": "Panne",
                "message": "Bloqué",
                "location": "hall",
                "impacts": [impact(w.lift)],
            },
            f,
        )
        for f in ("title", "message", "location")
    ],
    ("PATCH", "/incidents/{incident}", lambda w: {"title": "Panne longue"}, "title"),
    ("POST", "/incidents/{incident}/updates", lambda w: {"message": "En cours"}, "message"),
    ("POST", "/incidents/{incident}/comments", lambda w: {"text": "Appel Otis"}, "text"),
    *[
        ("POST", "/copros/{copro}/maintenances", lambda w: window(w.lift) | {"description": "x"}, f)
        for f in ("title", "description")
    ],
    ("PATCH", "/maintenances/{maintenance}", lambda w: {"title": "Révision B"}, "title"),
    ("POST", "/maintenances/{maintenance}/cancel", lambda w: {"reason": "reportée"}, "reason"),
    *[
        (
            "POST",
            "/copros/{copro}/expenses",
            lambda w: spending() | {"description": "x", "invoice_ref": "F-1"},
            f,
        )
        for f in ("supplier", "description", "invoice_ref")
    ],
    (
        "POST",
        "/expenses/{expense}/corrections",
        lambda w: {"supplier": "Kone", "reason": "erreur"},
        "reason",
    ),
    ("POST", "/expenses/{expense}/void", lambda w: {"reason": "doublon"}, "reason"),
    ("PUT", "/copros/{copro}/budgets/2031", lambda w: {"lines": {"lift": 100}}, "lines"),
]
# Fields of several lines: newlines and tabs are allowed in them.
LONG_TEXTS = {"description", "message", "text", "note", "reason"}


def with_value(body: dict[str, Any], field: str, value: str) -> dict[str, Any]:
    """The body with `value` put inside the text of `field` (a dotted path)."""
    if field == "lines":
        return {**body, "lines": {f"ascenseur{value}": 100}}
    head, _, rest = field.partition(".")
    if rest:
        return {**body, head: with_value(body[head], rest, value)}
    return {**body, head: f"{body[head][:2]}{value}{body[head][2:]}"}


def send(api: Api, admin: dict[str, str], world: World, case: Case, value: str) -> Any:
    verb, path, body, field = case
    who = {} if path.endswith(("/tickets", "/register")) else admin
    return api.client.request(
        verb,
        "/api/v1" + path.format(**vars(world)),
        json=with_value(body(world), field, value),
        headers=who,
    )


def case_id(case: Case) -> str:
    return f"{case[0]} {case[1]} {case[3]}"


class TestControlCharacters:
    # One condo for every field (a test each would spend minutes building condos): the cases
    # refused change nothing, so they do not disturb each other.
    def test_a_nul_in_any_text_field_is_refused_naming_it(
        self, api: Api, admin: dict[str, str], world: World
    ) -> None:
        wrong = {}
        for case in CASES:
            answer = send(api, admin, world, case, "\x00")
            named = (
                {e["field"] for e in answer.json()["detail"]} if answer.status_code == 422 else {}
            )
            if not any(f == case[3] or f.startswith(case[3] + ".") for f in named):
                wrong[case_id(case)] = (answer.status_code, answer.text[:200])
        assert wrong == {}

    def test_layout_characters_are_allowed_in_long_texts_only(
        self, api: Api, admin: dict[str, str], world: World
    ) -> None:
        wrong = {}
        for case in CASES:
            answer = send(api, admin, world, case, "\n\tsuite")
            # A long text passes validation (a rule of the condo may still refuse the command).
            refused = answer.status_code == 422
            if refused == (case[3] in LONG_TEXTS):
                wrong[case_id(case)] = (answer.status_code, answer.text[:200])
        assert wrong == {}

    def test_the_read_side_keeps_running_after_the_reported_strings(
        self, api: Api, admin: dict[str, str], world: World
    ) -> None:
        for body in (
            anonymous_report(world.lift, title="Panne\u0000ascenseur"),
            anonymous_report(world.lift, reporter={"name": "In\u0000ès", "email": "a@b.org"}),
        ):
            refused = api.client.post(f"/api/v1/copros/{world.copro}/tickets", json=body)
            assert refused.status_code == 422
        refused = api.client.post(
            f"/api/v1/copros/{world.copro}/buildings", json={"name": "B\u0000"}, headers=admin
        )
        assert refused.status_code == 422
        ready = api.read("/readyz").json()
        assert ready["failed_projections"] == []


def post_json(api: Api, path: str, body: Any, who: dict[str, str] | None = None) -> Any:
    """Sent as ASCII JSON: a lone surrogate travels escaped (`\\ud800`), as any JSON library
    may send it; it has no UTF-8 form to be sent raw."""
    headers = {**(who or {}), "Content-Type": "application/json"}
    return api.client.post(f"/api/v1{path}", content=json.dumps(body), headers=headers)


# Any code point, lone surrogates included (JSON can carry them escaped).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


class TestAnyText:
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(title=ANY_TEXT, description=ANY_TEXT)
    def test_a_ticket_is_stored_as_sent_or_refused_never_a_failed_projection(
        self, api: Api, admin: dict[str, str], world: World, title: str, description: str
    ) -> None:
        body = anonymous_report(
            world.lift, title=f"T {title}", description=f"Description {description}"
        )
        answer = post_json(api, f"/copros/{world.copro}/tickets", body)
        assert answer.status_code in (201, 422), answer.text
        if answer.status_code == 422:
            assert answer.json()["code"] == "validation_error"
            return
        receipt = answer.json()
        ticket = api.read(f"/tickets/{receipt['id']}", admin, after=receipt["position"])
        assert ticket.status_code == 200, ticket.text
        assert ticket.json()["title"] == body["title"].strip()
        assert ticket.json()["description"] == body["description"].strip()
        assert api.read("/readyz").json()["failed_projections"] == []

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(name=ANY_TEXT)
    def test_a_building_name_is_shown_as_sent_or_refused(
        self, api: Api, admin: dict[str, str], world: World, name: str
    ) -> None:
        sent = f"B {name}"
        answer = post_json(api, f"/copros/{world.copro}/buildings", {"name": sent}, admin)
        assert answer.status_code in (201, 409, 422), answer.text
        if answer.status_code != 201:
            assert answer.json()["code"] in ("validation_error", "duplicate_name")
            return
        receipt = answer.json()
        listed = api.read(f"/copros/{world.copro}/buildings", admin, after=receipt["position"])
        assert sent.strip() in [b["name"] for b in listed.json()["items"]]
        assert api.read("/readyz").json()["failed_projections"] == []
