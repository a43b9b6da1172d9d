"""Tickets as the condo's managers follow them and their reporters read them: the ticket, the
equipment it names, its public timeline (the report, each status change with its message or
reason, the replies), and what only the managers read, each in a table of its own so that no
reporter-facing query can pick it up by mistake: their internal comments and who assigned the
ticket to whom.

The reporter is kept by id and kind only: their name, email and phone stay in the people store.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, Uuid

from domain.ticket import Ticket, TicketStatus
from projections.engine import Projection
from projections.rows import Rows

metadata = MetaData()

tickets = Table(
    "tickets",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False, index=True),
    Column("type", String(20), nullable=False),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("location", String(200)),
    Column("status", String(20), nullable=False),
    Column("reporter_id", Uuid, nullable=False, index=True),
    Column("reporter_kind", String(20), nullable=False),
    Column("assignee_id", Uuid),
    Column("incident_id", Uuid),
    Column("reported_at", DateTime(timezone=True), nullable=False, index=True),
    # Last change of any kind, and last change the reporter can see (no assignment, no comment).
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("public_updated_at", DateTime(timezone=True), nullable=False),
    # Counted here as comments and replies come, rather than counted in their tables each time.
    Column("comment_count", Integer, nullable=False, default=0),
    Column("reply_count", Integer, nullable=False, default=0),
    # Title and description casefolded, so that searching ignores case beyond ASCII on SQLite too.
    Column("search_text", Text, nullable=False),
)

ticket_equipment = Table(
    "ticket_equipment",
    metadata,
    Column("ticket_id", Uuid, primary_key=True),
    Column("equipment_id", Uuid, primary_key=True, index=True),
    # Where the reporter named it.
    Column("order", Integer, nullable=False),
)

# The public timeline. `version` is the ticket's version the entry was made at; `kind` is
# reported | started | resolved | closed | reopened | replied.
timeline = Table(
    "ticket_timeline",
    metadata,
    Column("ticket_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(20), nullable=False),
    # The ticket's status after a status change; none for a reply.
    Column("status", String(20)),
    # The message, reason or reply, if any.
    Column("text", Text),
    Column("author_id", Uuid),
)

comments = Table(
    "ticket_comments",
    metadata,
    Column("ticket_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("author_id", Uuid, nullable=False),
    Column("text", Text, nullable=False),
)

# Each assignment: who it went to and who gave it (None for the system, which has no account).
assignments = Table(
    "ticket_assignments",
    metadata,
    Column("ticket_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("assignee_id", Uuid, nullable=False),
    Column("assigned_by", Uuid),
)

# v2: the assignments.
projection = Projection(name="tickets", version=2, metadata=metadata)

REPLIED = "replied"


def searchable(title: str, description: str) -> str:
    return f"{title}\n{description}".casefold()


@projection.on(Ticket.Reported)
def reported(rows: Rows, e: Any) -> None:
    rows.put(
        tickets,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            type=e.type,
            title=e.title,
            description=e.description,
            location=e.location,
            status=TicketStatus.ANALYZING.value,
            reporter_id=e.reporter_id,
            reporter_kind=e.reporter_kind,
            assignee_id=None,
            incident_id=None,
            reported_at=e.timestamp,
            updated_at=e.timestamp,
            public_updated_at=e.timestamp,
            comment_count=0,
            reply_count=0,
            search_text=searchable(e.title, e.description),
        ),
    )
    for order, equipment_id in enumerate(e.equipment_ids):
        rows.put(
            ticket_equipment,
            dict(ticket_id=e.originator_id, equipment_id=equipment_id, order=order),
        )
    _add_entry(rows, e, "reported", TicketStatus.ANALYZING.value, None)


@projection.on(Ticket.Assigned)
def assigned(rows: Rows, e: Any) -> None:
    rows.update(tickets, e.originator_id, assignee_id=e.assignee_id, updated_at=e.timestamp)
    rows.insert(
        assignments,
        dict(
            ticket_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            assignee_id=e.assignee_id,
            assigned_by=account_of(e.actor),
        ),
    )


@projection.on(Ticket.Started)
def started(rows: Rows, e: Any) -> None:
    _move(rows, e, "started", TicketStatus.IN_PROGRESS, e.message)


@projection.on(Ticket.Resolved)
def resolved(rows: Rows, e: Any) -> None:
    _move(rows, e, "resolved", TicketStatus.RESOLVED, e.message)


@projection.on(Ticket.Closed)
def closed(rows: Rows, e: Any) -> None:
    _move(rows, e, "closed", TicketStatus.CLOSED, e.reason)


@projection.on(Ticket.Reopened)
def reopened(rows: Rows, e: Any) -> None:
    _move(rows, e, "reopened", TicketStatus.IN_PROGRESS, e.reason)


@projection.on(Ticket.Commented)
def commented(rows: Rows, e: Any) -> None:
    # An insert: a comment applied twice would break the primary key, not count twice.
    rows.insert(
        comments,
        dict(
            ticket_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            author_id=e.author_id,
            text=e.text,
        ),
    )
    ticket = rows.get(tickets, e.originator_id)
    if ticket is not None:
        rows.update(
            tickets,
            e.originator_id,
            comment_count=ticket["comment_count"] + 1,
            updated_at=e.timestamp,
        )


@projection.on(Ticket.Replied)
def replied(rows: Rows, e: Any) -> None:
    _add_entry(rows, e, REPLIED, None, e.text, author_id=e.author_id)
    ticket = rows.get(tickets, e.originator_id)
    if ticket is not None:
        rows.update(
            tickets,
            e.originator_id,
            reply_count=ticket["reply_count"] + 1,
            updated_at=e.timestamp,
            public_updated_at=e.timestamp,
        )


@projection.on(Ticket.LinkedToIncident)
def linked_to_incident(rows: Rows, e: Any) -> None:
    rows.update(
        tickets,
        e.originator_id,
        incident_id=e.incident_id,
        updated_at=e.timestamp,
        public_updated_at=e.timestamp,
    )


def account_of(actor: str) -> UUID | None:
    """The account an event's actor names; None for `system` (an account id otherwise: only a
    manager or an admin may assign)."""
    try:
        return UUID(actor)
    except ValueError:
        return None


def _move(rows: Rows, e: Any, kind: str, status: TicketStatus, text: str | None) -> None:
    rows.update(
        tickets,
        e.originator_id,
        status=status.value,
        updated_at=e.timestamp,
        public_updated_at=e.timestamp,
    )
    _add_entry(rows, e, kind, status.value, text)


def _add_entry(
    rows: Rows,
    e: Any,
    kind: str,
    status: str | None,
    text: str | None,
    author_id: Any = None,
) -> None:
    # An insert: an entry applied twice would break the primary key, not pass unseen.
    rows.insert(
        timeline,
        dict(
            ticket_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            kind=kind,
            status=status,
            text=text,
            author_id=author_id,
        ),
    )
