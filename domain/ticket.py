"""What a resident (or anyone with the condo's QR code) reports, and how the condo follows it up.

The reporter is named by id only: a resident's account id, or for an anonymous report the id of
the person whose contact details sit in the erasable people store.

Every message given with a status change (`message` when starting or resolving, `reason` when
closing or reopening) is public: the reporter reads it in their ticket's timeline, like replies.
Comments are internal to the condo's managers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate, one_of
from domain.errors import InvalidValue, RuleBroken


class TicketType(StrEnum):
    INCIDENT = "incident"
    REQUEST = "request"


class TicketStatus(StrEnum):
    ANALYZING = "analyzing"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ReporterKind(StrEnum):
    RESIDENT = "resident"
    ANONYMOUS = "anonymous"


ANALYZING, IN_PROGRESS, RESOLVED, CLOSED = TicketStatus

# What each move of the lifecycle leads to, and the statuses it may start from.
MOVES: dict[str, tuple[TicketStatus, frozenset[TicketStatus]]] = {
    "start": (IN_PROGRESS, frozenset({ANALYZING})),
    "resolve": (RESOLVED, frozenset({IN_PROGRESS})),
    "close": (CLOSED, frozenset({ANALYZING, RESOLVED})),
    "reopen": (IN_PROGRESS, frozenset({RESOLVED, CLOSED})),
}


class Note(TypedDict):
    """A comment or reply, and who wrote it."""

    author_id: UUID
    text: str


@dataclass(frozen=True)
class ContactDetails:
    """How to reach someone who reported without an account. Never written into an event."""

    name: str
    email: str
    phone: str | None = None


class Ticket(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Reported: ClassVar[type[Any]]
        Assigned: ClassVar[type[Any]]
        Started: ClassVar[type[Any]]
        Resolved: ClassVar[type[Any]]
        Closed: ClassVar[type[Any]]
        Reopened: ClassVar[type[Any]]
        Commented: ClassVar[type[Any]]
        Replied: ClassVar[type[Any]]
        LinkedToIncident: ClassVar[type[Any]]

    @event("Reported")
    def __init__(
        self,
        copro_id: UUID,
        type: str,
        title: str,
        description: str,
        location: str | None,
        equipment_ids: list[UUID],
        reporter_id: UUID,
        reporter_kind: str,
    ) -> None:
        self.type = one_of(TicketType, type, "type")
        if self.type == TicketType.INCIDENT and not equipment_ids:
            raise InvalidValue("equipment_ids", "a broken thing names at least one equipment")
        self.copro_id = copro_id
        self.title = title
        self.description = description
        self.location = location
        self.equipment_ids = list(equipment_ids)
        self.reporter_id = reporter_id
        self.reporter_kind = one_of(ReporterKind, reporter_kind, "reporter_kind")
        self.status = ANALYZING.value
        self.assignee_id: UUID | None = None
        self.incident_id: UUID | None = None
        self.comments: list[Note] = []
        self.replies: list[Note] = []

    @event("Assigned")
    def assign(self, assignee_id: UUID) -> None:
        """Gives the ticket to a manager; its status stays as it was."""
        self.assignee_id = assignee_id

    @event("Started")
    def start(self, message: str | None = None) -> None:
        self.status = self.check_move("start")

    @event("Resolved")
    def resolve(self, message: str | None = None) -> None:
        self.status = self.check_move("resolve")

    @event("Closed")
    def close(self, reason: str | None = None) -> None:
        """Closes a resolved ticket, or one that needs no work (a duplicate, not actionable):
        that one needs a reason."""
        status = self.check_move("close")
        if self.status == ANALYZING:
            check_reason(reason, "closing a ticket nobody worked on")
        self.status = status

    @event("Reopened")
    def reopen(self, reason: str | None = None) -> None:
        status = self.check_move("reopen")
        check_reason(reason, "reopening a ticket")
        self.status = status

    @event("Commented")
    def comment(self, author_id: UUID, text: str) -> None:
        """An internal note between managers: the reporter never sees it."""
        self.comments.append({"author_id": author_id, "text": text})

    @event("Replied")
    def reply(self, author_id: UUID, text: str) -> None:
        """A public answer to the reporter."""
        self.replies.append({"author_id": author_id, "text": text})

    @event("LinkedToIncident")
    def link(self, incident_id: UUID) -> None:
        self.check_not_linked()
        self.incident_id = incident_id

    def check_move(self, move: str) -> str:
        """The status `move` leads to, if it may start from the current one."""
        to, allowed_from = MOVES[move]
        if self.status not in allowed_from:
            raise TicketTransitionNotAllowed(
                f"cannot {move} a ticket that is {self.status} ({self.status} → {to})",
                **{"from": self.status, "to": to.value},
            )
        return to.value

    def check_not_linked(self) -> None:
        if self.incident_id is not None:
            raise TicketAlreadyLinked(
                "this ticket is already linked to an incident", incident_id=str(self.incident_id)
            )


def check_reason(reason: str | None, doing: str) -> None:
    if reason is None or not reason.strip():
        raise InvalidValue("reason", f"{doing} needs a reason")


FRENCH_PHONE = re.compile(r"(?:0|\+33)([1-9][0-9]{8})")


def french_phone(raw: str) -> str:
    """`06 12.34-56 78` or `+33 6 12 34 56 78` → `+33612345678` (spaces, dots, dashes ignored)."""
    match = FRENCH_PHONE.fullmatch(re.sub(r"[ .-]", "", raw.strip()))
    if match is None:
        raise InvalidValue(
            "reporter.phone", "a French number: 0 then 9 digits (not starting with 0), or +33 form"
        )
    return "+33" + match.group(1)


def incident_resolved_reply(title: str) -> str:
    """What a reporter reads when the incident their ticket is part of is resolved."""
    return f"L’incident « {title} » est résolu."


class TicketTransitionNotAllowed(RuleBroken):
    code = "ticket_transition_not_allowed"


class TicketAlreadyLinked(RuleBroken):
    code = "ticket_already_linked"
