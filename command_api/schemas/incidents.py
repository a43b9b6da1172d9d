"""Request bodies of incidents: opening, editing, timeline updates and comments."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import Field

from command_api.schemas.common import Body, ExpectedVersion, long_text, text
from copro.fields import Instant
from domain.incident import Impact, IncidentStatus

Title = Annotated[str, text(3, 200)]
Message = Annotated[str, long_text(1, 5000)]
Location = Annotated[str, text(3, 200)]


class ImpactOn(Body):
    equipment_id: UUID
    impact: Impact


Impacts = Annotated[list[ImpactOn], Field(min_length=1, max_length=100)]


class IncidentOpening(Body):
    title: Title
    message: Message
    started_at: Instant | None = None
    impacts: Impacts
    location: Location | None = None


class IncidentChanges(Body):
    title: Title | None = None
    message: Message | None = None
    impacts: Impacts | None = None
    location: Location | None = None
    expected_version: ExpectedVersion = None


class TimelineUpdate(Body):
    message: Message
    status: IncidentStatus | None = None


class Comment(Body):
    text: Annotated[str, long_text(1, 5000)]
