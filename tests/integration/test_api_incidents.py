"""Incidents through the HTTP API, on SQLite and PostgreSQL: opening, timeline, edits, comments,
and the tickets their resolution resolves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from tests.integration.api import Api, account_id
from tests.integration.test_api_tickets import (
    Condo,
    condo_with_equipment,
    condos_of,
    fields,
    open_incident,
    report,
)


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")


@pytest.fixture
def le_parc(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Le Parc", "parc.fr")


def update(
    api: Api, home: Condo, incident: str, message: str, status: str | None = None, expect: int = 200
) -> dict[str, Any]:
    body = {"message": message, **({"status": status} if status else {})}
    return api.command("POST", f"/incidents/{incident}/updates", home.manager, body, expect)


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat()


class TestOpen:
    def test_a_manager_publishes_an_incident_starting_now(self, api: Api, tilleuls: Condo) -> None:
        before = datetime.now(UTC)
        receipt = open_incident(api, tilleuls)
        assert set(receipt) == {"id", "version", "position"} and receipt["version"] == 1
        incident = condos_of(api).incident(UUID(receipt["id"]))
        assert (incident.status, incident.resolved_at) == ("investigating", None)
        assert before <= incident.started_at <= datetime.now(UTC)
        assert incident.impacts == [{"equipment_id": UUID(tilleuls.lift), "impact": "major_outage"}]

    def test_it_may_be_back_dated_and_the_callers_clock_may_be_a_little_fast(
        self, api: Api, tilleuls: Condo
    ) -> None:
        yesterday = datetime.now(UTC) - timedelta(days=1)
        back_dated = open_incident(api, tilleuls, started_at=yesterday.isoformat())["id"]
        open_incident(api, tilleuls, started_at=ago(seconds=-30))
        naive = open_incident(api, tilleuls, started_at="2025-01-05T08:00:00")["id"]
        assert condos_of(api).incident(UUID(back_dated)).started_at == yesterday
        assert condos_of(api).incident(UUID(naive)).started_at == datetime(
            2025, 1, 5, 8, tzinfo=UTC
        )

    def test_it_never_starts_in_the_future(self, api: Api, tilleuls: Condo) -> None:
        body = {
            "title": "Panne",
            "message": "Bientôt",
            "started_at": ago(minutes=-5),
            "impacts": [{"equipment_id": tilleuls.lift, "impact": "degraded"}],
        }
        answer = api.command(
            "POST", f"/copros/{tilleuls.id}/incidents", tilleuls.manager, body, 422
        )
        assert fields(answer) == {"started_at"}

    def test_each_bad_field_is_named(self, api: Api, tilleuls: Condo) -> None:
        body = {
            "title": "x" * 201,
            "message": "",
            "started_at": "yesterday",
            "impacts": [
                {"equipment_id": tilleuls.lift, "impact": "broken"},
                {"equipment_id": "lift", "impact": "degraded"},
            ],
            "severity": 3,
        }
        answer = api.command(
            "POST", f"/copros/{tilleuls.id}/incidents", tilleuls.manager, body, 422
        )
        assert fields(answer) == {
            "title",
            "message",
            "started_at",
            "impacts.0.impact",
            "impacts.1.equipment_id",
            "severity",
        }

    def test_a_start_outside_the_condos_years_is_named(self, api: Api, tilleuls: Condo) -> None:
        # Year 1 at UTC+14 has no UTC form: it once slipped through as a start of the year 0001.
        for started_at in ("0001-01-01T00:00:00+14:00", "1999-12-31T23:59:59Z", "0001-01-01"):
            body = {
                "title": "Panne",
                "message": "Panne",
                "started_at": started_at,
                "impacts": [{"equipment_id": tilleuls.lift, "impact": "major_outage"}],
            }
            answer = api.command(
                "POST", f"/copros/{tilleuls.id}/incidents", tilleuls.manager, body, 422
            )
            assert fields(answer) == {"started_at"}, started_at

    def test_it_names_at_least_one_equipment_each_once(self, api: Api, tilleuls: Condo) -> None:
        lift = {"equipment_id": tilleuls.lift, "impact": "degraded"}
        for impacts in ([], [lift, {**lift, "impact": "major_outage"}], None):
            body = {"title": "Panne", "message": "Panne", "impacts": impacts}
            answer = api.command(
                "POST", f"/copros/{tilleuls.id}/incidents", tilleuls.manager, body, 422
            )
            assert fields(answer) == {"impacts"}, impacts

    def test_equipment_of_another_condo_or_retired_is_refused(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        api.command("POST", f"/equipment/{tilleuls.light}/retire", tilleuls.manager)
        for equipment in (le_parc.lift, tilleuls.light, str(UUID(int=5))):
            body = {
                "title": "Panne",
                "message": "Panne",
                "impacts": [{"equipment_id": equipment, "impact": "degraded"}],
            }
            answer = api.command(
                "POST", f"/copros/{tilleuls.id}/incidents", tilleuls.manager, body, 422
            )
            assert fields(answer) == {"impacts"}


class TestWhoManagesIncidents:
    def test_only_a_manager_of_the_condo_may_open_one(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        body = {
            "title": "Panne",
            "message": "Panne",
            "impacts": [{"equipment_id": tilleuls.lift, "impact": "degraded"}],
        }
        path = f"/copros/{tilleuls.id}/incidents"
        callers = [({}, 401), (tilleuls.resident, 403), (le_parc.manager, 404)]
        codes = [api.command("POST", path, who, body, status)["code"] for who, status in callers]
        assert codes == ["not_authenticated", "forbidden", "not_found"]

    @pytest.mark.parametrize(
        ("verb", "path", "body"),
        [
            ("PATCH", "", {"title": "Autre titre"}),
            ("POST", "/updates", {"message": "Point", "status": "in_progress"}),
            ("POST", "/comments", {"text": "Note"}),
        ],
        ids=["edit", "update", "comment"],
    )
    def test_only_a_manager_of_its_condo_may_change_one(
        self, api: Api, tilleuls: Condo, le_parc: Condo, verb: str, path: str, body: Any
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        callers = [({}, 401), (tilleuls.resident, 403), (le_parc.manager, 404)]
        codes = [
            api.command(verb, f"/incidents/{incident}{path}", who, body, status)["code"]
            for who, status in callers
        ]
        assert codes == ["not_authenticated", "forbidden", "not_found"]
        assert condos_of(api).incident(UUID(incident)).version == 1
        unknown = api.command(verb, f"/incidents/{UUID(int=4)}{path}", tilleuls.manager, body, 404)
        assert unknown["code"] == "not_found"


class TestTimeline:
    def test_status_changes_follow_the_table_and_resolving_records_when(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        update(api, tilleuls, incident, "Technicien sur place", "in_progress")
        update(api, tilleuls, incident, "Pièce commandée")
        resolved = update(api, tilleuls, incident, "Réparé", "resolved")
        state = condos_of(api).incident(UUID(incident))
        assert (state.status, resolved["version"]) == ("resolved", 4)
        assert state.resolved_at == state.modified_on

        update(api, tilleuls, incident, "Rebloqué", "in_progress")
        assert condos_of(api).incident(UUID(incident)).resolved_at is None

    def test_a_change_the_table_forbids_is_a_conflict_naming_from_and_to(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        update(api, tilleuls, incident, "Réparé", "resolved")
        refused = update(api, tilleuls, incident, "?", "investigating", expect=409)
        assert refused["code"] == "incident_transition_not_allowed"
        assert (refused["from"], refused["to"]) == ("resolved", "investigating")
        update(api, tilleuls, incident, "Clos", "closed")
        final = update(api, tilleuls, incident, "Rouvert", "in_progress", expect=409)
        silent = update(api, tilleuls, incident, "Un mot de plus", expect=409)
        assert (final["code"], silent["code"]) == (
            "incident_transition_not_allowed",
            "incident_closed",
        )

    def test_bad_updates_are_named(self, api: Api, tilleuls: Condo) -> None:
        incident = open_incident(api, tilleuls)["id"]
        path = f"/incidents/{incident}/updates"
        unknown = api.command(
            "POST", path, tilleuls.manager, {"message": "x", "status": "done"}, 422
        )
        empty = api.command("POST", path, tilleuls.manager, {"message": ""}, 422)
        assert (fields(unknown), fields(empty)) == ({"status"}, {"message"})

    def test_comments_are_kept_with_their_author(self, api: Api, tilleuls: Condo) -> None:
        incident = open_incident(api, tilleuls)["id"]
        path = f"/incidents/{incident}/comments"
        api.command("POST", path, tilleuls.manager, {"text": "Facture Otis à vérifier"}, 201)
        assert fields(api.command("POST", path, tilleuls.manager, {"text": "x" * 5001}, 422)) == {
            "text"
        }
        assert condos_of(api).incident(UUID(incident)).comments == [
            {"author_id": account_id(api, "manager@tilleuls.fr"), "text": "Facture Otis à vérifier"}
        ]


class TestEdit:
    def test_edits_title_message_and_impacts(self, api: Api, tilleuls: Condo) -> None:
        incident = open_incident(api, tilleuls)["id"]
        impacts = [
            {"equipment_id": tilleuls.lift, "impact": "partial_outage"},
            {"equipment_id": tilleuls.light, "impact": "degraded"},
        ]
        body = {"title": "Ascenseur 1 lent", "impacts": impacts, "expected_version": 1}
        receipt = api.command("PATCH", f"/incidents/{incident}", tilleuls.manager, body)
        edited = condos_of(api).incident(UUID(incident))
        assert (receipt["version"], edited.title) == (3, "Ascenseur 1 lent")
        assert edited.impacts == [
            {**i, "equipment_id": UUID(str(i["equipment_id"]))} for i in impacts
        ]

    def test_an_edit_from_a_stale_version_is_a_conflict_with_the_current_version(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        update(api, tilleuls, incident, "Technicien sur place", "in_progress")
        answer = api.command(
            "PATCH",
            f"/incidents/{incident}",
            tilleuls.manager,
            {"message": "Autre", "expected_version": 1},
            409,
        )
        assert (answer["code"], answer["current_version"]) == ("version_conflict", 2)
        assert condos_of(api).incident(UUID(incident)).message == "L'ascensoriste est prévenu."

    def test_bad_edits_are_named(self, api: Api, tilleuls: Condo, le_parc: Condo) -> None:
        incident = open_incident(api, tilleuls)["id"]
        path = f"/incidents/{incident}"
        shape = api.command("PATCH", path, tilleuls.manager, {"impacts": [], "title": "x"}, 422)
        theirs = api.command(
            "PATCH",
            path,
            tilleuls.manager,
            {"impacts": [{"equipment_id": le_parc.lift, "impact": "degraded"}]},
            422,
        )
        assert (fields(shape), fields(theirs)) == ({"impacts", "title"}, {"impacts"})


class TestResolvingResolvesLinkedTickets:
    def test_tickets_in_progress_are_resolved_with_a_reply_in_the_same_save(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls, title="Ascenseur 1 à l'arrêt")["id"]
        waiting, done = (report(api, tilleuls.resident, tilleuls)["id"] for _ in range(2))
        for ticket in (waiting, done):
            api.command(
                "POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident}
            )
        api.command("POST", f"/tickets/{done}/resolve", tilleuls.manager)
        api.command("POST", f"/tickets/{done}/close", tilleuls.manager)

        receipt = update(api, tilleuls, incident, "Réparé", "resolved")

        assert condos_of(api).ticket(UUID(waiting)).status == "resolved"
        assert condos_of(api).ticket(UUID(done)).status == "closed"
        store = condos_of(api).repository.event_store
        resolution: Any = list(store.get(UUID(incident)))[-1]
        reply: Any = list(store.get(UUID(waiting)))[-1]
        assert type(reply).__name__ == "Resolved"
        assert reply.message == "L’incident « Ascenseur 1 à l'arrêt » est résolu."
        assert reply.request_id == resolution.request_id
        assert len(list(store.get(UUID(done)))) == 5  # untouched
        saved = condos_of(api).recorder.select_notifications(start=receipt["position"] - 1, limit=2)
        assert [n.originator_id for n in saved] == [UUID(incident), UUID(waiting)]

    def test_a_linked_ticket_is_in_progress_until_then_and_resolved_after(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        api.command("POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident})
        early = api.command("POST", f"/tickets/{ticket}/close", tilleuls.manager, None, 409)
        update(api, tilleuls, incident, "Réparé", "resolved")
        api.command("POST", f"/tickets/{ticket}/reopen", tilleuls.manager, {"reason": "Encore"})
        assert early["from"] == "in_progress"

    def test_reopening_the_incident_leaves_its_tickets_resolved(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        api.command("POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident})
        update(api, tilleuls, incident, "Réparé", "resolved")
        update(api, tilleuls, incident, "Rebloqué", "in_progress")
        assert condos_of(api).ticket(UUID(ticket)).status == "resolved"
