"""Operators' commands on the projections over HTTP (rebuild, pause, resume, reset), seen
through `GET /ops/projections`, on both stores."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from command_api.passwords import hash_password
from copro.bootstrap import create_command_api, open_condos, read_engine
from copro.settings import Settings
from copro.tokens import issue_token
from domain.base import Actor
from projections.registry import PROJECTIONS
from tests.integration.api import Api, condo
from tests.integration.helpers import eventually
from tests.integration.test_read_audit import operator
from tests.integration.test_read_status import appoint

OPS = "/api/v1/ops/projections"


def projection(api: Api, who: dict[str, str], name: str) -> dict[str, Any]:
    answer = api.client.get(f"{OPS}", headers=who)
    assert answer.status_code == 200, answer.text
    return next(p for p in answer.json()["items"] if p["name"] == name)


def expense(api: Api, manager: dict[str, str], copro_id: str) -> dict[str, Any]:
    body = {"date": "2026-02-01", "amount_cents": 5000, "category": "cleaning", "supplier": "N"}
    return api.command("POST", f"/copros/{copro_id}/expenses", manager, body, 201)


@pytest.fixture
def home(api: Api, admin: dict[str, str]) -> dict[str, Any]:
    copro_id = condo(api, admin)["id"]
    manager = appoint(api, admin, copro_id, "manager@ops.fr", "manager")
    return {
        "id": copro_id,
        "manager": manager,
        "resident": appoint(api, manager, copro_id, "resident@ops.fr", "resident"),
        "auditor": appoint(api, manager, copro_id, "auditor@ops.fr", "auditor"),
    }


class TestPauseAndResume:
    def test_a_paused_projection_stands_still_until_resumed(
        self, api: Api, home: dict[str, Any]
    ) -> None:
        ops = operator(api)
        paused = api.client.post(f"{OPS}/ledger/pause", headers=ops)
        assert paused.status_code == 200, paused.text
        assert paused.json()["name"] == "ledger" and paused.json()["state"] == "paused"
        before = projection(api, ops, "ledger")
        assert before["state"] == "paused"

        written = expense(api, home["manager"], home["id"])
        eventually(lambda: projection(api, ops, "members")["position"] >= written["position"])
        assert projection(api, ops, "ledger")["position"] == before["position"]

        resumed = api.client.post(f"{OPS}/ledger/resume", headers=ops)
        assert resumed.status_code == 200 and resumed.json()["state"] == "running"
        eventually(lambda: projection(api, ops, "ledger")["position"] >= written["position"])
        assert projection(api, ops, "ledger")["state"] == "running"


class TestReset:
    def test_a_reset_projection_starts_from_zero_and_replays_the_log(
        self, api: Api, home: dict[str, Any]
    ) -> None:
        ops = operator(api)
        written = expense(api, home["manager"], home["id"])
        eventually(lambda: projection(api, ops, "ledger")["position"] >= written["position"])
        api.client.post(f"{OPS}/ledger/pause", headers=ops)

        reset = api.client.post(f"{OPS}/ledger/reset", headers=ops)

        assert reset.status_code == 200, reset.text
        assert reset.json()["position"] == 0 and reset.json()["state"] == "running"
        eventually(lambda: projection(api, ops, "ledger")["position"] >= written["position"])
        listed = api.read(f"/copros/{home['id']}/expenses", home["manager"], written["position"])
        assert listed.status_code == 200 and listed.json()["total"] == 1


class TestRebuild:
    def test_a_rebuild_shows_its_progress_and_is_swapped_in_while_the_page_answers(
        self, api: Api, home: dict[str, Any]
    ) -> None:
        ops = operator(api)
        written = expense(api, home["manager"], home["id"])
        eventually(lambda: projection(api, ops, "ledger")["position"] >= written["position"])
        # Held still, the rebuild is seen under way.
        api.client.post(f"{OPS}/ledger/pause", headers=ops)

        started = api.client.post(f"{OPS}/ledger/rebuild", headers=ops)

        assert started.status_code == 202, started.text
        assert started.json()["name"] == "ledger"
        assert started.json()["rebuild"]["position"] == 0
        shown = projection(api, ops, "ledger")["rebuild"]
        assert shown is not None and shown["position"] == 0 and 0 <= shown["progress"] <= 1
        again = api.client.post(f"{OPS}/ledger/rebuild", headers=ops)
        assert again.status_code == 409
        assert again.json()["code"] == "rebuild_in_progress" and again.json()["detail"]

        api.client.post(f"{OPS}/ledger/resume", headers=ops)
        deadline = time.monotonic() + 60
        while projection(api, ops, "ledger")["rebuild"] is not None:
            assert time.monotonic() < deadline, "the rebuild did not end"
            page = api.read(f"/copros/{home['id']}/expenses", home["manager"])
            assert page.status_code == 200 and page.json()["total"] == 1
            time.sleep(0.05)
        done = projection(api, ops, "ledger")
        assert done["position"] >= written["position"] and done["state"] == "running"
        listed = api.read(f"/copros/{home['id']}/expenses", home["manager"], written["position"])
        assert listed.json()["total"] == 1
        # Once swapped in, another may start.
        assert api.client.post(f"{OPS}/ledger/rebuild", headers=ops).status_code == 202

    def test_admins_may_rebuild_too(self, api: Api, admin: dict[str, str]) -> None:
        answer = api.client.post(f"{OPS}/status_page/rebuild", headers=admin)
        assert answer.status_code == 202, answer.text
        assert answer.json()["state"] == "running"


class TestRefusals:
    @pytest.mark.parametrize("command", ["rebuild", "pause", "resume", "reset"])
    def test_only_operators_and_admins_may_command_projections(
        self, api: Api, home: dict[str, Any], command: str
    ) -> None:
        for who in ("resident", "manager", "auditor"):
            answer = api.client.post(f"{OPS}/ledger/{command}", headers=home[who])
            assert answer.status_code == 403, (who, answer.text)
            assert answer.json()["code"] == "forbidden"
        anonymous = api.client.post(f"{OPS}/ledger/{command}")
        assert anonymous.status_code == 401 and anonymous.json()["code"] == "not_authenticated"
        assert projection(api, operator(api), "ledger")["state"] == "running"

    def test_an_unknown_projection_is_not_found_as_anything_else(self, api: Api) -> None:
        ops = operator(api)
        for command in ("rebuild", "pause", "resume", "reset"):
            answer = api.client.post(f"{OPS}/nothing_{uuid4().hex[:6]}/{command}", headers=ops)
            assert answer.status_code == 404
            assert answer.json() == {"detail": "not found", "code": "not_found"}

    def test_the_commands_are_in_the_command_document_with_their_refusals(self, api: Api) -> None:
        paths = api.client.get("/api/v1/command/openapi.json").json()["paths"]
        for command in ("rebuild", "pause", "resume", "reset"):
            operation = paths[f"{OPS}/{{name}}/{command}"]["post"]
            assert operation["operationId"] == f"ops-{command}-projection"
            assert {"401", "403", "404"} <= set(operation["responses"])
        assert "202" in paths[f"{OPS}/{{name}}/rebuild"]["post"]["responses"]
        assert "409" in paths[f"{OPS}/{{name}}/rebuild"]["post"]["responses"]


@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_with_no_projector_running_a_process_of_its_own_rebuilds_it(settings: Settings) -> None:
    """A command API alone (PostgreSQL): nobody holds the projection, a process is started
    that rebuilds it and swaps it in."""
    condos = open_condos(settings)
    engine = read_engine(settings)
    try:
        account = condos.open_platform_account(
            Actor.system(),
            role="operator",
            email="ops@alone.test",
            first_name="O",
            last_name="P",
            password_hash=hash_password("a long password"),
        ).id
        token = issue_token(account, 0, settings.signing_key, timedelta(minutes=10))
        app = create_command_api(settings, condos, engine)
        ledger = next(
            p for p in app.state.projection_operations.projectors.values() if p.name == "ledger"
        )
        with TestClient(app) as client:
            answer = client.post(
                f"{OPS}/ledger/rebuild", headers={"Authorization": f"Bearer {token}"}
            )
            assert answer.status_code == 202, answer.text
            eventually(lambda: ledger.status().rebuild_position is None, timeout=60)
        head = condos.recorder.max_notification_id()
        assert ledger.status().position == head and ledger.state() == "running"
        assert {p.name for p in PROJECTIONS} >= {"ledger"}
    finally:
        engine.dispose()
        condos.close()
