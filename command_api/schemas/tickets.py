"""Request bodies of tickets: reporting one, following it up, tying it to an incident."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import EmailStr, Field

from command_api.schemas.common import Body, long_text, text
from command_api.schemas.incidents import ImpactOn, Title
from domain.ticket import ContactDetails, TicketType

Note = Annotated[str, long_text(1, 2000)]


class Reporter(Body):
    name: Annotated[str, text(2, 100)]
    email: EmailStr
    # Its French format is checked (and normalised) by the domain.
    phone: Annotated[str, text(1, 30)] | None = None

    def contact_details(self) -> ContactDetails:
        return ContactDetails(name=self.name, email=self.email, phone=self.phone)


class TicketReport(Body):
    type: TicketType
    title: Annotated[str, text(3, 120)]
    description: Annotated[str, long_text(10, 5000)]
    location: Annotated[str, text(3, 200)] | None = None
    equipment_ids: Annotated[list[UUID], Field(max_length=50)] = []
    reporter: Reporter | None = None


class Assignment(Body):
    assignee_id: UUID


class StatusMessage(Body):
    message: Note | None = None


class StatusReason(Body):
    reason: Note | None = None


class Conversion(Body):
    impacts: Annotated[list[ImpactOn], Field(max_length=100)] = []
    title: Title | None = None


class Link(Body):
    incident_id: UUID
