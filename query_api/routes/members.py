from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from query_api.answers.common import AccountStatus, Page, Role
from query_api.answers.members import Member
from query_api.deps import Db, ManagerOf
from query_api.params import Limit, Offset
from query_api.views import members

router = APIRouter(tags=["members"])


@router.get("/copros/{copro_id}/members")
def list_members(
    copro: ManagerOf,
    conn: Db,
    role: Annotated[list[Role] | None, Query()] = None,
    status: Annotated[list[AccountStatus] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Member]:
    """The accounts holding a role in the condo, with their status, role, home and names;
    `role` and `status` (the account's) may each be given more than once."""
    return members.list_members(
        conn,
        copro["id"],
        roles_held=list(role or []),
        statuses=list(status or []),
        limit=limit,
        offset=offset,
    )
