"""Tickets through the HTTP API, on SQLite and PostgreSQL: reporting, following up, and tying
them to incidents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from copro.tokens import issue_token
from domain.application import Condos
from tests.integration.api import Api, account_id, condo


@dataclass(frozen=True)
class Condo:
    """A condo as its members see it: one building, a lift and the hall lighting."""

    id: str
    manager: dict[str, str]
    resident: dict[str, str]
    lift: str
    light: str


def appoint(api: Api, by: dict[str, str], copro_id: str, email: str, role: str) -> dict[str, str]:
    """Gives `email` a role in the condo and answers their signed-in headers. The token is
    issued here, as a login would, to spare each test the password hashing."""
    body = {"email": email, "first_name": "Inès", "last_name": "Moreau", "role": role}
    api.command("POST", f"/copros/{copro_id}/members", by, body, 201)
    settings = api.client.app.command_app.state.settings  # type: ignore[attr-defined]
    token = issue_token(account_id(api, email), 0, settings.signing_key, timedelta(hours=1))
    return {"Authorization": f"Bearer {token}"}


def condo_with_equipment(api: Api, admin: dict[str, str], name: str, people: str) -> Condo:
    """A condo, its manager `manager@<people>` and resident `resident@<people>`."""
    copro_id = condo(api, admin, name)["id"]
    manager = appoint(api, admin, copro_id, f"manager@{people}", "manager")
    resident = appoint(api, manager, copro_id, f"resident@{people}", "resident")
    building = api.command(
        "POST", f"/copros/{copro_id}/buildings", manager, {"name": "Bâtiment A"}, 201
    )["id"]
    equipment = [
        api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            manager,
            {"building_id": building, "name": name, "category": category},
            201,
        )["id"]
        for name, category in [("Ascenseur 1", "lift"), ("Éclairage hall", "lighting")]
    ]
    return Condo(copro_id, manager, resident, *equipment)


def report(api: Api, who: dict[str, str], home: Condo, **overrides: Any) -> dict[str, Any]:
    """A ticket about the lift; answers the receipt."""
    body = {
        "type": "incident",
        "title": "Ascenseur bloqué",
        "description": "L'ascenseur est bloqué au 3e étage depuis ce matin.",
        "location": "Hall A, 3e étage",
        "equipment_ids": [home.lift],
        **overrides,
    }
    return api.command("POST", f"/copros/{home.id}/tickets", who, body, 201)


def open_incident(api: Api, home: Condo, **overrides: Any) -> dict[str, Any]:
    body = {
        "title": "Ascenseur 1 à l'arrêt",
        "message": "L'ascensoriste est prévenu.",
        "impacts": [{"equipment_id": home.lift, "impact": "major_outage"}],
        **overrides,
    }
    return api.command("POST", f"/copros/{home.id}/incidents", home.manager, body, 201)


def condos_of(api: Api) -> Condos:
    return api.client.app.condos  # type: ignore[attr-defined,no-any-return]


def fields(answer: dict[str, Any]) -> set[str]:
    assert answer["code"] == "validation_error", answer
    return {e["field"] for e in answer["detail"]}


ANONYMOUS_REPORTER = {
    "name": "Jeanne Voisine",
    "email": "Jeanne.Voisine@exemple.fr",
    "phone": "06 12 34 56 78",
}


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")


@pytest.fixture
def le_parc(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Le Parc", "parc.fr")


class TestReport:
    def test_a_resident_reports_under_their_account(self, api: Api, tilleuls: Condo) -> None:
        receipt = report(api, tilleuls.resident, tilleuls)
        assert set(receipt) == {"id", "version", "position"} and receipt["version"] == 1
        ticket = condos_of(api).ticket(UUID(receipt["id"]))
        assert (ticket.reporter_id, ticket.reporter_kind) == (
            account_id(api, "resident@tilleuls.fr"),
            "resident",
        )
        assert (ticket.status, ticket.equipment_ids) == ("analyzing", [UUID(tilleuls.lift)])

    def test_a_manager_and_a_platform_admin_may_report_too(
        self, api: Api, admin: dict[str, str], tilleuls: Condo
    ) -> None:
        report(api, tilleuls.manager, tilleuls)
        report(api, admin, tilleuls, type="request", equipment_ids=[])

    def test_an_anonymous_report_keeps_the_contact_details_in_the_people_store(
        self, api: Api, tilleuls: Condo
    ) -> None:
        receipt = report(api, {}, tilleuls, reporter=ANONYMOUS_REPORTER)
        ticket = condos_of(api).ticket(UUID(receipt["id"]))
        person = condos_of(api).person(ticket.reporter_id)
        assert ticket.reporter_kind == "anonymous"
        assert person is not None
        assert (person.email, person.first_name, person.last_name, person.phone) == (
            "jeanne.voisine@exemple.fr",
            "Jeanne Voisine",
            "",
            "+33612345678",
        )

    def test_no_personal_data_of_an_anonymous_reporter_is_written_into_events(
        self, api: Api, tilleuls: Condo
    ) -> None:
        reporter = {
            "name": "Zéphyrin Unique",
            "email": "zephyrin@cachette.fr",
            "phone": "+33 7 98 76 54 32",
        }
        report(api, {}, tilleuls, reporter=reporter)
        stored = condos_of(api).recorder.select_notifications(start=1, limit=10_000)
        text = "\n".join(n.state.decode("utf8") for n in stored).casefold()
        assert "ascenseur bloqué" in text  # what is searched is readable
        for secret in ["Zéphyrin", "Unique", "zephyrin", "cachette", "798765432", "98 76 54 32"]:
            assert secret.casefold() not in text

    def test_an_anonymous_report_without_contact_details_is_refused(
        self, api: Api, tilleuls: Condo
    ) -> None:
        body = {"type": "request", "title": "Clés", "description": "Où récupérer un badge ?"}
        answer = api.command("POST", f"/copros/{tilleuls.id}/tickets", {}, body, 422)
        assert fields(answer) == {"reporter"}

    def test_a_signed_in_reporter_gives_no_contact_details(self, api: Api, tilleuls: Condo) -> None:
        body = {
            "type": "request",
            "title": "Clés",
            "description": "Où récupérer un badge ?",
            "reporter": ANONYMOUS_REPORTER,
        }
        answer = api.command("POST", f"/copros/{tilleuls.id}/tickets", tilleuls.resident, body, 422)
        assert fields(answer) == {"reporter"}

    def test_a_phone_number_that_is_not_french_is_refused(self, api: Api, tilleuls: Condo) -> None:
        for phone in ["0012345678", "06 12 34 56", "+44 7911 123456", "06/12/34/56/78"]:
            body = {
                "type": "request",
                "title": "Clés",
                "description": "Où récupérer un badge ?",
                "reporter": {**ANONYMOUS_REPORTER, "phone": phone},
            }
            answer = api.command("POST", f"/copros/{tilleuls.id}/tickets", {}, body, 422)
            assert fields(answer) == {"reporter.phone"}, phone

    def test_each_bad_field_is_named(self, api: Api, tilleuls: Condo) -> None:
        body = {
            "type": "complaint",
            "title": "x" * 121,
            "description": "court",
            "location": "A",
            "equipment_ids": "lift",
            "reporter": {"name": "J", "email": "not-an-email"},
            "priority": "high",
        }
        answer = api.command("POST", f"/copros/{tilleuls.id}/tickets", {}, body, 422)
        assert fields(answer) == {
            "type",
            "title",
            "description",
            "location",
            "equipment_ids",
            "reporter.name",
            "reporter.email",
            "priority",
        }

    def test_something_broken_names_equipment(self, api: Api, tilleuls: Condo) -> None:
        body = {"type": "incident", "title": "Panne", "description": "Quelque chose est cassé."}
        answer = api.command("POST", f"/copros/{tilleuls.id}/tickets", tilleuls.resident, body, 422)
        assert fields(answer) == {"equipment_ids"}

    def test_equipment_of_another_condo_or_retired_is_refused(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        theirs = {"type": "incident", "title": "Panne", "description": "Quelque chose est cassé."}
        api.command("POST", f"/equipment/{tilleuls.light}/retire", tilleuls.manager)
        for equipment in (le_parc.lift, tilleuls.light):
            answer = api.command(
                "POST",
                f"/copros/{tilleuls.id}/tickets",
                tilleuls.resident,
                {**theirs, "equipment_ids": [equipment]},
                422,
            )
            assert fields(answer) == {"equipment_ids"}

    def test_a_member_of_another_condo_gets_not_found(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        body = {"type": "request", "title": "Clés", "description": "Où récupérer un badge ?"}
        answer = api.command("POST", f"/copros/{tilleuls.id}/tickets", le_parc.resident, body, 404)
        assert answer["code"] == "not_found"

    def test_an_unknown_condo_is_not_found(self, api: Api) -> None:
        body = {
            "type": "request",
            "title": "Clés",
            "description": "Où récupérer un badge ?",
            "reporter": ANONYMOUS_REPORTER,
        }
        answer = api.command("POST", f"/copros/{UUID(int=7)}/tickets", {}, body, 404)
        assert answer["code"] == "not_found"

    def test_anonymous_reports_are_limited_per_client_address(
        self, api: Api, tilleuls: Condo
    ) -> None:
        api.client.app.command_app.state.anonymous_ticket_limiter.limit = 2  # type: ignore[attr-defined]
        body = {
            "type": "request",
            "title": "Clés",
            "description": "Où récupérer un badge ?",
            "reporter": ANONYMOUS_REPORTER,
        }
        codes = [
            api.client.post(f"/api/v1/copros/{tilleuls.id}/tickets", json=body).status_code
            for _ in range(3)
        ]
        flooded = api.client.post(f"/api/v1/copros/{tilleuls.id}/tickets", json=body)
        assert codes == [201, 201, 429]
        assert flooded.status_code == 429 and int(flooded.headers["Retry-After"]) >= 1
        assert flooded.json()["code"] == "rate_limited"
        report(api, tilleuls.resident, tilleuls)  # members are not limited


# Every route only a manager may use, with a body it would accept.
MANAGER_ROUTES: dict[str, tuple[str, Any]] = {
    "assign": ("assign", {"assignee_id": str(UUID(int=2))}),
    "start": ("start", None),
    "resolve": ("resolve", {"message": "Réparé"}),
    "close": ("close", {"reason": "Doublon"}),
    "reopen": ("reopen", {"reason": "Encore en panne"}),
    "comment": ("comments", {"text": "Appeler l'ascensoriste"}),
    "reply": ("replies", {"text": "Nous nous en occupons."}),
    "convert": ("convert", {"impacts": []}),
    "link": ("link", {"incident_id": str(UUID(int=1))}),
}


class TestWhoManagesTickets:
    @pytest.mark.parametrize("route", MANAGER_ROUTES)
    def test_only_a_manager_of_the_tickets_condo_may_use_the_route(
        self, api: Api, tilleuls: Condo, le_parc: Condo, route: str
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        path, body = MANAGER_ROUTES[route]
        callers = [({}, 401), (tilleuls.resident, 403), (le_parc.manager, 404)]
        codes = [
            api.command("POST", f"/tickets/{ticket}/{path}", who, body, status)["code"]
            for who, status in callers
        ]
        assert codes == ["not_authenticated", "forbidden", "not_found"]
        assert condos_of(api).ticket(UUID(ticket)).version == 1

    def test_an_unknown_ticket_is_not_found(self, api: Api, tilleuls: Condo) -> None:
        api.command("POST", f"/tickets/{UUID(int=9)}/start", tilleuls.manager, None, 404)


class TestLifecycle:
    def test_a_ticket_goes_through_its_whole_life(self, api: Api, tilleuls: Condo) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        steps = [
            ("start", {"message": "Technicien prévenu"}),
            ("resolve", None),
            ("close", None),
            ("reopen", {"reason": "Encore bloqué"}),
            ("resolve", {"message": "Câble changé"}),
        ]
        versions = [
            api.command("POST", f"/tickets/{ticket}/{step}", tilleuls.manager, body)["version"]
            for step, body in steps
        ]
        assert versions == [2, 3, 4, 5, 6]
        assert condos_of(api).ticket(UUID(ticket)).status == "resolved"

    def test_a_move_the_lifecycle_forbids_is_a_conflict_naming_from_and_to(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        answer = api.command("POST", f"/tickets/{ticket}/resolve", tilleuls.manager, None, 409)
        assert answer["code"] == "ticket_transition_not_allowed"
        assert (answer["from"], answer["to"]) == ("analyzing", "resolved")
        api.command("POST", f"/tickets/{ticket}/start", tilleuls.manager)
        again = api.command("POST", f"/tickets/{ticket}/start", tilleuls.manager, None, 409)
        assert (again["from"], again["to"]) == ("in_progress", "in_progress")

    def test_closing_an_untouched_ticket_and_reopening_need_a_reason(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        path = f"/tickets/{ticket}"
        assert fields(api.command("POST", f"{path}/close", tilleuls.manager, None, 422)) == {
            "reason"
        }
        api.command("POST", f"{path}/close", tilleuls.manager, {"reason": "Doublon du n°12"})
        assert fields(api.command("POST", f"{path}/reopen", tilleuls.manager, {}, 422)) == {
            "reason"
        }
        api.command("POST", f"{path}/reopen", tilleuls.manager, {"reason": "Pas un doublon"})

    def test_bad_bodies_are_named(self, api: Api, tilleuls: Condo) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        path = f"/tickets/{ticket}"
        long = "x" * 2001
        start = api.command("POST", f"{path}/start", tilleuls.manager, {"message": long}, 422)
        close = api.command("POST", f"{path}/close", tilleuls.manager, {"reason": 12}, 422)
        other = api.command("POST", f"{path}/close", tilleuls.manager, {"why": "x"}, 422)
        assert (fields(start), fields(close), fields(other)) == ({"message"}, {"reason"}, {"why"})


class TestAssignCommentReply:
    def test_assigning_to_a_manager_keeps_the_status(
        self, api: Api, admin: dict[str, str], tilleuls: Condo
    ) -> None:
        deputy = appoint(api, admin, tilleuls.id, "deputy@tilleuls.fr", "manager")
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        assignee = str(account_id(api, "deputy@tilleuls.fr"))
        receipt = api.command(
            "POST", f"/tickets/{ticket}/assign", deputy, {"assignee_id": assignee}
        )
        assigned = condos_of(api).ticket(UUID(ticket))
        assert receipt["version"] == 2
        assert (assigned.assignee_id, assigned.status) == (UUID(assignee), "analyzing")

    def test_only_a_manager_of_the_condo_can_be_assigned(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        resident, foreign = (
            account_id(api, e) for e in ["resident@tilleuls.fr", "manager@parc.fr"]
        )
        for assignee in [resident, foreign, uuid4()]:
            answer = api.command(
                "POST",
                f"/tickets/{ticket}/assign",
                tilleuls.manager,
                {"assignee_id": str(assignee)},
                422,
            )
            assert fields(answer) == {"assignee_id"}
        bad = api.command(
            "POST", f"/tickets/{ticket}/assign", tilleuls.manager, {"assignee_id": "claire"}, 422
        )
        assert fields(bad) == {"assignee_id"}

    def test_comments_and_replies_are_kept_with_their_author(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        path = f"/tickets/{ticket}"
        api.command("POST", f"{path}/comments", tilleuls.manager, {"text": "Contrat Otis ?"}, 201)
        api.command("POST", f"{path}/replies", tilleuls.manager, {"text": "C'est noté."}, 201)
        followed = condos_of(api).ticket(UUID(ticket))
        manager = account_id(api, "manager@tilleuls.fr")
        assert followed.comments == [{"author_id": manager, "text": "Contrat Otis ?"}]
        assert followed.replies == [{"author_id": manager, "text": "C'est noté."}]

    def test_an_empty_missing_or_too_long_text_is_refused(self, api: Api, tilleuls: Condo) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        for path in ("comments", "replies"):
            for text in ["", "   ", "x" * 5001, None, 42]:
                answer = api.command(
                    "POST", f"/tickets/{ticket}/{path}", tilleuls.manager, {"text": text}, 422
                )
                assert fields(answer) == {"text"}, (path, text)


class TestConvert:
    def test_a_ticket_becomes_a_new_incident_carrying_what_was_reported(
        self, api: Api, admin: dict[str, str], tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        api.command(
            "POST", f"/tickets/{ticket}/comments", tilleuls.manager, {"text": "Otis ?"}, 201
        )
        deputy = appoint(api, admin, tilleuls.id, "deputy@tilleuls.fr", "manager")
        receipt = api.command("POST", f"/tickets/{ticket}/convert", deputy, {}, 201)

        assert receipt["id"] != ticket
        incident = condos_of(api).incident(UUID(receipt["id"]))
        reported = condos_of(api).ticket(UUID(ticket))
        assert (incident.title, incident.message, incident.location) == (
            "Ascenseur bloqué",
            "L'ascenseur est bloqué au 3e étage depuis ce matin.",
            "Hall A, 3e étage",
        )
        assert incident.impacts == [{"equipment_id": UUID(tilleuls.lift), "impact": "degraded"}]
        assert incident.started_at == reported.created_on
        assert incident.comments == [
            {"author_id": account_id(api, "manager@tilleuls.fr"), "text": "Otis ?"}
        ]
        assert incident.linked_ticket_ids == {UUID(ticket)}
        assert (reported.incident_id, reported.status) == (incident.id, "in_progress")

    def test_the_impacts_given_win_and_the_tickets_equipment_is_never_left_out(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        body = {
            "title": "Panne électrique hall A",
            "impacts": [{"equipment_id": tilleuls.light, "impact": "major_outage"}],
        }
        receipt = api.command("POST", f"/tickets/{ticket}/convert", tilleuls.manager, body, 201)
        incident = condos_of(api).incident(UUID(receipt["id"]))
        assert incident.title == "Panne électrique hall A"
        assert incident.impacts == [
            {"equipment_id": UUID(tilleuls.light), "impact": "major_outage"},
            {"equipment_id": UUID(tilleuls.lift), "impact": "degraded"},
        ]

    def test_a_ticket_is_converted_once(self, api: Api, tilleuls: Condo) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        api.command("POST", f"/tickets/{ticket}/convert", tilleuls.manager, {}, 201)
        again = api.command("POST", f"/tickets/{ticket}/convert", tilleuls.manager, {}, 409)
        assert again["code"] == "ticket_already_linked"

    def test_impacts_must_name_equipment_of_the_condo(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        request = report(api, tilleuls.resident, tilleuls, type="request", equipment_ids=[])["id"]
        path = f"/tickets/{request}/convert"
        nothing = api.command("POST", path, tilleuls.manager, {}, 422)
        theirs = api.command(
            "POST",
            path,
            tilleuls.manager,
            {"impacts": [{"equipment_id": le_parc.lift, "impact": "degraded"}]},
            422,
        )
        unknown = api.command(
            "POST",
            path,
            tilleuls.manager,
            {"impacts": [{"equipment_id": tilleuls.lift, "impact": "broken"}]},
            422,
        )
        assert (fields(nothing), fields(theirs), fields(unknown)) == (
            {"impacts"},
            {"impacts"},
            {"impacts.0.impact"},
        )
        assert condos_of(api).ticket(UUID(request)).incident_id is None


class TestLink:
    def test_a_ticket_joins_an_incident_and_is_in_progress(self, api: Api, tilleuls: Condo) -> None:
        incident = open_incident(api, tilleuls)["id"]
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        receipt = api.command(
            "POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident}
        )
        linked = condos_of(api).ticket(UUID(ticket))
        assert (receipt["id"], receipt["version"]) == (ticket, linked.version)
        assert (linked.incident_id, linked.status) == (UUID(incident), "in_progress")
        assert condos_of(api).incident(UUID(incident)).linked_ticket_ids == {UUID(ticket)}

    def test_a_ticket_links_to_one_incident_only(self, api: Api, tilleuls: Condo) -> None:
        first, second = open_incident(api, tilleuls)["id"], open_incident(api, tilleuls)["id"]
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        path = f"/tickets/{ticket}"
        api.command("POST", f"{path}/link", tilleuls.manager, {"incident_id": first})
        linked = api.command("POST", f"{path}/link", tilleuls.manager, {"incident_id": second}, 409)
        converted = api.command("POST", f"{path}/convert", tilleuls.manager, {}, 409)
        assert linked["code"] == converted["code"] == "ticket_already_linked"
        assert condos_of(api).incident(UUID(second)).linked_ticket_ids == set()

    def test_an_incident_of_another_condo_or_unknown_is_refused(
        self, api: Api, admin: dict[str, str], tilleuls: Condo, le_parc: Condo
    ) -> None:
        theirs = open_incident(api, le_parc)["id"]
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        for incident in (theirs, str(UUID(int=3)), ticket):
            answer = api.command(
                "POST", f"/tickets/{ticket}/link", admin, {"incident_id": incident}, 422
            )
            assert fields(answer) == {"incident_id"}

    def test_a_closed_incident_takes_no_more_tickets(self, api: Api, tilleuls: Condo) -> None:
        incident = open_incident(api, tilleuls)["id"]
        for status in ("resolved", "closed"):
            api.command(
                "POST",
                f"/incidents/{incident}/updates",
                tilleuls.manager,
                {"message": status, "status": status},
            )
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        answer = api.command(
            "POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident}, 409
        )
        assert answer["code"] == "incident_closed"
        assert condos_of(api).ticket(UUID(ticket)).status == "analyzing"

    def test_a_ticket_joining_a_resolved_incident_is_resolved_with_it(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls, title="Ascenseur 1")["id"]
        api.command(
            "POST",
            f"/incidents/{incident}/updates",
            tilleuls.manager,
            {"message": "Réparé", "status": "resolved"},
        )
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        api.command("POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident})
        events: list[Any] = list(condos_of(api).repository.event_store.get(UUID(ticket)))
        assert [type(e).__name__ for e in events] == [
            "Reported",
            "LinkedToIncident",
            "Started",
            "Resolved",
        ]
        assert events[-1].message == "L’incident « Ascenseur 1 » est résolu."

    def test_ten_residents_reporting_one_broken_lift_are_ten_tickets_on_one_incident(
        self, api: Api, tilleuls: Condo
    ) -> None:
        incident = open_incident(api, tilleuls)["id"]
        for n in range(10):
            neighbour = appoint(api, tilleuls.manager, tilleuls.id, f"n{n}@tilleuls.fr", "resident")
            ticket = report(api, neighbour, tilleuls)["id"]
            api.command(
                "POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident}
            )
        linked = condos_of(api).incident(UUID(incident)).linked_ticket_ids
        assert len(linked) == 10
        reporters = {condos_of(api).ticket(t).reporter_id for t in linked}
        assert reporters == {account_id(api, f"n{n}@tilleuls.fr") for n in range(10)}
