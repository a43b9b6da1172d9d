"""The audit trail and operations through the site, on SQLite and PostgreSQL: a condo's events
filtered and paged, an aggregate's history and past state, the JSON Lines export, and the
projections' status for operators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from command_api.passwords import hash_password
from domain.base import Actor
from projections.registry import PROJECTIONS
from query_api.views.audit import AuditFilter, export_lines
from tests.integration.api import ADMIN, Api, account_id, condo
from tests.integration.test_read_status import appoint


@dataclass
class Audited:
    """A condo with its manager, auditor and a resident, and an expense recorded, corrected
    and voided by the manager."""

    id: str
    manager: dict[str, str]
    auditor: dict[str, str]
    resident: dict[str, str]
    expense: str
    last: dict[str, Any]


def audited(api: Api, admin: dict[str, str], name: str, people: str) -> Audited:
    copro_id = condo(api, admin, name)["id"]
    manager = appoint(api, admin, copro_id, f"manager@{people}", "manager")
    auditor = appoint(api, manager, copro_id, f"auditor@{people}", "auditor")
    resident = appoint(api, manager, copro_id, f"resident@{people}", "resident")
    body = {
        "date": "2025-02-14",
        "amount_cents": 123_456,
        "category": "lift",
        "supplier": "Ascenseurs Rhône SARL",
    }
    expense = api.command("POST", f"/copros/{copro_id}/expenses", manager, body, 201)["id"]
    api.command(
        "POST",
        f"/expenses/{expense}/corrections",
        manager,
        {"amount_cents": 132_456, "reason": "erreur de saisie"},
    )
    last = api.command(
        "POST", f"/expenses/{expense}/void", manager, {"reason": "facture en double"}
    )
    return Audited(copro_id, manager, auditor, resident, expense, last)


@pytest.fixture
def ours(api: Api, admin: dict[str, str]) -> Audited:
    return audited(api, admin, "Résidence Les Tilleuls", "t.fr")


@pytest.fixture
def theirs(api: Api, admin: dict[str, str]) -> Audited:
    return audited(api, admin, "Le Parc", "parc.fr")


def read(api: Api, path: str, who: dict[str, str], after: dict[str, Any]) -> Any:
    answer = api.read(path, who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()


def events(api: Api, at: Audited, who: dict[str, str], **query: Any) -> dict[str, Any]:
    path = f"/copros/{at.id}/audit/events?{urlencode(query, doseq=True)}"
    return read(api, path, who, at.last)  # type: ignore[no-any-return]


class TestCondoEvents:
    def test_auditors_list_the_condos_events_in_log_order_with_who_and_what(
        self, api: Api, ours: Audited
    ) -> None:
        listed = events(api, ours, ours.auditor, limit=200)

        positions = [e["position"] for e in listed["items"]]
        assert positions == sorted(positions) and listed["total"] == len(positions)
        recorded = next(e for e in listed["items"] if e["event_type"] == "Recorded")
        assert recorded["aggregate_id"] == ours.expense
        assert recorded["aggregate_type"] == "Expense"
        assert recorded["actor_id"] == str(account_id(api, "manager@t.fr"))
        assert recorded["request_id"] and recorded["recorded_at"]
        assert recorded["data"]["amount_cents"] == 123_456
        assert listed["items"][-1]["position"] == ours.last["position"]

    def test_events_are_filtered_by_type_aggregate_actor_and_time_and_paged(
        self, api: Api, ours: Audited, theirs: Audited
    ) -> None:
        everything = events(api, ours, ours.auditor, limit=200)["items"]

        by_type = events(api, ours, ours.auditor, type=["Expense.Corrected", "Voided"])
        assert [e["event_type"] for e in by_type["items"]] == ["Corrected", "Voided"]
        assert by_type["total"] == 2

        of_expense = events(api, ours, ours.auditor, aggregate_id=ours.expense)
        assert [e["aggregate_version"] for e in of_expense["items"]] == [1, 2, 3]

        manager = str(account_id(api, "manager@t.fr"))
        by_manager = events(api, ours, ours.auditor, actor_id=manager, limit=200)
        assert by_manager["total"] == sum(e["actor_id"] == manager for e in everything)
        assert {e["actor_id"] for e in by_manager["items"]} == {manager}
        by_admin = events(api, ours, ours.auditor, actor_id=str(account_id(api, ADMIN[0])))
        assert by_admin["total"] and by_admin["total"] < len(everything)

        since = next(e for e in everything if e["event_type"] == "Recorded")["recorded_at"]
        later = events(api, ours, ours.auditor, **{"from": since})
        assert later["total"] == sum(e["recorded_at"] >= since for e in everything)
        assert [e["event_type"] for e in later["items"]][:1] == ["Recorded"]
        earlier = events(api, ours, ours.auditor, to=since, limit=200)
        assert earlier["total"] == len(everything) - later["total"] + 1
        today = events(api, ours, ours.auditor, to=since[:10])
        assert today["total"] == len(everything)

        paged = events(api, ours, ours.auditor, limit=2, offset=1)
        assert paged["items"] == everything[1:3] and paged["total"] == len(everything)
        theirs_ids = {e["aggregate_id"] for e in events(api, theirs, theirs.auditor)["items"]}
        assert not theirs_ids & {e["aggregate_id"] for e in everything}

    def test_bad_filters_are_named(self, api: Api, ours: Audited) -> None:
        path = f"/copros/{ours.id}/audit/events"
        for query, field in [
            ("from=yesterday", "from"),
            ("to=2025-02-30", "to"),
            ("from=2025-03-01&to=2025-02-01", "to"),
            ("aggregate_id=42", "aggregate_id"),
            ("limit=201", "limit"),
        ]:
            answer = api.read(f"{path}?{query}", ours.auditor)
            assert answer.status_code == 422, query
            assert {e["field"] for e in answer.json()["detail"]} == {field}

    def test_managers_read_them_residents_are_refused_and_outsiders_find_nothing(
        self, api: Api, ours: Audited, theirs: Audited
    ) -> None:
        path = f"/copros/{ours.id}/audit/events"
        assert events(api, ours, ours.manager)["total"] > 0
        for who, status in [(ours.resident, 403), (theirs.manager, 404), (theirs.auditor, 404)]:
            answer = api.read(path, who, after=theirs.last["position"])
            assert answer.status_code == status, who
        assert api.read(path).status_code == 401


class TestAggregateHistory:
    def test_the_history_of_an_expense_lists_each_event_with_its_reason(
        self, api: Api, ours: Audited
    ) -> None:
        history = read(api, f"/audit/aggregates/{ours.expense}/history", ours.auditor, ours.last)

        assert [(e["aggregate_version"], e["event_type"]) for e in history["items"]] == [
            (1, "Recorded"),
            (2, "Corrected"),
            (3, "Voided"),
        ]
        assert history["items"][1]["data"] == {
            "changes": {"amount_cents": 132_456},
            "reason": "erreur de saisie",
        }

    def test_the_state_at_a_version_or_an_instant_is_folded_from_its_events(
        self, api: Api, ours: Audited
    ) -> None:
        path = f"/audit/aggregates/{ours.expense}"
        first = read(api, f"{path}?version=1", ours.auditor, ours.last)
        assert (first["version"], first["latest_version"]) == (1, 3)
        assert first["state"]["amount_cents"] == 123_456
        assert first["state"]["supplier"] == "Ascenseurs Rhône SARL"
        assert "reason" not in first["state"]

        corrected = read(api, f"{path}?version=2", ours.manager, ours.last)
        assert corrected["state"]["amount_cents"] == 132_456
        assert corrected["state"]["reason"] == "erreur de saisie"
        assert [e["event_type"] for e in corrected["events"]] == ["Recorded", "Corrected"]

        latest = read(api, path, ours.auditor, ours.last)
        assert (latest["version"], latest["last_event_type"]) == (3, "Voided")
        assert latest["state"]["reason"] == "facture en double"

        at = first["recorded_at"]
        then = read(api, f"{path}?{urlencode({'at': at})}", ours.auditor, ours.last)
        assert then["version"] == 1
        assert api.read(f"{path}?at=2000-01-01", ours.auditor).status_code == 404
        assert api.read(f"{path}?version=4", ours.auditor).status_code == 404
        both = api.read(f"{path}?version=1&at=2025-01-01", ours.auditor)
        assert both.status_code == 422

    def test_only_auditors_and_managers_of_its_condo_read_an_aggregate(
        self, api: Api, admin: dict[str, str], ours: Audited, theirs: Audited
    ) -> None:
        after = theirs.last["position"]
        for path in (
            f"/audit/aggregates/{ours.expense}/history",
            f"/audit/aggregates/{ours.expense}?version=1",
        ):
            assert api.read(path, ours.resident, after=after).status_code == 403
            assert api.read(path, theirs.auditor, after=after).status_code == 404
            assert api.read(path).status_code == 401
        unknown = api.read(f"/audit/aggregates/{uuid4()}/history", ours.auditor, after=after)
        assert unknown.status_code == 404
        # An account belongs to no single condo: its history is for platform admins only.
        account = f"/audit/aggregates/{account_id(api, 'manager@t.fr')}/history"
        assert api.read(account, ours.auditor, after=after).status_code == 404
        assert api.read(account, admin, after=after).status_code == 200


class TestExport:
    def test_the_export_is_one_event_a_line_in_log_order(self, api: Api, ours: Audited) -> None:
        answer = api.read(
            f"/copros/{ours.id}/audit/export.jsonl", ours.auditor, after=ours.last["position"]
        )

        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/x-ndjson")
        lines = answer.text.splitlines()
        exported = [json.loads(line) for line in lines]
        positions = [e["position"] for e in exported]
        assert all(a < b for a, b in zip(positions, positions[1:], strict=False))
        listed = events(api, ours, ours.auditor, limit=200)
        # Each line is the listed event with its hashes (tests/integration/test_audit_proofs.py).
        assert [{k: v for k, v in e.items() if k != "chain"} for e in exported] == json.loads(
            json.dumps(listed["items"])
        )
        assert answer.text.endswith("\n")
        engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
        in_threes = export_lines(engine, UUID(ours.id), AuditFilter(), chunk=3)
        assert "".join(in_threes) == answer.text

    def test_residents_cannot_export_and_outsiders_find_nothing(
        self, api: Api, ours: Audited, theirs: Audited
    ) -> None:
        path = f"/copros/{ours.id}/audit/export.jsonl"
        after = theirs.last["position"]
        assert api.read(path, ours.resident, after=after).status_code == 403
        assert api.read(path, theirs.manager, after=after).status_code == 404
        assert api.read(path, ours.manager, after=after).status_code == 200


def operator(api: Api) -> dict[str, str]:
    site = api.client.app
    site.condos.open_platform_account(  # type: ignore[attr-defined]
        Actor.system(),
        role="operator",
        email="ops@copro.test",
        first_name="Otto",
        last_name="Perateur",
        password_hash=hash_password("a long password"),
    )
    return api.login("ops@copro.test", "a long password")


class TestOperations:
    def test_operators_see_every_projection_with_its_position_and_lag(
        self, api: Api, ours: Audited
    ) -> None:
        ops = operator(api)

        listed = read(api, "/ops/projections", ops, ours.last)

        assert {p["name"] for p in listed["items"]} == {p.name for p in PROJECTIONS}
        assert listed["total"] == len(PROJECTIONS)
        for item in listed["items"]:
            assert item["position"] >= ours.last["position"]
            assert item["lag"] == listed["head"] - item["position"] >= 0
            assert item["state"] == "running" and item["error"] is None
        assert api.read("/ops/projections", ours.manager).status_code == 403
        assert api.read("/ops/projections").status_code == 401

    def test_metrics_are_for_operators_and_this_machine(self, api: Api, ours: Audited) -> None:
        ops = operator(api)
        answer = api.read("/metrics", ops, after=ours.last["position"])
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/plain")
        assert 'copro_projection_position{name="ledger"}' in answer.text
        assert 'copro_projection_failed{name="audit_index"} 0.0' in answer.text
        assert "# TYPE copro_projection_lag gauge" in answer.text
        assert api.read("/metrics", ours.manager).status_code == 403
        assert api.read("/metrics").status_code == 401

        local = TestClient(api.client.app, client=("127.0.0.1", 41000))
        assert local.get("/api/v1/metrics").status_code == 200
        proxied = local.get("/api/v1/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        assert proxied.status_code == 401
