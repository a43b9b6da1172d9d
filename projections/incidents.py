"""Incidents as the condo's members read them: the incident, its current impacts, its public
timeline, the managers' internal comments (a table of their own, so that no public query can
pick them up by mistake) and the tickets linked to it.

Every event touches rows by primary key only: the incident's row keeps what would otherwise be
counted or looked up in the other tables (how many tickets are linked, which equipment its
current impacts name), and its aggregate's version, set by every event of it, which a manager's
edit sends back as `expected_version`."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from domain.equipment import worst
from domain.incident import Incident, IncidentStatus
from projections.engine import Projection
from projections.rows import Rows
from projections.status_rules import OPEN, utc

metadata = MetaData()

incidents = Table(
    "incidents",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("message", Text, nullable=False),
    Column("location", String(200)),
    Column("status", String(20), nullable=False),
    # The worst of its current impacts.
    Column("impact", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False, index=True),
    Column("resolved_at", DateTime(timezone=True)),
    # When it was published, and last changed in public.
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # How many tickets are linked: counted here as they are linked, not in incident_tickets.
    Column("ticket_count", Integer, nullable=False, default=0),
    # The equipment its current impacts name (as strings), in their order: the keys of its rows
    # in incident_impacts, so that new impacts drop the rows no longer named by primary key.
    Column("equipment_ids", JSON, nullable=False),
    Column("version", Integer, nullable=False),
)

impacts = Table(
    "incident_impacts",
    metadata,
    Column("incident_id", Uuid, primary_key=True),
    Column("equipment_id", Uuid, primary_key=True, index=True),
    Column("impact", String(20), nullable=False),
)

# The public timeline: one entry per update, the opening message first. `version` is the
# incident's version the entry was made at.
updates = Table(
    "incident_updates",
    metadata,
    Column("incident_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    # The incident's status after this entry, and whether the entry changed it.
    Column("status", String(20), nullable=False),
    Column("status_changed", Boolean, nullable=False),
    Column("message", Text, nullable=False),
)

comments = Table(
    "incident_comments",
    metadata,
    Column("incident_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("author_id", Uuid, nullable=False),
    Column("text", Text, nullable=False),
)

tickets = Table(
    "incident_tickets",
    metadata,
    Column("incident_id", Uuid, primary_key=True),
    Column("ticket_id", Uuid, primary_key=True),
)

# v3: the incident's version.
projection = Projection(name="incidents", version=3, metadata=metadata)

EDITABLE = ("title", "message", "location")


@projection.on(Incident.Opened)
def opened(rows: Rows, e: Any) -> None:
    rows.put(
        incidents,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            title=e.title,
            message=e.message,
            location=e.location,
            status=IncidentStatus.INVESTIGATING.value,
            impact=worst([i["impact"] for i in e.impacts]),
            started_at=utc(e.started_at),
            resolved_at=None,
            opened_at=e.timestamp,
            updated_at=e.timestamp,
            ticket_count=0,
            equipment_ids=_name_impacts(rows, e, before=[]),
            version=e.originator_version,
        ),
    )
    _add_update(rows, e, IncidentStatus.INVESTIGATING.value, True, e.message)


@projection.on(Incident.UpdatePosted)
def update_posted(rows: Rows, e: Any) -> None:
    incident = rows.get(incidents, e.originator_id)
    if incident is None:
        return
    values: dict[str, Any] = dict(updated_at=e.timestamp, version=e.originator_version)
    if e.status is not None:
        values["status"] = e.status
        if e.status == IncidentStatus.RESOLVED:
            values["resolved_at"] = e.timestamp
        elif e.status in OPEN and incident["status"] not in OPEN:
            values["resolved_at"] = None  # reopened
    rows.update(incidents, e.originator_id, **values)
    status = incident["status"] if e.status is None else e.status
    _add_update(rows, e, status, e.status is not None, e.message)


@projection.on(Incident.Edited)
def edited(rows: Rows, e: Any) -> None:
    changes = {k: v for k, v in e.changes.items() if k in EDITABLE}
    rows.update(
        incidents, e.originator_id, updated_at=e.timestamp, version=e.originator_version, **changes
    )
    if "message" in changes:
        # The opening entry of the timeline (version 1) is the incident's message, as corrected.
        rows.update(updates, e.originator_id, 1, message=changes["message"])


@projection.on(Incident.ImpactsChanged)
def impacts_changed(rows: Rows, e: Any) -> None:
    incident = rows.get(incidents, e.originator_id)
    if incident is None:
        return
    rows.update(
        incidents,
        e.originator_id,
        impact=worst([i["impact"] for i in e.impacts]),
        updated_at=e.timestamp,
        equipment_ids=_name_impacts(rows, e, before=incident["equipment_ids"]),
        version=e.originator_version,
    )


@projection.on(Incident.Commented)
def commented(rows: Rows, e: Any) -> None:
    # An insert: a comment applied twice would break the primary key, not pass unseen.
    rows.insert(
        comments,
        dict(
            incident_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            author_id=e.author_id,
            text=e.text,
        ),
    )
    rows.update(incidents, e.originator_id, version=e.originator_version)


@projection.on(Incident.TicketLinked)
def ticket_linked(rows: Rows, e: Any) -> None:
    # A ticket is linked once (it refuses a second incident), so each link is a new row and one
    # more ticket to count; applied twice, it would break the primary key rather than count twice.
    rows.insert(tickets, dict(incident_id=e.originator_id, ticket_id=e.ticket_id))
    incident = rows.get(incidents, e.originator_id)
    if incident is not None:
        rows.update(
            incidents,
            e.originator_id,
            ticket_count=incident["ticket_count"] + 1,
            version=e.originator_version,
        )


def _name_impacts(rows: Rows, e: Any, before: list[str]) -> list[str]:
    """Writes the incident's impacts as the event gives them, deleting those of equipment no
    longer named; answers the equipment now named, for the incident's row."""
    named = [str(impact["equipment_id"]) for impact in e.impacts]
    for equipment_id in before:
        if equipment_id not in named:
            rows.delete(impacts, e.originator_id, UUID(equipment_id))
    for impact in e.impacts:
        rows.put(
            impacts,
            dict(
                incident_id=e.originator_id,
                equipment_id=impact["equipment_id"],
                impact=impact["impact"],
            ),
        )
    return named


def _add_update(rows: Rows, e: Any, status: str, changed: bool, message: str) -> None:
    # An insert: an entry applied twice would break the primary key, not pass unseen.
    rows.insert(
        updates,
        dict(
            incident_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            status=status,
            status_changed=changed,
            message=message,
        ),
    )
