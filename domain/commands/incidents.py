"""Commands on incidents: opening them, their timeline, impacts and internal comments.

Resolving an incident resolves, in the same save, every ticket linked to it that is still in
progress, each with a reply saying so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from domain.account import Role
from domain.base import Actor, CondoAggregate
from domain.commands.plumbing import CondosBase, Receipt, check_version, only_changed
from domain.condo import Condo
from domain.incident import (
    EDITABLE_FIELDS,
    RESOLVED,
    ImpactOn,
    Incident,
    check_started_at,
    impacts_of,
)
from domain.ticket import IN_PROGRESS, Ticket, incident_resolved_reply


class IncidentCommands(CondosBase):
    def open_incident(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        title: str,
        message: str,
        impacts: Sequence[Mapping[str, Any]],
        started_at: datetime | None = None,
        location: str | None = None,
    ) -> Receipt:
        """Publishes an incident; `started_at` defaults to now and may be back-dated."""
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            condo.check_active()
            now = datetime.now(UTC)
            started_at = in_utc(started_at) if started_at else now
            check_started_at(started_at, now)
            incident = Incident(
                copro_id=copro_id,
                title=title,
                message=message,
                started_at=started_at,
                impacts=self._impacts_in(copro_id, impacts),
                location=location,
            )
            return self._save(incident)

    def edit_incident(
        self,
        by: Actor,
        incident_id: UUID,
        changes: dict[str, Any],
        expected_version: int | None = None,
    ) -> Receipt:
        """Changes the title, message, location or impacts of an incident."""
        with self._command(by):
            incident = self._get(Incident, incident_id)
            self._require_role(by, incident.copro_id, Role.MANAGER)
            check_version(incident, expected_version)
            if "impacts" in changes:
                changes["impacts"] = self._impacts_in(incident.copro_id, changes["impacts"])
            changes = only_changed(incident, changes, EDITABLE_FIELDS)
            impacts = changes.pop("impacts", None)
            if changes:
                incident.edit(changes=changes)
            if impacts is not None:
                incident.change_impacts(impacts=impacts)
            return self._save(incident)

    def post_incident_update(
        self, by: Actor, incident_id: UUID, *, message: str, status: str | None = None
    ) -> Receipt:
        """Adds a public timeline update, changing the incident's status when one is given."""
        with self._command(by):
            incident = self._get(Incident, incident_id)
            self._require_role(by, incident.copro_id, Role.MANAGER)
            incident.post_update(message=message, status=status)
            touched: list[CondoAggregate] = [incident]
            if status == RESOLVED:
                touched += self._resolve_linked_tickets(incident)
            return self._save(*touched)

    def comment_on_incident(self, by: Actor, incident_id: UUID, *, text: str) -> Receipt:
        """Adds an internal comment, for the condo's managers only."""
        with self._command(by):
            incident = self._get(Incident, incident_id)
            self._require_role(by, incident.copro_id, Role.MANAGER)
            incident.comment(author_id=UUID(by.id), text=text)
            return self._save(incident)

    def incident(self, incident_id: UUID) -> Incident:
        return self._get(Incident, incident_id)

    # -- shared with the ticket commands that open or join an incident ----------------------

    def _resolve_linked_tickets(self, incident: Incident) -> list[Ticket]:
        """Tickets linked to an incident are in progress until it is resolved (linking starts
        them); those still in progress are resolved with it."""
        resolved = []
        for ticket_id in sorted(incident.linked_ticket_ids):
            ticket = self._get(Ticket, ticket_id)
            if ticket.status == IN_PROGRESS:
                ticket.resolve(message=incident_resolved_reply(incident.title))
                resolved.append(ticket)
        return resolved

    def _impacts_in(self, copro_id: UUID, impacts: Iterable[Mapping[str, Any]]) -> list[ImpactOn]:
        recorded = impacts_of(impacts, "impacts")
        self._check_in_service(copro_id, (i["equipment_id"] for i in recorded), "impacts")
        return recorded


def in_utc(moment: datetime) -> datetime:
    """A time without a zone is taken as UTC, as the API speaks UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
