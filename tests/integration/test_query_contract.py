"""Smaller parts of the query API's contract: HEAD on every GET route; a bad token on a public
page is no token at all; what a manager edits is read with its version, to send back as
`expected_version`. On SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest

from copro.tokens import issue_token
from tests.conftest import SECRET
from tests.integration.api import ADMIN, Api, account_id, condo

# What a second answer may differ in: when it was sent, and the length of a body that says how
# long ago things happened (statistics count hours until now).
OF_THE_MOMENT = ("date", "content-length")


@pytest.fixture
def home(api: Api, admin: dict[str, str]) -> dict[str, Any]:
    """A public condo with one of each thing the query routes name."""
    copro = condo(api, admin)["id"]
    building = api.command("POST", f"/copros/{copro}/buildings", admin, {"name": "A"}, 201)
    lift = api.command(
        "POST",
        f"/copros/{copro}/equipment",
        admin,
        {"building_id": building["id"], "name": "Ascenseur", "category": "lift"},
        201,
    )
    impacts = [{"equipment_id": lift["id"], "impact": "degraded"}]
    incident = api.command(
        "POST",
        f"/copros/{copro}/incidents",
        admin,
        {"title": "Panne", "message": "En panne.", "impacts": impacts},
        201,
    )
    ticket = api.command(
        "POST",
        f"/copros/{copro}/tickets",
        admin,
        {
            "type": "incident",
            "title": "Bloqué",
            "description": "Il ne répond plus.",
            "equipment_ids": [lift["id"]],
        },
        201,
    )
    window = api.command(
        "POST",
        f"/copros/{copro}/maintenances",
        admin,
        {
            "title": "Révision",
            "equipment_ids": [lift["id"]],
            "starts_at": "2099-06-01T08:00:00Z",
            "ends_at": "2099-06-01T10:00:00Z",
        },
        201,
    )
    last = act(api, "PUT", f"/copros/{copro}/budgets/2030", admin, {"lines": {"lift": 100_000}})
    return {
        "copro_id": copro,
        "slug": "residence-les-tilleuls",
        "building_id": building["id"],
        "equipment_id": lift["id"],
        "incident_id": incident["id"],
        "ticket_id": ticket["id"],
        "maintenance_id": window["id"],
        "aggregate_id": incident["id"],
        "account_id": str(account_id(api, ADMIN[0])),
        "year": 2030,
        "position": last["position"],
    }


def act(api: Api, verb: str, path: str, who: dict[str, str], body: Any) -> dict[str, Any]:
    """A command that succeeds, whether it created something (201) or not (200)."""
    answer = api.client.request(verb, f"/api/v1{path}", json=body, headers=who)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()  # type: ignore[no-any-return]


def said(answer: Any) -> dict[str, str]:
    """An answer's headers, those of the moment blanked."""
    return {k: "" if k in OF_THE_MOMENT else v for k, v in answer.headers.items()}


def caught_up(api: Api, position: int) -> None:
    """Every read model has passed the position: two answers in a row say the same."""
    deadline = time.monotonic() + 5
    while min(api.read("/readyz").json()["positions"].values()) < position:
        assert time.monotonic() < deadline, "the read models did not catch up"
        time.sleep(0.02)


def get_routes(api: Api, streams: bool = False) -> list[str]:
    """Every GET route the query API documents: those answering a body, or the event streams
    (whose GET never ends)."""
    document = api.client.app.query_app.openapi()  # type: ignore[attr-defined]
    return [
        path
        for path, operations in document["paths"].items()
        if "get" in operations
        and ("text/event-stream" in str(operations["get"]["responses"].get("200", ""))) == streams
    ]


