"""Any history of a ticket or an incident replays to the state it produced, through JSON too,
and the moves its lifecycle refuses leave no trace."""

from __future__ import annotations

from copy import deepcopy
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Actor, acting_as
from domain.errors import RuleBroken
from domain.incident import Impact, Incident, IncidentStatus
from domain.ticket import Ticket, TicketAlreadyLinked, TicketTransitionNotAllowed

from .builders import rebuild, stamps
from .test_events_roundtrip import through_json

PROPERTY = settings(max_examples=60, deadline=None)

EQUIPMENT_POOL = [UUID(int=n) for n in range(1, 5)]
TICKET_POOL = [UUID(int=n) for n in range(100, 106)]

actors = st.builds(
    Actor, id=st.sampled_from(["system", "anonymous", "manager-1"]), request_id=st.uuids().map(str)
)
texts = st.text(min_size=1, max_size=40)
reasons = texts.filter(str.strip)
optional_texts = st.none() | texts


def state(aggregate: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(aggregate).items() if k != "_pending_events"}


# -- tickets ---------------------------------------------------------------------------------

# The lifecycle as PRODUCT.md draws it: the moves each status allows, and where they lead.
TICKET_MOVES = {
    "analyzing": {"start": "in_progress", "close": "closed"},
    "in_progress": {"resolve": "resolved"},
    "resolved": {"close": "closed", "reopen": "in_progress"},
    "closed": {"reopen": "in_progress"},
}

TICKET_ARGUMENTS: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "assign": st.fixed_dictionaries({"assignee_id": st.uuids()}),
    "comment": st.fixed_dictionaries({"author_id": st.uuids(), "text": texts}),
    "reply": st.fixed_dictionaries({"author_id": st.uuids(), "text": texts}),
    "link": st.fixed_dictionaries({"incident_id": st.uuids()}),
    "start": st.fixed_dictionaries({"message": optional_texts}),
    "resolve": st.fixed_dictionaries({"message": optional_texts}),
    "close": st.fixed_dictionaries({"reason": reasons}),
    "reopen": st.fixed_dictionaries({"reason": reasons}),
}


@st.composite
def ticket_reports(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["incident", "request"]))
    return {
        "copro_id": draw(st.uuids()),
        "type": kind,
        "title": draw(texts),
        "description": draw(texts),
        "location": draw(optional_texts),
        "equipment_ids": draw(
            st.lists(
                st.sampled_from(EQUIPMENT_POOL),
                min_size=1 if kind == "incident" else 0,
                max_size=3,
                unique=True,
            )
        ),
        "reporter_id": draw(st.uuids()),
        "reporter_kind": draw(st.sampled_from(["resident", "anonymous"])),
    }


def ticket_commands(status: str, linked: bool) -> list[str]:
    return ["assign", "comment", "reply", *([] if linked else ["link"]), *TICKET_MOVES[status]]


class TestTicketReplay:
    @PROPERTY
    @given(report=ticket_reports(), data=st.data(), actor=actors)
    def test_rebuilt_from_its_events_alone_it_is_the_same_ticket(
        self, report: dict[str, Any], data: st.DataObject, actor: Actor
    ) -> None:
        status, linked, steps = "analyzing", False, data.draw(st.integers(0, 15))
        with acting_as(actor):
            ticket = Ticket(**report)
            for _ in range(steps):
                name = data.draw(st.sampled_from(ticket_commands(status, linked)))
                getattr(ticket, name)(**data.draw(TICKET_ARGUMENTS[name]))
                status = TICKET_MOVES[status].get(name, status)
                linked = linked or name == "link"
        events = ticket.collect_events()

        assert (ticket.status, ticket.incident_id is not None) == (status, linked)
        assert len(events) == ticket.version == 1 + steps
        assert set(stamps(events)) == {(actor.id, actor.request_id)}
        assert rebuild(events) == ticket
        assert rebuild(through_json(events)) == ticket

    @PROPERTY
    @given(report=ticket_reports(), data=st.data())
    def test_a_refused_move_leaves_no_event_and_no_change(
        self, report: dict[str, Any], data: st.DataObject
    ) -> None:
        status, linked = "analyzing", False
        with acting_as(Actor.system()):
            ticket = Ticket(**report)
            for _ in range(data.draw(st.integers(1, 12))):
                name = data.draw(st.sampled_from(list(TICKET_ARGUMENTS)))
                kwargs = data.draw(TICKET_ARGUMENTS[name])
                if name in ticket_commands(status, linked):
                    getattr(ticket, name)(**kwargs)
                    status = TICKET_MOVES[status].get(name, status)
                    linked = linked or name == "link"
                    continue
                before = deepcopy(state(ticket))
                with pytest.raises((TicketTransitionNotAllowed, TicketAlreadyLinked)):
                    getattr(ticket, name)(**kwargs)
                assert state(ticket) == before
        events = ticket.collect_events()

        assert len(events) == ticket.version
        assert rebuild(events) == ticket


