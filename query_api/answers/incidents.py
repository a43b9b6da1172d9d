"""Incidents as the condo's members and the public page read them, and what only its managers
read of one."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import Impact, InternalComment, exact

IncidentStatus = Literal["investigating", "in_progress", "resolved", "closed"]


@exact
class AffectedEquipment(TypedDict):
    """A piece of equipment an incident names, with its impact (its name None once it is no
    longer known)."""

    id: UUID
    name: str | None
    impact: Impact


@exact
class IncidentUpdate(TypedDict):
    """An entry of the public timeline: the message, and the incident's status after it."""

    at: datetime
    status: IncidentStatus
    status_changed: bool
    message: str


@exact
class IncidentSummary(TypedDict):
    """An incident: `impact` is the worst of its impacts, `reporter_count` how many tickets are
    linked to it, `version` for `expected_version`."""

    id: UUID
    copro_id: UUID
    title: str
    message: str
    location: str | None
    status: IncidentStatus
    impact: Impact
    started_at: datetime
    resolved_at: datetime | None
    updated_at: datetime
    reporter_count: int
    equipment: list[AffectedEquipment]
    version: int


@exact
class Incident(IncidentSummary):
    """An incident with its public timeline, newest entry first."""

    timeline: list[IncidentUpdate]


@exact
class ManagedIncident(Incident):
    """An incident as the condo's managers read it: also the internal comments (newest first)
    and the tickets linked to it."""

    comments: list[InternalComment]
    linked_ticket_ids: list[UUID]
