from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from query_api.deps import Db, ManagerOf
from query_api.params import Limit, Offset
from query_api.views import members

router = APIRouter(tags=["members"])


@router.get("/copros/{copro_id}/members", operation_id="members-list")
def list_members(
    copro: ManagerOf, conn: Db, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """The accounts holding a role in the condo, with their status, role, home and names."""
    return members.list_members(conn, copro["id"], limit, offset)
