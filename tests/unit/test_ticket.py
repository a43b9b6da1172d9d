"""A ticket: what it records of a report, its lifecycle, its follow-up and its incident."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any, cast
from uuid import UUID, uuid4

import pytest

from domain.errors import InvalidValue
from domain.ticket import (
    Ticket,
    TicketAlreadyLinked,
    TicketStatus,
    TicketTransitionNotAllowed,
    french_phone,
    incident_resolved_reply,
)

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event

LIFT = UUID("00000000-0000-4000-8000-0000000000a1")
REPORTER = UUID("00000000-0000-4000-8000-00000000beef")


def new_ticket(**overrides: Any) -> Ticket:
    fields: dict[str, Any] = {
        "copro_id": COPRO_ID,
        "type": "incident",
        "title": "Ascenseur bloqué",
        "description": "L'ascenseur A est bloqué au 3e étage depuis ce matin.",
        "location": "Hall A",
        "equipment_ids": [LIFT],
        "reporter_id": REPORTER,
        "reporter_kind": "resident",
    }
    with as_manager():
        return Ticket(**(fields | overrides))


# How to bring a fresh ticket to each status, through allowed moves only.
PATHS: dict[str, list[Callable[[Ticket], None]]] = {
    "analyzing": [],
    "in_progress": [lambda t: t.start()],
    "resolved": [lambda t: t.start(), lambda t: t.resolve(message="Réparé")],
    "closed": [lambda t: t.close(reason="Doublon du ticket d'hier")],
}


def ticket_in(status: str) -> Ticket:
    ticket = new_ticket()
    with as_manager():
        for step in PATHS[status]:
            step(ticket)
    assert ticket.status == status
    return ticket


# Each move of the lifecycle with the reason it needs at most, and where it leads.
MOVES: dict[str, tuple[Callable[[Ticket], None], str]] = {
    "start": (lambda t: t.start(message="On s'en occupe"), "in_progress"),
    "resolve": (lambda t: t.resolve(message="Réparé"), "resolved"),
    "close": (lambda t: t.close(reason="Pas de suite à donner"), "closed"),
    "reopen": (lambda t: t.reopen(reason="Toujours en panne"), "in_progress"),
}

# PRODUCT.md's lifecycle, written out: (from, move) pairs it allows.
ALLOWED = {
    ("analyzing", "start"),
    ("in_progress", "resolve"),
    ("resolved", "close"),
    ("analyzing", "close"),
    ("resolved", "reopen"),
    ("closed", "reopen"),
}

STATUSES = [s.value for s in TicketStatus]
EVERY_MOVE = [(status, move) for status in STATUSES for move in MOVES]


class TestReport:
    def test_records_a_ticket_being_analyzed_by_nobody_and_linked_to_nothing(self) -> None:
        ticket = new_ticket(location=None)
        assert (ticket.copro_id, ticket.type, ticket.title) == (
            COPRO_ID,
            "incident",
            "Ascenseur bloqué",
        )
        assert (ticket.location, ticket.equipment_ids) == (None, [LIFT])
        assert (ticket.reporter_id, ticket.reporter_kind) == (REPORTER, "resident")
        assert ticket.status == "analyzing"
        assert (ticket.assignee_id, ticket.incident_id) == (None, None)
        assert (ticket.comments, ticket.replies) == ([], [])

    def test_the_reported_event_names_the_reporter_by_id_only(self) -> None:
        event = last_event(new_ticket(reporter_kind="anonymous"))
        assert type(event).__name__ == "Reported"
        assert (event.reporter_id, event.reporter_kind) == (REPORTER, "anonymous")
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)
        assert not {"name", "email", "phone", "reporter"} & set(vars(event))

    def test_a_request_may_name_no_equipment(self) -> None:
        assert new_ticket(type="request", equipment_ids=[]).equipment_ids == []

    def test_a_broken_thing_names_at_least_one_equipment(self) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_ticket(type="incident", equipment_ids=[])
        assert refused.value.field == "equipment_ids"

    @pytest.mark.parametrize(("field", "value"), [("type", "bug"), ("reporter_kind", "robot")])
    def test_refuses_an_unknown_kind_naming_its_field(self, field: str, value: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_ticket(**{field: value})
        assert refused.value.field == field


class TestLifecycle:
    @pytest.mark.parametrize(("status", "move"), sorted(ALLOWED))
    def test_an_allowed_move_leads_to_its_status_and_is_recorded(
        self, status: str, move: str
    ) -> None:
        ticket = ticket_in(status)
        run, to = MOVES[move]
        with as_manager():
            run(ticket)
        assert ticket.status == to
        assert (
            type(last_event(ticket)).__name__
            == {
                "start": "Started",
                "resolve": "Resolved",
                "close": "Closed",
                "reopen": "Reopened",
            }[move]
        )

    @pytest.mark.parametrize(
        ("status", "move"), [pair for pair in EVERY_MOVE if pair not in ALLOWED]
    )
    def test_every_other_move_is_refused_naming_from_and_to_and_changes_nothing(
        self, status: str, move: str
    ) -> None:
        ticket = ticket_in(status)
        before, events = deepcopy(vars(ticket)), event_names(ticket)
        run, to = MOVES[move]
        with as_manager(), pytest.raises(TicketTransitionNotAllowed) as refused:
            run(ticket)
        assert refused.value.code == "ticket_transition_not_allowed"
        assert refused.value.details == {"from": status, "to": to}
        assert f"{status} → {to}" in refused.value.message
        assert vars(ticket) == before
        assert event_names(ticket) == events

    def test_the_statuses_one_move_apart_are_exactly_those_of_the_product(self) -> None:
        reachable = {(status, MOVES[move][1]) for status, move in ALLOWED}
        assert reachable == {
            ("analyzing", "in_progress"),
            ("in_progress", "resolved"),
            ("resolved", "closed"),
            ("analyzing", "closed"),
            ("resolved", "in_progress"),
            ("closed", "in_progress"),
        }

    @pytest.mark.parametrize("reason", [None, "", "   "])
    def test_closing_a_ticket_nobody_worked_on_needs_a_reason(self, reason: str | None) -> None:
        ticket = ticket_in("analyzing")
        with as_manager(), pytest.raises(InvalidValue) as refused:
            ticket.close(reason=reason)
        assert refused.value.field == "reason"
        assert ticket.status == "analyzing"

    def test_closing_a_resolved_ticket_needs_no_reason(self) -> None:
        ticket = ticket_in("resolved")
        with as_manager():
            ticket.close()
        assert ticket.status == "closed"
        assert last_event(ticket).reason is None

    @pytest.mark.parametrize("status", ["resolved", "closed"])
    @pytest.mark.parametrize("reason", [None, " "])
    def test_reopening_needs_a_reason(self, status: str, reason: str | None) -> None:
        ticket = ticket_in(status)
        with as_manager(), pytest.raises(InvalidValue) as refused:
            ticket.reopen(reason=reason)
        assert refused.value.field == "reason"
        assert ticket.status == status

    def test_the_message_and_reason_of_each_move_are_recorded(self) -> None:
        ticket = new_ticket()
        with as_manager():
            ticket.start(message="Technicien prévenu")
            ticket.resolve(message="Câble remplacé")
            ticket.reopen(reason="Encore bloqué ce soir")
        started, resolved, reopened = cast(list[Any], ticket.collect_events()[1:])
        assert started.message == "Technicien prévenu"
        assert resolved.message == "Câble remplacé"
        assert reopened.reason == "Encore bloqué ce soir"


class TestFollowUp:
    @pytest.mark.parametrize("status", STATUSES)
    def test_assigning_keeps_the_status(self, status: str) -> None:
        ticket, manager = ticket_in(status), uuid4()
        with as_manager():
            ticket.assign(assignee_id=manager)
        assert (ticket.assignee_id, ticket.status) == (manager, status)
        assert type(last_event(ticket)).__name__ == "Assigned"

    def test_comments_and_replies_keep_their_author_apart(self) -> None:
        ticket, claire, ines = new_ticket(), uuid4(), uuid4()
        with as_manager():
            ticket.comment(author_id=claire, text="Appeler Otis")
            ticket.reply(author_id=ines, text="Nous avons prévenu l'ascensoriste.")
        assert ticket.comments == [{"author_id": claire, "text": "Appeler Otis"}]
        assert ticket.replies == [{"author_id": ines, "text": "Nous avons prévenu l'ascensoriste."}]
        assert event_names(ticket)[-2:] == ["Commented", "Replied"]


class TestLink:
    @pytest.mark.parametrize("status", STATUSES)
    def test_links_the_ticket_to_one_incident_without_changing_its_status(
        self, status: str
    ) -> None:
        ticket, incident_id = ticket_in(status), uuid4()
        with as_manager():
            ticket.link(incident_id=incident_id)
        assert (ticket.incident_id, ticket.status) == (incident_id, status)
        assert type(last_event(ticket)).__name__ == "LinkedToIncident"

    def test_a_second_incident_is_refused(self) -> None:
        ticket, first = new_ticket(), uuid4()
        with as_manager():
            ticket.link(incident_id=first)
            with pytest.raises(TicketAlreadyLinked) as refused:
                ticket.link(incident_id=uuid4())
        assert refused.value.code == "ticket_already_linked"
        assert ticket.incident_id == first
        assert event_names(ticket) == ["Reported", "LinkedToIncident"]

    def test_the_reply_of_a_resolved_incident_names_it_in_french(self) -> None:
        assert incident_resolved_reply("Ascenseur A") == "L’incident « Ascenseur A » est résolu."


class TestFrenchPhone:
    @pytest.mark.parametrize(
        ("given", "stored"),
        [
            ("0612345678", "+33612345678"),
            ("06 12 34 56 78", "+33612345678"),
            ("06.12.34.56.78", "+33612345678"),
            ("01-23-45-67-89", "+33123456789"),
            (" 09 87-65.43 21 ", "+33987654321"),
            ("+33612345678", "+33612345678"),
            ("+33 6 12 34 56 78", "+33612345678"),
        ],
    )
    def test_accepts_both_forms_and_stores_one(self, given: str, stored: str) -> None:
        assert french_phone(given) == stored

    @pytest.mark.parametrize(
        "given",
        [
            "0012345678",  # 0 then 0
            "061234567",  # one digit short
            "06123456789",  # one digit too many
            "+330612345678",  # +33 then 0
            "+3361234567",
            "+44 7911 123456",
            "06/12/34/56/78",
            "06 12 34 56 7a",
            "",
        ],
    )
    def test_refuses_anything_else_naming_the_phone_field(self, given: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            french_phone(given)
        assert refused.value.field == "reporter.phone"
