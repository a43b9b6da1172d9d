"""The incidents and maintenance read models through the site, on SQLite and PostgreSQL: who
reads what, internal comments kept to managers, linked tickets, the maintenance calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.integration.api import Api, account_id
from tests.integration.test_read_status import (
    Home,
    home,
    maintain,
    open_incident,
    post_update,
    schedule,
)


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Home:
    return home(api, admin)


@pytest.fixture
def le_parc(api: Api, admin: dict[str, str]) -> Home:
    return home(api, admin, "Le Parc", "parc.fr")


def read(api: Api, path: str, who: dict[str, str], after: dict[str, Any]) -> Any:
    answer = api.read(path, who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()


def report(api: Api, at: Home) -> str:
    body = {
        "type": "incident",
        "title": "Ascenseur bloqué",
        "description": "Bloqué au 3e étage depuis ce matin.",
        "equipment_ids": [at.lift],
    }
    return str(api.command("POST", f"/copros/{at.id}/tickets", at.resident, body, 201)["id"])


class TestIncidentList:
    def test_members_list_the_incidents_latest_started_first_filtered_and_paged(
        self, api: Api, tilleuls: Home
    ) -> None:
        now = datetime.now(UTC)
        oldest, middle, newest = (
            open_incident(api, tilleuls, {tilleuls.lift: "degraded"}, now - timedelta(hours=h))[
                "id"
            ]
            for h in (3, 2, 1)
        )
        last = post_update(api, tilleuls, middle, "Réparé", "resolved")

        listed = read(api, f"/copros/{tilleuls.id}/incidents", tilleuls.resident, last)
        assert [i["id"] for i in listed["items"]] == [newest, middle, oldest]
        assert listed["total"] == 3
        assert "comments" not in listed["items"][0] and "timeline" not in listed["items"][0]

        open_ones = read(
            api,
            f"/copros/{tilleuls.id}/incidents?status=investigating&status=in_progress",
            tilleuls.manager,
            last,
        )
        assert [i["id"] for i in open_ones["items"]] == [newest, oldest]

        paged = read(
            api, f"/copros/{tilleuls.id}/incidents?limit=1&offset=1", tilleuls.manager, last
        )
        assert ([i["id"] for i in paged["items"]], paged["total"]) == ([middle], 3)

    def test_an_unknown_status_or_limit_is_named(self, api: Api, tilleuls: Home) -> None:
        answer = api.read(
            f"/copros/{tilleuls.id}/incidents?status=broken&limit=500", tilleuls.manager
        )
        assert answer.status_code == 422
        assert {e["field"] for e in answer.json()["detail"]} == {"status.0", "limit"}


class TestIncidentDetail:
    def test_managers_see_internal_comments_with_their_authors_and_residents_never(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"})["id"]
        api.command(
            "POST",
            f"/incidents/{incident}/comments",
            tilleuls.manager,
            {"text": "Voir le devis"},
            201,
        )
        last = post_update(api, tilleuls, incident, "Technicien en route", "in_progress")

        managed = read(api, f"/incidents/{incident}", tilleuls.manager, last)
        assert managed["comments"] == [
            {
                "at": managed["comments"][0]["at"],
                "author_id": str(account_id(api, "manager@t.fr")),
                "text": "Voir le devis",
            }
        ]
        assert [t["message"] for t in managed["timeline"]] == [
            "Technicien en route",
            "Nous sommes prévenus.",
        ]

        seen_by_resident = api.read(f"/incidents/{incident}", tilleuls.resident)
        public = api.read(f"/status/{tilleuls.slug}")
        for answer in (seen_by_resident, public):
            assert answer.status_code == 200
            assert "Voir le devis" not in answer.text
        assert "comments" not in seen_by_resident.json()

    def test_reporter_count_is_the_number_of_linked_tickets(self, api: Api, tilleuls: Home) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"})["id"]
        first, second = report(api, tilleuls), report(api, tilleuls)
        api.command("POST", f"/tickets/{first}/link", tilleuls.manager, {"incident_id": incident})
        last = api.command(
            "POST", f"/tickets/{second}/link", tilleuls.manager, {"incident_id": incident}
        )
        assert read(api, f"/incidents/{incident}", tilleuls.resident, last)["reporter_count"] == 2

        converted = api.command(
            "POST", f"/tickets/{report(api, tilleuls)}/convert", tilleuls.manager, {}, 201
        )
        new = read(api, f"/incidents/{converted['id']}", tilleuls.manager, converted)
        assert new["reporter_count"] == 1

    def test_resolving_records_resolved_at_and_reopening_clears_it(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "degraded"})["id"]
        resolved = post_update(api, tilleuls, incident, "Réparé", "resolved")
        assert read(api, f"/incidents/{incident}", tilleuls.manager, resolved)["resolved_at"]
        reopened = post_update(api, tilleuls, incident, "Encore", "in_progress")
        again = read(api, f"/incidents/{incident}", tilleuls.manager, reopened)
        assert (again["status"], again["resolved_at"]) == ("in_progress", None)


class TestTenants:
    def test_another_condos_manager_gets_not_found_for_each_read(
        self, api: Api, tilleuls: Home, le_parc: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "degraded"})
        for path in (
            f"/copros/{tilleuls.id}/incidents",
            f"/incidents/{incident['id']}",
            f"/copros/{tilleuls.id}/maintenances",
            f"/copros/{tilleuls.id}/statistics",
        ):
            answer = api.read(path, le_parc.manager, after=incident["position"])
            assert (answer.status_code, answer.json()["code"]) == (404, "not_found"), path
            assert api.read(path).status_code == 401, path

    def test_an_unknown_incident_is_not_found(self, api: Api, tilleuls: Home) -> None:
        answer = api.read(f"/incidents/{tilleuls.id}", tilleuls.manager)
        assert answer.status_code == 404


class TestMaintenanceCalendar:
    def test_members_list_the_windows_overlapping_the_range(self, api: Api, tilleuls: Home) -> None:
        lift = [tilleuls.lift]
        soon = schedule(api, tilleuls, lift, timedelta(days=2), timedelta(hours=4))
        far = schedule(api, tilleuls, lift, timedelta(days=120), timedelta(hours=4))
        running = schedule(api, tilleuls, lift, timedelta(days=1), timedelta(hours=4))
        last = maintain(api, tilleuls, running["id"], "start")

        default = read(api, f"/copros/{tilleuls.id}/maintenances", tilleuls.resident, last)
        assert [w["id"] for w in default["items"]] == [running["id"], soon["id"]]
        assert default["items"][0]["state"] == "in_progress"
        assert default["items"][0]["started_at"] is not None
        assert default["items"][1]["equipment"] == [{"id": tilleuls.lift, "name": "Ascenseur 1"}]

        start = (datetime.now(UTC) + timedelta(days=100)).date().isoformat()
        end = (datetime.now(UTC) + timedelta(days=200)).date().isoformat()
        ranged = read(
            api, f"/copros/{tilleuls.id}/maintenances?from={start}&to={end}", tilleuls.manager, last
        )
        assert ([w["id"] for w in ranged["items"]], ranged["total"]) == ([far["id"]], 1)

    def test_a_range_ending_before_it_starts_is_refused(self, api: Api, tilleuls: Home) -> None:
        answer = api.read(
            f"/copros/{tilleuls.id}/maintenances?from=2025-02-01&to=2025-01-01", tilleuls.manager
        )
        assert answer.status_code == 422 and answer.json()["detail"][0]["field"] == "to"
