from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import Connection

from query_api import queries
from query_api.deps import Db, SignedIn, member_of
from query_api.views import incidents

router = APIRouter(tags=["incidents"])

IncidentStatus = Literal["investigating", "in_progress", "resolved", "closed"]


@router.get("/copros/{copro_id}/incidents", operation_id="incidents-list")
def list_incidents(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    status: Annotated[list[IncidentStatus] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The condo's incidents, latest started first; `status` may be given more than once."""
    member_of(conn, account_id, copro_id)
    return incidents.list_incidents(conn, copro_id, list(status or []), limit, offset)


@router.get("/incidents/{incident_id}", operation_id="incidents-get")
def get_incident(incident_id: UUID, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """One incident with its public timeline and linked ticket count; for the condo's managers,
    its internal comments too."""
    found = incidents.incident(conn, incident_id)
    if found is None:
        raise HTTPException(404, "no such incident")
    member_of(conn, account_id, found["copro_id"])
    if is_manager(conn, account_id, found["copro_id"]):
        found["comments"] = incidents.comments_of(conn, incident_id)
    return found


def is_manager(conn: Connection, account_id: UUID, copro_id: UUID) -> bool:
    caller = queries.account(conn, account_id)
    return bool(caller and caller["is_admin"]) or (
        queries.role_in(conn, account_id, copro_id) == "manager"
    )
