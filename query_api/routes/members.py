from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query

from copro.fields import MAX_INT64
from query_api.deps import Db, SignedIn, member_of
from query_api.views import members

router = APIRouter(tags=["members"])


@router.get("/copros/{copro_id}/members", operation_id="members-list")
def list_members(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
) -> dict[str, Any]:
    """The accounts holding a role in the condo, with their status, role, home and names."""
    manager_of(conn, account_id, copro_id)
    return members.list_members(conn, copro_id, limit, offset)


def manager_of(conn: Db, account_id: UUID, copro_id: UUID) -> None:
    """Nothing for a manager of the condo; 404 outside the caller's condos, else 403."""
    member_of(conn, account_id, copro_id)
    if not members.manages(conn, account_id, copro_id):
        raise HTTPException(403, "this needs the role: manager")
