from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from copro.fields import SearchText
from projections import status_page
from projections import tickets as tickets_projection
from query_api.answers.common import Page
from query_api.answers.tickets import (
    BoardTicket,
    ManagedTicket,
    MyTicket,
    ReportedTicket,
    TicketStatus,
    TicketType,
)
from query_api.deps import CurrentCaller, Db, ManagerOf, ReadableTicket
from query_api.params import Limit, Offset
from query_api.reads import Reads
from query_api.views import tickets

router = APIRouter(
    tags=["tickets"],
    dependencies=[Depends(Reads(tickets_projection.projection, status_page.projection))],
)


@router.get("/copros/{copro_id}/tickets")
def board(
    copro: ManagerOf,
    conn: Db,
    status: Annotated[list[TicketStatus] | None, Query()] = None,
    kind: Annotated[list[TicketType] | None, Query(alias="type")] = None,
    assignee_id: UUID | None = None,
    q: Annotated[SearchText | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[BoardTicket]:
    """The condo's tickets, latest reported first; `status` and `type` may be given more than
    once, `q` searches title and description."""
    return tickets.board(
        conn,
        copro["id"],
        statuses=list(status or []),
        types=list(kind or []),
        assignee_id=assignee_id,
        q=q,
        limit=limit,
        offset=offset,
    )


@router.get("/me/tickets")
def mine(
    conn: Db,
    caller: CurrentCaller,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[MyTicket]:
    """The tickets the caller reported, in any condo, latest first."""
    return tickets.reported_by(conn, caller.id, limit, offset)


@router.get("/tickets/{ticket_id}")
def get_ticket(ticket: ReadableTicket) -> ManagedTicket | ReportedTicket:
    """One ticket with its public timeline, for its reporter; for the condo's managers, also
    the assignee and who assigned it to whom, the internal comments and the reporter's
    contact details."""
    return ticket
