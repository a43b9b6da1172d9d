"""What the managers' console reads beyond the residents' pages, on SQLite and PostgreSQL: the
members by role and account status, the tickets linked to an incident, who gave a ticket to
whom and when, and the maintenance windows by state."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.api import Api, account_id
from tests.integration.test_api_tickets import (
    Condo,
    appoint,
    condo_with_equipment,
    open_incident,
    report,
)


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")


def read(api: Api, path: str, who: dict[str, str], after: dict[str, Any]) -> Any:
    answer = api.read(path, who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()


def account_of(api: Api, email: str) -> str:
    # Through the email's claim, as signing in finds it: `/auth/me` read at once could come
    # before the access projection has seen an account just appointed (a CI run met that).
    return str(account_id(api, email))


class TestMembersFiltered:
    def test_managers_list_the_members_of_some_roles_and_account_statuses(
        self, api: Api, tilleuls: Condo
    ) -> None:
        appoint(api, tilleuls.manager, tilleuls.id, "audit@tilleuls.fr", "auditor")
        building = read(api, f"/copros/{tilleuls.id}/buildings", tilleuls.manager, {"position": 0})
        signed_up = api.command(
            "POST",
            "/auth/register",
            {},
            {
                "email": "zoe@exemple.fr",
                "password": "a long password",
                "first_name": "Zoé",
                "last_name": "Lambert",
                "copro_id": tilleuls.id,
                "building_id": building["items"][0]["id"],
            },
            201,
        )
        members = f"/copros/{tilleuls.id}/members"

        def listed(query: str) -> tuple[list[tuple[str, str, str]], int]:
            found = read(api, f"{members}?{query}", tilleuls.manager, signed_up)
            people = [(m["email"], m["role"], m["status"]) for m in found["items"]]
            return people, found["total"]

        assert listed("role=resident") == (
            [
                ("zoe@exemple.fr", "resident", "pending"),
                ("resident@tilleuls.fr", "resident", "active"),
            ],
            2,
        )
        assert listed("status=pending") == ([("zoe@exemple.fr", "resident", "pending")], 1)
        assert listed("role=resident&status=active") == (
            [("resident@tilleuls.fr", "resident", "active")],
            1,
        )
        assert listed("role=manager&role=auditor") == (
            [
                ("audit@tilleuls.fr", "auditor", "active"),
                ("manager@tilleuls.fr", "manager", "active"),
            ],
            2,
        )
        assert listed("role=auditor&limit=1&offset=1") == ([], 1)
        assert listed("status=active")[1] == 3

    def test_an_unknown_role_or_status_is_refused_naming_it(
        self, api: Api, tilleuls: Condo
    ) -> None:
        members = f"/copros/{tilleuls.id}/members"
        for query, field in (("role=owner", "role"), ("status=closed", "status")):
            answer = api.read(f"{members}?{query}", tilleuls.manager)
            assert answer.status_code == 422, query
            assert [e["field"] for e in answer.json()["detail"]] == [f"{field}.0"], query


class TestLinkedTickets:
    def test_managers_read_which_tickets_an_incident_gathers_and_residents_do_not(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        first = report(api, tilleuls.resident, tilleuls)["id"]
        second = report(api, tilleuls.resident, tilleuls, title="Encore bloqué")["id"]
        report(api, tilleuls.resident, tilleuls, title="Pas lié")
        body = {"incident_id": incident}
        api.command("POST", f"/tickets/{first}/link", tilleuls.manager, body)
        last = api.command("POST", f"/tickets/{second}/link", tilleuls.manager, body)

        managed = read(api, f"/incidents/{incident}", tilleuls.manager, last)
        assert sorted(managed["linked_ticket_ids"]) == sorted([first, second])
        assert managed["reporter_count"] == 2
        seen = read(api, f"/incidents/{incident}", tilleuls.resident, last)
        assert "linked_ticket_ids" not in seen and "comments" not in seen
        assert seen["reporter_count"] == 2

    def test_a_ticket_converted_into_an_incident_is_linked_to_it(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        impacts = [{"equipment_id": tilleuls.lift, "impact": "major_outage"}]
        converted = api.command(
            "POST", f"/tickets/{ticket}/convert", tilleuls.manager, {"impacts": impacts}, 201
        )
        managed = read(api, f"/incidents/{converted['id']}", tilleuls.manager, converted)
        assert managed["linked_ticket_ids"] == [ticket]


class TestAssignments:
    def test_managers_read_who_gave_a_ticket_to_whom_and_when_oldest_first(
        self, api: Api, tilleuls: Condo
    ) -> None:
        deputy = appoint(api, tilleuls.manager, tilleuls.id, "deputy@tilleuls.fr", "manager")
        manager_id = account_of(api, "manager@tilleuls.fr")
        deputy_id = account_of(api, "deputy@tilleuls.fr")
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        api.command(
            "POST", f"/tickets/{ticket}/assign", tilleuls.manager, {"assignee_id": deputy_id}
        )
        back = api.command("POST", f"/tickets/{ticket}/assign", deputy, {"assignee_id": manager_id})

        managed = read(api, f"/tickets/{ticket}", tilleuls.manager, back)
        assignments = managed["assignments"]
        assert [(a["assignee_id"], a["assigned_by"]) for a in assignments] == [
            (deputy_id, manager_id),
            (manager_id, deputy_id),
        ]
        assert assignments[0]["at"] < assignments[1]["at"] == managed["updated_at"]
        assert managed["assignee_id"] == manager_id
        # The public timeline stays what the reporter reads: the report alone.
        assert [e["kind"] for e in managed["timeline"]] == ["reported"]

    def test_the_reporter_never_reads_the_assignments(self, api: Api, tilleuls: Condo) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        manager_id = account_of(api, "manager@tilleuls.fr")
        assigned = api.command(
            "POST", f"/tickets/{ticket}/assign", tilleuls.manager, {"assignee_id": manager_id}
        )
        seen = read(api, f"/tickets/{ticket}", tilleuls.resident, assigned)
        assert "assignments" not in seen and "assignee_id" not in seen
        assert manager_id not in str(read(api, "/me/tickets", tilleuls.resident, assigned))


class TestMaintenancesByState:
    def test_members_list_the_windows_in_some_states(self, api: Api, tilleuls: Condo) -> None:
        def schedule(title: str, day: int) -> str:
            body = {
                "title": title,
                "equipment_ids": [tilleuls.lift],
                "starts_at": f"2099-06-{day:02d}T08:00:00Z",
                "ends_at": f"2099-06-{day:02d}T10:00:00Z",
            }
            path = f"/copros/{tilleuls.id}/maintenances"
            return str(api.command("POST", path, tilleuls.manager, body, 201)["id"])

        planned = schedule("Révision", 1)
        started = schedule("Graissage", 2)
        cancelled = schedule("Contrôle", 3)
        api.command("POST", f"/maintenances/{started}/start", tilleuls.manager)
        last = api.command("POST", f"/maintenances/{cancelled}/cancel", tilleuls.manager)
        windows = (
            f"/copros/{tilleuls.id}/maintenances?from=2000-01-01T00:00:00Z&to=2099-12-31T00:00:00Z"
        )

        def listed(query: str) -> tuple[list[tuple[str, str]], int]:
            found = read(api, f"{windows}{query}", tilleuls.resident, last)
            return [(w["id"], w["state"]) for w in found["items"]], found["total"]

        assert listed("&state=scheduled") == ([(planned, "scheduled")], 1)
        assert listed("&state=in_progress&state=cancelled") == (
            [(started, "in_progress"), (cancelled, "cancelled")],
            2,
        )
        assert listed("")[1] == 3
        refused = api.read(f"{windows}&state=done", tilleuls.resident)
        assert refused.status_code == 422
        assert [e["field"] for e in refused.json()["detail"]] == ["state.0"]
