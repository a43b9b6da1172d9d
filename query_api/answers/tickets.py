"""Tickets as the condo's managers follow them and their reporters read them. What only the
managers read (the assignee and assignments, internal comments, the reporter's contact details)
is in their shapes alone."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import InternalComment, exact

TicketStatus = Literal["analyzing", "in_progress", "resolved", "closed"]
TicketType = Literal["incident", "request"]
ReporterKind = Literal["resident", "anonymous"]


@exact
class TicketEquipment(TypedDict):
    """A piece of equipment the reporter named (its name None once it is no longer known)."""

    id: UUID
    name: str | None


@exact
class TicketSummary(TypedDict):
    """A ticket: `incident_id` is the incident it was converted into or linked to;
    `updated_at` its last change its reader can see."""

    id: UUID
    copro_id: UUID
    type: TicketType
    title: str
    status: TicketStatus
    reported_at: datetime
    updated_at: datetime
    equipment_ids: list[UUID]
    incident_id: UUID | None


@exact
class BoardTicket(TicketSummary):
    """A ticket as the managers' board lists it."""

    location: str | None
    assignee_id: UUID | None
    reporter_kind: ReporterKind
    comment_count: int
    reply_count: int


@exact
class MyTicket(TicketSummary):
    """A ticket as its reporter lists it, with the name of its condo and of its equipment."""

    equipment: list[TicketEquipment]
    copro_name: str | None
    reply_count: int


@exact
class TicketTimelineEntry(TypedDict):
    """An entry of the public timeline: the report, each status change with the ticket's status
    after it and its message or reason, each reply to the reporter (no status) with its author."""

    at: datetime
    kind: Literal["reported", "started", "resolved", "closed", "reopened", "replied"]
    status: TicketStatus | None
    text: str | None
    author_id: UUID | None


@exact
class ReportedTicket(TicketSummary):
    """A ticket as its reporter reads it: the public timeline, oldest entry first."""

    equipment: list[TicketEquipment]
    description: str
    location: str | None
    reporter_kind: ReporterKind
    reply_count: int
    timeline: list[TicketTimelineEntry]


@exact
class TicketAssignment(TypedDict):
    """The ticket given to a manager, and by whom (None: by the system)."""

    at: datetime
    assignee_id: UUID
    assigned_by: UUID | None


@exact
class TicketReporter(TypedDict):
    """Who reported, and how to reach them, from the people store (nothing once erased)."""

    id: UUID
    kind: ReporterKind
    name: str | None
    email: str | None
    phone: str | None


@exact
class ManagedTicket(ReportedTicket):
    """A ticket as the condo's managers read it: also its assignee and assignments, the
    internal comments (both oldest first) and how to reach the reporter."""

    assignee_id: UUID | None
    assignments: list[TicketAssignment]
    comment_count: int
    comments: list[InternalComment]
    reporter: TicketReporter