# -- incidents -------------------------------------------------------------------------------

INCIDENT_TRANSITIONS = {
    "investigating": {"in_progress", "resolved"},
    "in_progress": {"investigating", "resolved"},
    "resolved": {"in_progress", "closed"},
    "closed": set(),
}

impacts = st.lists(st.sampled_from(EQUIPMENT_POOL), min_size=1, max_size=4, unique=True).flatmap(
    lambda ids: st.lists(
        st.sampled_from([i.value for i in Impact]), min_size=len(ids), max_size=len(ids)
    ).map(
        lambda levels: [
            {"equipment_id": i, "impact": level} for i, level in zip(ids, levels, strict=True)
        ]
    )
)

incident_changes = st.fixed_dictionaries(
    {}, optional={"title": texts, "message": texts, "location": optional_texts}
).filter(bool)


@st.composite
def incident_openings(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "copro_id": draw(st.uuids()),
        "title": draw(texts),
        "message": draw(texts),
        "started_at": draw(
            st.datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1), timezones=st.just(UTC))
        ),
        "impacts": draw(impacts),
        "location": draw(optional_texts),
    }


def incident_command(status: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    comment = st.tuples(
        st.just("comment"), st.fixed_dictionaries({"author_id": st.uuids(), "text": texts})
    )
    if status == "closed":
        return comment
    change = st.tuples(
        st.just("post_update"),
        st.fixed_dictionaries(
            {"message": texts, "status": st.sampled_from(sorted(INCIDENT_TRANSITIONS[status]))}
        ),
    )
    return st.one_of(
        comment,
        # Status changes are drawn as often as all the rest, so that histories travel far.
        *[change] * 5,
        st.tuples(st.just("post_update"), st.fixed_dictionaries({"message": texts})),
        st.tuples(st.just("edit"), st.fixed_dictionaries({"changes": incident_changes})),
        st.tuples(st.just("change_impacts"), st.fixed_dictionaries({"impacts": impacts})),
        st.tuples(
            st.just("link_ticket"),
            st.fixed_dictionaries({"ticket_id": st.sampled_from(TICKET_POOL)}),
        ),
    )


class TestIncidentReplay:
    @PROPERTY
    @given(opening=incident_openings(), data=st.data(), actor=actors)
    def test_rebuilt_from_its_events_alone_it_is_the_same_incident(
        self, opening: dict[str, Any], data: st.DataObject, actor: Actor
    ) -> None:
        status, linked = "investigating", set[UUID]()
        steps = data.draw(st.integers(0, 15))
        with acting_as(actor):
            incident = Incident(**opening)
            for _ in range(steps):
                name, kwargs = data.draw(incident_command(status))
                getattr(incident, name)(**kwargs)
                if name == "post_update" and "status" in kwargs:
                    status = kwargs["status"]
                elif name == "link_ticket":
                    linked.add(kwargs["ticket_id"])
        events = incident.collect_events()

        assert (incident.status, incident.linked_ticket_ids) == (status, linked)
        assert (incident.resolved_at is not None) == (status in {"resolved", "closed"})
        assert len(events) == incident.version == 1 + steps
        assert set(stamps(events)) == {(actor.id, actor.request_id)}
        assert rebuild(events) == incident
        assert rebuild(through_json(events)) == incident

    @PROPERTY
    @given(opening=incident_openings(), data=st.data())
    def test_replaying_part_of_the_history_shows_the_incident_as_it_was_then(
        self, opening: dict[str, Any], data: st.DataObject
    ) -> None:
        with acting_as(Actor.system()):
            incident = Incident(**opening)
            states = [deepcopy(state(incident))]
            for _ in range(data.draw(st.integers(1, 10))):
                name, kwargs = data.draw(incident_command(incident.status))
                getattr(incident, name)(**kwargs)
                states.append(deepcopy(state(incident)))
        events = incident.collect_events()

        for instant, then in enumerate(states):
            assert state(rebuild(events[: instant + 1])) == then

    @PROPERTY
    @given(opening=incident_openings(), data=st.data())
    def test_a_refused_status_change_leaves_no_event_and_no_change(
        self, opening: dict[str, Any], data: st.DataObject
    ) -> None:
        with acting_as(Actor.system()):
            incident = Incident(**opening)
            for _ in range(data.draw(st.integers(0, 8))):
                name, kwargs = data.draw(incident_command(incident.status))
                getattr(incident, name)(**kwargs)
            refused = sorted(
                {s.value for s in IncidentStatus} - INCIDENT_TRANSITIONS[incident.status]
            )
            attempt = data.draw(st.sampled_from(refused))
            incident.collect_events()
            before = deepcopy(state(incident))
            with pytest.raises(RuleBroken) as error:
                incident.post_update(message="?", status=attempt)

        assert error.value.code == "incident_transition_not_allowed"
        assert state(incident) == before
        assert incident.pending_events == []
