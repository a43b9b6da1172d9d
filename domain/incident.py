"""What the condo publishes when something is broken: an incident, its impacts and timeline.

Each impact names a piece of equipment and how badly the incident hits it; the status shown for
that equipment follows from the open incidents that name it. Every status change is a public
timeline update with a message, and an update may also say something without changing status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate, one_of
from domain.errors import InvalidValue, RuleBroken
from domain.ticket import Note


class Impact(StrEnum):
    DEGRADED = "degraded"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"
    MAINTENANCE = "maintenance"


class IncidentStatus(StrEnum):
    INVESTIGATING = "investigating"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


INVESTIGATING, IN_PROGRESS, RESOLVED, CLOSED = IncidentStatus


class ImpactOn(TypedDict):
    equipment_id: UUID
    impact: str


# Where an incident may go from each status; closed is final.
TRANSITIONS: dict[IncidentStatus, frozenset[IncidentStatus]] = {
    INVESTIGATING: frozenset({IN_PROGRESS, RESOLVED}),
    IN_PROGRESS: frozenset({INVESTIGATING, RESOLVED}),
    RESOLVED: frozenset({IN_PROGRESS, CLOSED}),
    CLOSED: frozenset(),
}

# A started_at this far ahead of our clock is the caller's clock running fast, not the future.
CLOCK_SKEW = timedelta(seconds=60)


class Incident(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Opened: ClassVar[type[Any]]
        UpdatePosted: ClassVar[type[Any]]
        Edited: ClassVar[type[Any]]
        ImpactsChanged: ClassVar[type[Any]]
        Commented: ClassVar[type[Any]]
        TicketLinked: ClassVar[type[Any]]

    @event("Opened")
    def __init__(
        self,
        copro_id: UUID,
        title: str,
        message: str,
        started_at: datetime,
        impacts: list[ImpactOn],
        location: str | None = None,
    ) -> None:
        self.impacts = impacts_of(impacts, "impacts")
        self.copro_id = copro_id
        self.title = title
        self.message = message
        self.started_at = started_at
        self.location = location
        self.status = INVESTIGATING.value
        self.resolved_at: datetime | None = None
        self.linked_ticket_ids: set[UUID] = set()
        self.comments: list[Note] = []

    @event("UpdatePosted")
    def post_update(
        self, message: str, status: str | None = None, timestamp: datetime | None = None
    ) -> None:
        """A public timeline entry, changing the status when one is given. `timestamp` is the
        event's own (the library hands it over): resolving records it as `resolved_at`."""
        if status is None:
            self.check_not_closed()
            return
        to = one_of(IncidentStatus, status, "status")
        if to not in TRANSITIONS[IncidentStatus(self.status)]:
            raise IncidentTransitionNotAllowed(
                f"an incident cannot go from {self.status} to {to}",
                **{"from": self.status, "to": to},
            )
        if to == RESOLVED:
            self.resolved_at = timestamp
        elif self.status == RESOLVED and to == IN_PROGRESS:
            self.resolved_at = None
        self.status = to

    @event("Edited")
    def edit(self, changes: dict[str, object]) -> None:
        """Changes the title, message or location; `changes` holds only what differs."""
        self.check_not_closed()
        for name, value in changes.items():
            setattr(self, name, value)

    @event("ImpactsChanged")
    def change_impacts(self, impacts: list[ImpactOn]) -> None:
        self.check_not_closed()
        self.impacts = impacts_of(impacts, "impacts")

    @event("Commented")
    def comment(self, author_id: UUID, text: str) -> None:
        """An internal note between managers, kept even once the incident is closed."""
        self.comments.append({"author_id": author_id, "text": text})

    @event("TicketLinked")
    def link_ticket(self, ticket_id: UUID) -> None:
        """One more report of this incident: the status page says how many residents."""
        self.check_not_closed()
        self.linked_ticket_ids.add(ticket_id)

    def check_not_closed(self) -> None:
        if self.status == CLOSED:
            raise IncidentClosed("this incident is closed")


EDITABLE_FIELDS = ("title", "message", "location", "impacts")


def impacts_of(impacts: Iterable[Mapping[str, object]], field: str) -> list[ImpactOn]:
    """Impacts in their recorded form, each piece of equipment named once."""
    recorded: list[ImpactOn] = []
    for impact in impacts:
        equipment_id = UUID(str(impact["equipment_id"]))
        if any(r["equipment_id"] == equipment_id for r in recorded):
            raise InvalidValue(field, f"equipment {equipment_id} is named twice")
        level = one_of(Impact, str(impact["impact"]), field)
        recorded.append({"equipment_id": equipment_id, "impact": level})
    if not recorded:
        raise InvalidValue(field, "name at least one affected equipment")
    return recorded


def check_started_at(started_at: datetime, now: datetime) -> None:
    """An incident may be back-dated, never dated in the future."""
    if started_at > now + CLOCK_SKEW:
        raise InvalidValue("started_at", "cannot be in the future")


class IncidentTransitionNotAllowed(RuleBroken):
    code = "incident_transition_not_allowed"


class IncidentClosed(RuleBroken):
    code = "incident_closed"
