from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query

from query_api import queries
from query_api.deps import Db, SignedIn
from query_api.routes.members import manager_of
from query_api.views import members, tickets

router = APIRouter(tags=["tickets"])

TicketStatus = Literal["analyzing", "in_progress", "resolved", "closed"]
TicketType = Literal["incident", "request"]


@router.get("/copros/{copro_id}/tickets", operation_id="tickets-board")
def board(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    status: Annotated[list[TicketStatus] | None, Query()] = None,
    kind: Annotated[list[TicketType] | None, Query(alias="type")] = None,
    assignee_id: UUID | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The condo's tickets, latest reported first; `status` and `type` may be given more than
    once, `q` searches title and description."""
    manager_of(conn, account_id, copro_id)
    return tickets.board(
        conn,
        copro_id,
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
    account_id: SignedIn,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The tickets the caller reported, in any condo, latest first."""
    caller = queries.account(conn, account_id)
    if caller is None or caller["status"] != "active":
        raise HTTPException(
            401, "this account cannot sign in", headers={"WWW-Authenticate": "Bearer"}
        )
    return tickets.reported_by(conn, account_id, limit, offset)


@router.get("/tickets/{ticket_id}", operation_id="tickets-get")
def get_ticket(ticket_id: UUID, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """One ticket with its public timeline, for its reporter; for the condo's managers, also
    the assignee, the internal comments and the reporter's contact details."""
    found = tickets.ticket(conn, ticket_id)
    if found is not None:
        if members.manages(conn, account_id, found["copro_id"]):
            return tickets.for_manager(conn, found)
        caller = queries.account(conn, account_id)
        if caller and caller["status"] == "active" and tickets.is_reported_by(found, account_id):
            return tickets.for_reporter(conn, found)
    raise HTTPException(404, "no such ticket")
