from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from copro.fields import SearchText
from projections import status_page
from projections import tickets as tickets_projection
from query_api.deps import CurrentCaller, Db, ManagerOf, ReadableTicket
from query_api.params import Limit, Offset
from query_api.reads import Reads
from query_api.views import tickets

router = APIRouter(
    tags=["tickets"],
    dependencies=[Depends(Reads(tickets_projection.projection, status_page.projection))],
)

TicketStatus = Literal["analyzing", "in_progress", "resolved", "closed"]
TicketType = Literal["incident", "request"]


@router.get("/copros/{copro_id}/tickets", operation_id="tickets-board")
def board(
    copro: ManagerOf,
    conn: Db,
    status: Annotated[list[TicketStatus] | None, Query()] = None,
    kind: Annotated[list[TicketType] | None, Query(alias="type")] = None,
    assignee_id: UUID | None = None,
    q: Annotated[SearchText | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
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


@router.get("/me/tickets", operation_id="tickets-mine")
def my_tickets(
    conn: Db,
    caller: CurrentCaller,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The tickets the caller reported, in any condo, latest first."""
    return tickets.reported_by(conn, caller.id, limit, offset)


@router.get("/tickets/{ticket_id}", operation_id="tickets-get")
def get_ticket(ticket: ReadableTicket) -> dict[str, Any]:
    """One ticket with its public timeline, for its reporter; for the condo's managers, also
    the assignee, the internal comments and the reporter's contact details."""
    return ticket
