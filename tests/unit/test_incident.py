"""An incident: its impacts, its status and public timeline, its edits and linked tickets."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.errors import InvalidValue
from domain.incident import (
    Impact,
    Incident,
    IncidentClosed,
    IncidentStatus,
    IncidentTransitionNotAllowed,
    check_started_at,
)

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event

LIFT = UUID("00000000-0000-4000-8000-0000000000a1")
LIGHT = UUID("00000000-0000-4000-8000-0000000000a2")
STARTED = datetime(2025, 3, 14, 7, 30, tzinfo=UTC)


def new_incident(**overrides: Any) -> Incident:
    fields: dict[str, Any] = {
        "copro_id": COPRO_ID,
        "title": "Ascenseur A en panne",
        "message": "L'ascenseur est bloqué, l'ascensoriste est prévenu.",
        "started_at": STARTED,
        "impacts": [{"equipment_id": LIFT, "impact": "major_outage"}],
        "location": None,
    }
    with as_manager():
        return Incident(**(fields | overrides))


# How to bring a fresh incident to each status, through allowed transitions only.
PATHS: dict[str, list[str]] = {
    "investigating": [],
    "in_progress": ["in_progress"],
    "resolved": ["resolved"],
    "closed": ["resolved", "closed"],
}


def incident_in(status: str) -> Incident:
    incident = new_incident()
    with as_manager():
        for step in PATHS[status]:
            incident.post_update(message=f"→ {step}", status=step)
    assert incident.status == status
    return incident


# PRODUCT.md's table, written out.
ALLOWED = {
    ("investigating", "in_progress"),
    ("investigating", "resolved"),
    ("in_progress", "investigating"),
    ("in_progress", "resolved"),
    ("resolved", "in_progress"),
    ("resolved", "closed"),
}
STATUSES = [s.value for s in IncidentStatus]
EVERY_PAIR = [(start, to) for start in STATUSES for to in STATUSES]


class TestOpen:
    def test_records_an_incident_under_investigation(self) -> None:
        incident = new_incident(location="Hall A")
        assert (incident.copro_id, incident.title, incident.started_at) == (
            COPRO_ID,
            "Ascenseur A en panne",
            STARTED,
        )
        assert incident.impacts == [{"equipment_id": LIFT, "impact": "major_outage"}]
        assert (incident.status, incident.resolved_at, incident.location) == (
            "investigating",
            None,
            "Hall A",
        )
        assert (incident.linked_ticket_ids, incident.comments) == (set(), [])
        event = last_event(incident)
        assert type(event).__name__ == "Opened"
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)

    def test_keeps_plain_impact_values(self) -> None:
        incident = new_incident(impacts=[{"equipment_id": LIFT, "impact": Impact.DEGRADED}])
        assert type(incident.impacts[0]["impact"]) is str

    @pytest.mark.parametrize(
        "impacts",
        [
            [],
            [{"equipment_id": LIFT, "impact": "broken"}],
            [{"equipment_id": LIFT, "impact": "operational"}],
            [
                {"equipment_id": LIFT, "impact": "degraded"},
                {"equipment_id": LIFT, "impact": "major_outage"},
            ],
        ],
        ids=["none", "unknown impact", "operational is no impact", "same equipment twice"],
    )
    def test_refuses_bad_impacts_naming_the_impacts_field(
        self, impacts: list[dict[str, Any]]
    ) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_incident(impacts=impacts)
        assert refused.value.field == "impacts"


class TestStartedAt:
    NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)

    @pytest.mark.parametrize(
        "offset", [timedelta(days=-400), timedelta(0), timedelta(seconds=60)], ids=str
    )
    def test_may_be_back_dated_or_a_minute_ahead_of_our_clock(self, offset: timedelta) -> None:
        check_started_at(self.NOW + offset, self.NOW)

    @pytest.mark.parametrize(
        "offset", [timedelta(seconds=61), timedelta(hours=2), timedelta(days=1)], ids=str
    )
    def test_is_never_in_the_future(self, offset: timedelta) -> None:
        with pytest.raises(InvalidValue) as refused:
            check_started_at(self.NOW + offset, self.NOW)
        assert refused.value.field == "started_at"


class TestStatus:
    @pytest.mark.parametrize(("start", "to"), sorted(ALLOWED))
    def test_an_allowed_change_is_a_timeline_update(self, start: str, to: str) -> None:
        incident = incident_in(start)
        with as_manager():
            incident.post_update(message="Point de situation", status=to)
        assert incident.status == to
        event = last_event(incident)
        assert type(event).__name__ == "UpdatePosted"
        assert (event.message, event.status) == ("Point de situation", to)

    @pytest.mark.parametrize(("start", "to"), [p for p in EVERY_PAIR if p not in ALLOWED])
    def test_every_other_change_is_refused_naming_from_and_to_and_changes_nothing(
        self, start: str, to: str
    ) -> None:
        incident = incident_in(start)
        before, events = deepcopy(vars(incident)), event_names(incident)
        with as_manager(), pytest.raises(IncidentTransitionNotAllowed) as refused:
            incident.post_update(message="?", status=to)
        assert refused.value.code == "incident_transition_not_allowed"
        assert refused.value.details == {"from": start, "to": to}
        assert vars(incident) == before
        assert event_names(incident) == events

    def test_refuses_an_unknown_status_naming_the_status_field(self) -> None:
        incident = new_incident()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            incident.post_update(message="?", status="fixed")
        assert refused.value.field == "status"

    @pytest.mark.parametrize("status", ["investigating", "in_progress", "resolved"])
    def test_an_update_without_status_keeps_the_status(self, status: str) -> None:
        incident = incident_in(status)
        with as_manager():
            incident.post_update(message="Pièce commandée")
        assert incident.status == status
        assert (last_event(incident).message, last_event(incident).status) == (
            "Pièce commandée",
            None,
        )

    def test_resolving_records_when_as_the_events_own_time(self) -> None:
        incident = incident_in("in_progress")
        with as_manager():
            incident.post_update(message="Réparé", status="resolved")
        assert incident.resolved_at == last_event(incident).timestamp
        assert incident.resolved_at is not None and incident.resolved_at.tzinfo is not None

    def test_reopening_clears_resolved_at_and_closing_keeps_it(self) -> None:
        reopened, closed = incident_in("resolved"), incident_in("resolved")
        resolved_at = closed.resolved_at
        with as_manager():
            reopened.post_update(message="Rebloqué", status="in_progress")
            closed.post_update(message="Clos", status="closed")
        assert reopened.resolved_at is None
        assert closed.resolved_at == resolved_at is not None

    def test_resolving_again_records_the_new_time(self) -> None:
        incident = incident_in("resolved")
        with as_manager():
            incident.post_update(message="Rebloqué", status="in_progress")
            incident.post_update(message="Réparé", status="resolved")
        assert incident.resolved_at == last_event(incident).timestamp


CLOSED_REFUSES: dict[str, Callable[[Incident], None]] = {
    "update": lambda i: i.post_update(message="Encore un mot"),
    "edit": lambda i: i.edit(changes={"title": "Autre"}),
    "change_impacts": lambda i: i.change_impacts(
        impacts=[{"equipment_id": LIFT, "impact": "degraded"}]
    ),
    "link_ticket": lambda i: i.link_ticket(ticket_id=uuid4()),
}


class TestEdits:
    def test_edits_title_message_and_location(self) -> None:
        incident = new_incident()
        with as_manager():
            incident.edit(changes={"title": "Ascenseur A arrêté", "location": "Hall"})
        assert (incident.title, incident.location) == ("Ascenseur A arrêté", "Hall")
        assert last_event(incident).changes == {"title": "Ascenseur A arrêté", "location": "Hall"}

    def test_replaces_the_impacts(self) -> None:
        incident = new_incident()
        impacts: list[Any] = [
            {"equipment_id": LIFT, "impact": "partial_outage"},
            {"equipment_id": LIGHT, "impact": "degraded"},
        ]
        with as_manager():
            incident.change_impacts(impacts=impacts)
        assert incident.impacts == impacts
        assert type(last_event(incident)).__name__ == "ImpactsChanged"

    def test_new_impacts_are_checked_like_the_first(self) -> None:
        incident = new_incident()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            incident.change_impacts(impacts=[])
        assert refused.value.field == "impacts"
        assert incident.impacts == [{"equipment_id": LIFT, "impact": "major_outage"}]

    @pytest.mark.parametrize("command", CLOSED_REFUSES)
    def test_a_closed_incident_refuses_changes(self, command: str) -> None:
        incident = incident_in("closed")
        before = deepcopy(vars(incident))
        with as_manager(), pytest.raises(IncidentClosed) as refused:
            CLOSED_REFUSES[command](incident)
        assert refused.value.code == "incident_closed"
        assert vars(incident) == before

    def test_a_closed_incident_still_takes_internal_comments(self) -> None:
        incident, author = incident_in("closed"), uuid4()
        with as_manager():
            incident.comment(author_id=author, text="Retour d'expérience : câble usé")
        assert incident.comments == [
            {"author_id": author, "text": "Retour d'expérience : câble usé"}
        ]


class TestLinkedTickets:
    def test_counts_each_ticket_once(self) -> None:
        incident, tickets = new_incident(), [uuid4() for _ in range(10)]
        with as_manager():
            for ticket_id in [*tickets, tickets[0]]:
                incident.link_ticket(ticket_id=ticket_id)
        assert incident.linked_ticket_ids == set(tickets)
        assert event_names(incident).count("TicketLinked") == 11
