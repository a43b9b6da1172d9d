"""Tickets: the managers' board, a reporter's own tickets, and one ticket as each of them reads
it. Internal comments, the assignee and assignments and the reporter's contact details are
added by `for_manager` only; everything a reporter is answered comes from `for_reporter`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, func, select

from projections.status_page import copros, equipment
from projections.status_rules import utc
from projections.tickets import assignments, comments, ticket_equipment, tickets, timeline
from query_api.answers.common import InternalComment, Page
from query_api.answers.tickets import (
    BoardTicket,
    ManagedTicket,
    MyTicket,
    ReportedTicket,
    TicketAssignment,
    TicketEquipment,
    TicketReporter,
    TicketStatus,
    TicketSummary,
    TicketTimelineEntry,
    TicketType,
)
from query_api.views.people import full_name, people_by_id


def board(
    conn: Connection,
    copro_id: UUID,
    *,
    statuses: list[TicketStatus],
    types: list[TicketType],
    assignee_id: UUID | None,
    q: str | None,
    limit: int,
    offset: int,
) -> Page[BoardTicket]:
    """The condo's tickets, latest reported first, filtered; `q` is looked for in the title and
    description, whatever the case."""
    where = [tickets.c.copro_id == copro_id]
    if statuses:
        where.append(tickets.c.status.in_(statuses))
    if types:
        where.append(tickets.c.type.in_(types))
    if assignee_id is not None:
        where.append(tickets.c.assignee_id == assignee_id)
    if q and q.strip():
        where.append(tickets.c.search_text.contains(q.strip().casefold(), autoescape=True))
    total = conn.execute(select(func.count()).select_from(tickets).where(*where)).scalar_one()
    rows = conn.execute(
        select(tickets)
        .where(*where)
        .order_by(tickets.c.reported_at.desc(), tickets.c.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    found = [dict(r) for r in rows]
    named = _equipment_of(conn, [r["id"] for r in found])
    items: list[BoardTicket] = [
        {
            **_summary(r, named, updated_at=r["updated_at"]),
            "location": r["location"],
            "assignee_id": r["assignee_id"],
            "reporter_kind": r["reporter_kind"],
            "comment_count": r["comment_count"],
            "reply_count": r["reply_count"],
        }
        for r in found
    ]
    return {"items": items, "total": total}


def reported_by(conn: Connection, account_id: UUID, limit: int, offset: int) -> Page[MyTicket]:
    """The tickets an account reported, in any condo, latest first, as their reporter sees them."""
    where = [tickets.c.reporter_id == account_id, tickets.c.reporter_kind == "resident"]
    total = conn.execute(select(func.count()).select_from(tickets).where(*where)).scalar_one()
    rows = conn.execute(
        select(tickets, copros.c.name.label("copro_name"))
        .join(copros, copros.c.id == tickets.c.copro_id, isouter=True)
        .where(*where)
        .order_by(tickets.c.reported_at.desc(), tickets.c.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    found = [dict(r) for r in rows]
    named = _equipment_of(conn, [r["id"] for r in found])
    items: list[MyTicket] = [
        {
            **_summary(r, named, updated_at=r["public_updated_at"]),
            # Named, for a reporter cannot read the condo's equipment list.
            "equipment": named.get(r["id"], []),
            "copro_name": r["copro_name"],
            "reply_count": r["reply_count"],
        }
        for r in found
    ]
    return {"items": items, "total": total}


def ticket(conn: Connection, ticket_id: UUID) -> dict[str, Any] | None:
    """The ticket's row as projected, or None: not for answering as is (see `for_reporter`)."""
    row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).mappings().first()
    return dict(row) if row else None


def is_reported_by(found: dict[str, Any], account_id: UUID) -> bool:
    return found["reporter_kind"] == "resident" and found["reporter_id"] == account_id


def for_reporter(conn: Connection, found: dict[str, Any]) -> ReportedTicket:
    """The ticket with its public timeline, oldest entry first: what its reporter may read."""
    return _detail(conn, found, updated_at=found["public_updated_at"])


