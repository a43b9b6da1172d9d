"""Incidents as members and the public page read them. Internal comments and linked tickets are
read by one function only, `for_manager`, which the route calls for managers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, func, or_, select

from projections.incidents import comments, impacts, incidents, updates
from projections.incidents import tickets as linked_tickets
from projections.status_page import equipment
from projections.status_rules import OPEN, utc
from query_api.answers.common import InternalComment, Page
from query_api.answers.incidents import (
    AffectedEquipment,
    Incident,
    IncidentSummary,
    IncidentUpdate,
    ManagedIncident,
)


def list_incidents(
    conn: Connection, copro_id: UUID, statuses: list[str], limit: int, offset: int
) -> Page[IncidentSummary]:
    """The condo's incidents, the latest started first."""
    where = [incidents.c.copro_id == copro_id]
    if statuses:
        where.append(incidents.c.status.in_(statuses))
    total = conn.execute(select(func.count()).select_from(incidents).where(*where)).scalar_one()
    rows = conn.execute(
        select(incidents)
        .where(*where)
        .order_by(incidents.c.started_at.desc(), incidents.c.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    return {"items": summaries(conn, list(rows)), "total": total}


def incident(conn: Connection, incident_id: UUID) -> Incident | None:
    """One incident with its public timeline, newest first; None if there is no such one."""
    row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).mappings().first()
    return with_timelines(conn, [row])[0] if row else None


def for_manager(conn: Connection, found: Incident) -> ManagedIncident:
    """The incident with what only the condo's managers read: its internal comments, newest
    first, and the tickets linked to it. Never for residents or the public."""
    rows = conn.execute(
        select(comments)
        .where(comments.c.incident_id == found["id"])
        .order_by(comments.c.version.desc())
    ).mappings()
    said: list[InternalComment] = [
        {"at": utc(r["at"]), "author_id": r["author_id"], "text": r["text"]} for r in rows
    ]
    linked = conn.execute(
        select(linked_tickets.c.ticket_id)
        .where(linked_tickets.c.incident_id == found["id"])
        .order_by(linked_tickets.c.ticket_id)
    ).scalars()
    return {**found, "comments": said, "linked_ticket_ids": list(linked)}


def on_status_page(
    conn: Connection, copro_id: UUID, since: datetime
) -> tuple[list[Incident], list[Incident]]:
    """The incidents under investigation or in progress, latest first, and those resolved (or
    since closed) at `since` or later, latest resolved first; with their timelines. Read
    together: the page is read again after every change, and each statement waits its turn
    on a busy machine."""
    rows = conn.execute(
        select(incidents)
        .where(
            incidents.c.copro_id == copro_id,
            or_(incidents.c.status.in_(sorted(OPEN)), incidents.c.resolved_at >= since),
        )
        .order_by(incidents.c.id)
    ).mappings()
    shown = with_timelines(conn, list(rows))
    opened = [i for i in shown if i["status"] in OPEN]
    resolved = [i for i in shown if i["status"] not in OPEN]
    opened.sort(key=lambda i: i["started_at"], reverse=True)
    resolved.sort(key=lambda i: i["resolved_at"] or since, reverse=True)
    return opened, resolved


def summaries(conn: Connection, rows: list[Any]) -> list[IncidentSummary]:
    """Incident rows as the API answers them, with the equipment each names."""
    named = _equipment_of(conn, [r["id"] for r in rows])
    return [
        {
            "id": r["id"],
            "copro_id": r["copro_id"],
            "title": r["title"],
            "message": r["message"],
            "location": r["location"],
            "status": r["status"],
            "impact": r["impact"],
            "started_at": utc(r["started_at"]),
            "resolved_at": utc(r["resolved_at"]) if r["resolved_at"] else None,
            "updated_at": utc(r["updated_at"]),
            "reporter_count": r["ticket_count"],
            "equipment": named.get(r["id"], []),
            "version": r["version"],
        }
        for r in rows
    ]


def with_timelines(conn: Connection, rows: list[Any]) -> list[Incident]:
    """Incident rows as the API answers them, each with its public timeline, newest first."""
    entries = _timelines(conn, [r["id"] for r in rows])
    return [{**s, "timeline": entries.get(s["id"], [])} for s in summaries(conn, rows)]


def _equipment_of(conn: Connection, ids: Iterable[UUID]) -> dict[UUID, list[AffectedEquipment]]:
    ids = list(ids)
    if not ids:
        return {}  # a round trip saved: the page is read again after every change
    rows = conn.execute(
        select(impacts.c.incident_id, impacts.c.equipment_id, impacts.c.impact, equipment.c.name)
        .join(equipment, equipment.c.id == impacts.c.equipment_id, isouter=True)
        .where(impacts.c.incident_id.in_(ids))
        .order_by(equipment.c.order, equipment.c.name)
    )
    named: dict[UUID, list[AffectedEquipment]] = {}
    for incident_id, equipment_id, impact, name in rows:
        named.setdefault(incident_id, []).append(
            {"id": equipment_id, "name": name, "impact": impact}
        )
    return named


def _timelines(conn: Connection, ids: Iterable[UUID]) -> dict[UUID, list[IncidentUpdate]]:
    ids = list(ids)
    if not ids:
        return {}
    rows = conn.execute(
        select(updates)
        .where(updates.c.incident_id.in_(ids))
        .order_by(updates.c.incident_id, updates.c.version.desc())
    ).mappings()
    entries: dict[UUID, list[IncidentUpdate]] = {}
    for r in rows:
        entries.setdefault(r["incident_id"], []).append(
            {
                "at": utc(r["at"]),
                "status": r["status"],
                "status_changed": r["status_changed"],
                "message": r["message"],
            }
        )
    return entries