class TestHead:
    def test_every_get_route_answers_head_with_the_gets_status_and_headers_and_no_body(
        self, api: Api, admin: dict[str, str], home: dict[str, Any]
    ) -> None:
        caught_up(api, home["position"])
        paths = [p.format(**home) for p in get_routes(api)]
        assert len(paths) > 20
        differing = {}
        for path in paths:
            got = api.client.get(path, headers=admin)
            head = api.client.head(path, headers=admin)
            if (head.status_code, said(head), head.content) != (got.status_code, said(got), b""):
                differing[path] = (got.status_code, head.status_code, said(got), said(head))
        assert differing == {}

    def test_an_event_stream_answers_head_with_its_headers_at_once(
        self, api: Api, admin: dict[str, str], home: dict[str, Any]
    ) -> None:
        caught_up(api, home["position"])
        streams = [p.format(**home) for p in get_routes(api, streams=True)]
        assert streams
        for path in streams:
            head = api.client.head(path, headers=admin)
            assert head.status_code == 200, path
            assert head.headers["content-type"].startswith("text/event-stream")
            assert head.content == b""


class TestTokensOnPublicPages:
    @pytest.mark.parametrize("token", ["expired", "garbage", "wrong key"])
    def test_a_bad_token_on_a_public_page_reads_it_as_an_anonymous_visitor(
        self, api: Api, admin: dict[str, str], token: str
    ) -> None:
        receipt = condo(api, admin)
        account = account_id(api, ADMIN[0])
        bearer = {
            "expired": issue_token(account, 0, SECRET, timedelta(minutes=-5)),
            "garbage": "not-a-token",
            "wrong key": issue_token(account, 0, "another-key-" + SECRET, timedelta(hours=1)),
        }[token]
        bad = {"Authorization": f"Bearer {bearer}"}
        for page in ("/status/residence-les-tilleuls", "/status/residence-les-tilleuls/history"):
            anonymous = api.read(page, after=receipt["position"])
            answer = api.read(page, bad, after=receipt["position"])
            assert (answer.status_code, answer.json()) == (200, anonymous.json()), page
        needs_an_account = api.read(f"/copros/{receipt['id']}", bad)
        assert needs_an_account.status_code == 401
        assert needs_an_account.headers["WWW-Authenticate"] == "Bearer"


class TestVersions:
    def test_an_incident_is_read_with_its_version_and_an_edit_from_it_is_accepted(
        self, api: Api, admin: dict[str, str], home: dict[str, Any]
    ) -> None:
        incident = home["incident_id"]
        act(api, "POST", f"/incidents/{incident}/comments", admin, {"text": "Interne"})
        posted = act(
            api, "POST", f"/incidents/{incident}/updates", admin, {"message": "Sur place."}
        )
        read = api.read(f"/incidents/{incident}", admin, after=posted["position"]).json()
        assert read["version"] == posted["version"]

        api.command(
            "PATCH",
            f"/incidents/{incident}",
            admin,
            {"title": "Panne d'ascenseur", "expected_version": read["version"]},
        )
        stale = api.command(
            "PATCH",
            f"/incidents/{incident}",
            admin,
            {"title": "Panne", "expected_version": read["version"]},
            409,
        )
        assert stale["code"] == "version_conflict"

    def test_windows_buildings_equipment_and_condos_are_read_with_their_versions(
        self, api: Api, admin: dict[str, str], home: dict[str, Any]
    ) -> None:
        copro = home["copro_id"]
        edits = {
            "copro": ("PATCH", f"/copros/{copro}", {"city": "Villeurbanne"}),
            "building": ("PATCH", f"/buildings/{home['building_id']}", {"name": "Bâtiment A"}),
            "equipment": (
                "PUT",
                f"/equipment/{home['equipment_id']}/status",
                {"status": "degraded"},
            ),
            "window": ("PATCH", f"/maintenances/{home['maintenance_id']}", {"title": "Contrôle"}),
        }
        versions = {
            what: act(api, verb, path, admin, body) for what, (verb, path, body) in edits.items()
        }
        after = max(v["position"] for v in versions.values())
        read = {
            "copro": api.read(f"/copros/{copro}", admin, after=after).json(),
            "building": api.read(f"/copros/{copro}/buildings", admin).json()["items"][0],
            "equipment": api.read(f"/copros/{copro}/equipment", admin).json()["items"][0],
            "window": api.read(
                f"/copros/{copro}/maintenances?to=2099-12-31T00:00:00Z", admin
            ).json()["items"][0],
        }
        assert {what: r["version"] for what, r in read.items()} == {
            what: v["version"] for what, v in versions.items()
        }