def for_manager(conn: Connection, found: dict[str, Any]) -> ManagedTicket:
    """Everything: the public timeline, and for the condo's managers only the assignee and
    assignments, the internal comments and how to reach the reporter."""
    return {
        **_detail(conn, found, updated_at=found["updated_at"]),
        "assignee_id": found["assignee_id"],
        "assignments": _assignments_of(conn, found["id"]),
        "comment_count": found["comment_count"],
        "comments": _comments_of(conn, found["id"]),
        "reporter": _reporter(conn, found),
    }


def _detail(conn: Connection, found: dict[str, Any], *, updated_at: Any) -> ReportedTicket:
    named = _equipment_of(conn, [found["id"]])
    return {
        **_summary(found, named, updated_at=updated_at),
        "equipment": named.get(found["id"], []),
        "description": found["description"],
        "location": found["location"],
        "reporter_kind": found["reporter_kind"],
        "reply_count": found["reply_count"],
        "timeline": _timeline_of(conn, found["id"]),
    }


def _summary(
    r: dict[str, Any], named: dict[UUID, list[TicketEquipment]], *, updated_at: Any
) -> TicketSummary:
    return {
        "id": r["id"],
        "copro_id": r["copro_id"],
        "type": r["type"],
        "title": r["title"],
        "status": r["status"],
        "reported_at": utc(r["reported_at"]),
        "updated_at": utc(updated_at),
        "equipment_ids": [e["id"] for e in named.get(r["id"], [])],
        "incident_id": r["incident_id"],
    }


def _equipment_of(conn: Connection, ids: Iterable[UUID]) -> dict[UUID, list[TicketEquipment]]:
    """Each ticket's equipment in its order, with its name (None for one no longer known)."""
    rows = conn.execute(
        select(ticket_equipment.c.ticket_id, ticket_equipment.c.equipment_id, equipment.c.name)
        .join(equipment, equipment.c.id == ticket_equipment.c.equipment_id, isouter=True)
        .where(ticket_equipment.c.ticket_id.in_(list(ids)))
        .order_by(ticket_equipment.c.ticket_id, ticket_equipment.c.order)
    )
    named: dict[UUID, list[TicketEquipment]] = {}
    for ticket_id, equipment_id, name in rows:
        named.setdefault(ticket_id, []).append({"id": equipment_id, "name": name})
    return named


def _timeline_of(conn: Connection, ticket_id: UUID) -> list[TicketTimelineEntry]:
    rows = conn.execute(
        select(timeline).where(timeline.c.ticket_id == ticket_id).order_by(timeline.c.version)
    ).mappings()
    return [
        {
            "at": utc(r["at"]),
            "kind": r["kind"],
            "status": r["status"],
            "text": r["text"],
            "author_id": r["author_id"],
        }
        for r in rows
    ]


def _comments_of(conn: Connection, ticket_id: UUID) -> list[InternalComment]:
    """The managers' internal comments, oldest first: never for a reporter."""
    rows = conn.execute(
        select(comments).where(comments.c.ticket_id == ticket_id).order_by(comments.c.version)
    ).mappings()
    return [{"at": utc(r["at"]), "author_id": r["author_id"], "text": r["text"]} for r in rows]


def _assignments_of(conn: Connection, ticket_id: UUID) -> list[TicketAssignment]:
    """Who was given the ticket, when and by whom, oldest first: never for a reporter."""
    rows = conn.execute(
        select(assignments)
        .where(assignments.c.ticket_id == ticket_id)
        .order_by(assignments.c.version)
    ).mappings()
    return [
        {"at": utc(r["at"]), "assignee_id": r["assignee_id"], "assigned_by": r["assigned_by"]}
        for r in rows
    ]


def _reporter(conn: Connection, found: dict[str, Any]) -> TicketReporter:
    """Who reported, and how to reach them, from the people store (nothing once erased)."""
    person = people_by_id(conn, [found["reporter_id"]]).get(found["reporter_id"])
    return {
        "id": found["reporter_id"],
        "kind": found["reporter_kind"],
        "name": full_name(person) if person else None,
        "email": person["email"] if person else None,
        "phone": person["phone"] if person else None,
    }
