"""Incidents as the condo's members read them: the incident, its current impacts, its public
timeline, the managers' internal comments (a table of their own, so that no public query can
pick them up by mistake) and the tickets linked to it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    delete,
    func,
    insert,
    select,
    update,
)

from domain.equipment import worst
from domain.incident import Incident, IncidentStatus
from projections.engine import Projection, upsert
from projections.equipment_history import OPEN, utc

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
    Column("ticket_count", Integer, nullable=False, default=0),
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

projection = Projection(name="incidents", version=1, metadata=metadata)

EDITABLE = ("title", "message", "location")


@projection.on(Incident.Opened)
def opened(tx: Connection, e: Any) -> None:
    upsert(
        tx,
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
        ),
    )
    _replace_impacts(tx, e)
    _add_update(tx, e, IncidentStatus.INVESTIGATING.value, True, e.message)


@projection.on(Incident.UpdatePosted)
def update_posted(tx: Connection, e: Any) -> None:
    row = tx.execute(select(incidents.c.status).where(incidents.c.id == e.originator_id)).first()
    if row is None:
        return
    values: dict[str, Any] = dict(updated_at=e.timestamp)
    if e.status is not None:
        values["status"] = e.status
        if e.status == IncidentStatus.RESOLVED:
            values["resolved_at"] = e.timestamp
        elif e.status in OPEN and row.status not in OPEN:
            values["resolved_at"] = None  # reopened
    _update(tx, e, **values)
    _add_update(tx, e, values.get("status", row.status), e.status is not None, e.message)


@projection.on(Incident.Edited)
def edited(tx: Connection, e: Any) -> None:
    changes = {k: v for k, v in e.changes.items() if k in EDITABLE}
    _update(tx, e, updated_at=e.timestamp, **changes)
    if "message" in changes:
        # The opening entry of the timeline is the incident's message, as corrected.
        tx.execute(
            update(updates)
            .where(updates.c.incident_id == e.originator_id, updates.c.version == 1)
            .values(message=changes["message"])
        )


@projection.on(Incident.ImpactsChanged)
def impacts_changed(tx: Connection, e: Any) -> None:
    _replace_impacts(tx, e)
    _update(tx, e, impact=worst([i["impact"] for i in e.impacts]), updated_at=e.timestamp)


@projection.on(Incident.Commented)
def commented(tx: Connection, e: Any) -> None:
    upsert(
        tx,
        comments,
        dict(
            incident_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            author_id=e.author_id,
            text=e.text,
        ),
    )


@projection.on(Incident.TicketLinked)
def ticket_linked(tx: Connection, e: Any) -> None:
    upsert(tx, tickets, dict(incident_id=e.originator_id, ticket_id=e.ticket_id))
    count = (
        select(func.count())
        .select_from(tickets)
        .where(tickets.c.incident_id == e.originator_id)
        .scalar_subquery()
    )
    _update(tx, e, ticket_count=count)


def _replace_impacts(tx: Connection, e: Any) -> None:
    tx.execute(delete(impacts).where(impacts.c.incident_id == e.originator_id))
    for impact in e.impacts:
        tx.execute(
            insert(impacts).values(
                incident_id=e.originator_id,
                equipment_id=impact["equipment_id"],
                impact=impact["impact"],
            )
        )


def _add_update(tx: Connection, e: Any, status: str, changed: bool, message: str) -> None:
    upsert(
        tx,
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


def _update(tx: Connection, e: Any, **values: Any) -> None:
    tx.execute(update(incidents).where(incidents.c.id == e.originator_id).values(**values))
