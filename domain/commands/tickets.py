"""Commands on tickets: reporting them, following them up, and tying them to incidents.

Linking a ticket to an incident (a new one it is converted into, or an existing one) starts it
if nobody had yet: the condo is now working on it, as part of that incident. The incident's
resolution then resolves it (see the incident commands).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID, uuid4

from domain.account import Account, Role, normalise_email
from domain.base import Actor
from domain.commands.incidents import IncidentCommands
from domain.commands.plumbing import Receipt
from domain.condo import Condo
from domain.errors import InvalidValue
from domain.incident import Impact, ImpactOn, Incident, IncidentStatus
from domain.people import Person
from domain.ticket import (
    ANALYZING,
    IN_PROGRESS,
    ContactDetails,
    ReporterKind,
    Ticket,
    french_phone,
    incident_resolved_reply,
)


class TicketCommands(IncidentCommands):
    def report_ticket(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        type: str,
        title: str,
        description: str,
        equipment_ids: list[UUID],
        location: str | None = None,
        reporter: ContactDetails | None = None,
    ) -> Receipt:
        """A member of the condo reports under their account; anyone else leaves contact
        details, which go to the people store, never into the ticket's events."""
        with self._command(by):
            condo = self._get(Condo, copro_id)
            people: list[Person] = []
            if by.is_anonymous or by.is_system:
                person = anonymous_reporter(reporter)
                reporter_id, reporter_kind, people = person.id, ReporterKind.ANONYMOUS, [person]
            else:
                # Auditors read, they never write: not even a ticket under their account.
                self._require_role(by, copro_id, Role.RESIDENT, Role.MANAGER)
                if reporter is not None:
                    raise InvalidValue("reporter", "a signed-in reporter is known by their account")
                reporter_id, reporter_kind = UUID(by.id), ReporterKind.RESIDENT
            condo.check_active()
            equipment_ids = list(dict.fromkeys(equipment_ids))
            self._check_in_service(copro_id, equipment_ids, "equipment_ids")
            ticket = Ticket(
                copro_id=copro_id,
                type=type,
                title=title,
                description=description,
                location=location,
                equipment_ids=equipment_ids,
                reporter_id=reporter_id,
                reporter_kind=reporter_kind,
            )
            return self._save(ticket, people=people)

    def assign_ticket(self, by: Actor, ticket_id: UUID, *, assignee_id: UUID) -> Receipt:
        """Gives the ticket to a manager of its condo."""
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            assignee = self._find(Account, assignee_id)
            if (
                assignee is None
                or not assignee.can_log_in
                or assignee.role_in(ticket.copro_id) != Role.MANAGER
            ):
                raise InvalidValue("assignee_id", "not an active manager of this condo")
            ticket.assign(assignee_id=assignee_id)
            return self._save(ticket)

    def start_ticket(self, by: Actor, ticket_id: UUID, *, message: str | None = None) -> Receipt:
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            ticket.start(message=message)
            return self._save(ticket)

    def resolve_ticket(self, by: Actor, ticket_id: UUID, *, message: str | None = None) -> Receipt:
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            ticket.resolve(message=message)
            return self._save(ticket)

    def close_ticket(self, by: Actor, ticket_id: UUID, *, reason: str | None = None) -> Receipt:
        """Closes a resolved ticket, or one needing no work (with a reason)."""
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            ticket.close(reason=reason)
            return self._save(ticket)

    def reopen_ticket(self, by: Actor, ticket_id: UUID, *, reason: str | None = None) -> Receipt:
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            ticket.reopen(reason=reason)
            return self._save(ticket)

    def comment_on_ticket(self, by: Actor, ticket_id: UUID, *, text: str) -> Receipt:
        """Adds an internal comment, which the reporter never sees."""
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            ticket.comment(author_id=UUID(by.id), text=text)
            return self._save(ticket)

    def reply_to_ticket(self, by: Actor, ticket_id: UUID, *, text: str) -> Receipt:
        """Answers the reporter."""
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            ticket.reply(author_id=UUID(by.id), text=text)
            return self._save(ticket)

    def convert_ticket(
        self,
        by: Actor,
        ticket_id: UUID,
        *,
        impacts: Sequence[Mapping[str, Any]] = (),
        title: str | None = None,
    ) -> Receipt:
        """Opens an incident from a ticket and answers the new incident's receipt.

        The ticket's title (unless another is given), description, location and internal
        comments carry over, and it started when the ticket was reported. Every active
        equipment the ticket names is affected: with the impact given for it, else `degraded`.
        """
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            self._get(Condo, ticket.copro_id).check_active()
            ticket.check_not_linked()
            incident = Incident(
                copro_id=ticket.copro_id,
                title=title or ticket.title,
                message=ticket.description,
                started_at=ticket.created_on,
                impacts=self._impacts_in(
                    ticket.copro_id, self._with_ticket_equipment(ticket, impacts)
                ),
                location=ticket.location,
            )
            for comment in ticket.comments:
                incident.comment(author_id=comment["author_id"], text=comment["text"])
            self._attach(ticket, incident)
            return self._save(incident, ticket)

    def link_ticket(self, by: Actor, ticket_id: UUID, *, incident_id: UUID) -> Receipt:
        """Makes the ticket one more report of an existing incident of its condo."""
        with self._command(by):
            ticket = self._managed_ticket(by, ticket_id)
            incident = self._find(Incident, incident_id)
            if incident is None or incident.copro_id != ticket.copro_id:
                raise InvalidValue("incident_id", "no such incident in this condo")
            self._attach(ticket, incident)
            return self._save(ticket, incident)

    def ticket(self, ticket_id: UUID) -> Ticket:
        return self._get(Ticket, ticket_id)

    def _managed_ticket(self, by: Actor, ticket_id: UUID) -> Ticket:
        ticket = self._get(Ticket, ticket_id)
        self._require_role(by, ticket.copro_id, Role.MANAGER)
        return ticket

    def _with_ticket_equipment(
        self, ticket: Ticket, impacts: Sequence[Mapping[str, Any]]
    ) -> list[Mapping[str, Any]]:
        """The impacts given, and `degraded` for the ticket's equipment they leave out
        (unless it has been retired since: there is nothing left to be affected)."""
        named = {UUID(str(i["equipment_id"])) for i in impacts}
        missing: list[ImpactOn] = [
            {"equipment_id": equipment_id, "impact": Impact.DEGRADED.value}
            for equipment_id in ticket.equipment_ids
            if equipment_id not in named and self._in_service(ticket.copro_id, equipment_id)
        ]
        return [*impacts, *missing]

    def _attach(self, ticket: Ticket, incident: Incident) -> None:
        """Links both ways; a ticket joining an already resolved incident is resolved too."""
        ticket.link(incident_id=incident.id)
        incident.link_ticket(ticket_id=ticket.id)
        if ticket.status == ANALYZING:
            ticket.start()
        if incident.status == IncidentStatus.RESOLVED and ticket.status == IN_PROGRESS:
            ticket.resolve(message=incident_resolved_reply(incident.title))


def anonymous_reporter(reporter: ContactDetails | None) -> Person:
    """Someone without an account, as the people store keeps them."""
    if reporter is None:
        raise InvalidValue("reporter", "a report without an account needs a name and an email")
    return Person(
        id=uuid4(),
        email=normalise_email(reporter.email),
        first_name=reporter.name,
        last_name="",
        phone=french_phone(reporter.phone) if reporter.phone else None,
    )
