from __future__ import annotations

from fastapi import APIRouter

from query_api.answers.common import Page
from query_api.answers.members import PendingInvitation
from query_api.deps import CurrentCaller, Db, ManagerOf
from query_api.params import Limit, Offset
from query_api.views import members

router = APIRouter(tags=["invitations"])


@router.get("/me/invitations")
def mine(
    conn: Db, caller: CurrentCaller, limit: Limit = 50, offset: Offset = 0
) -> Page[PendingInvitation]:
    """The invitations awaiting the signed-in account's answer: condo, role and home offered."""
    return members.pending_invitations(conn, caller.id, limit, offset)


@router.get("/copros/{copro_id}/invitations")
def sent(
    copro: ManagerOf, conn: Db, limit: Limit = 50, offset: Offset = 0
) -> Page[PendingInvitation]:
    """The condo's invitations not answered yet (its managers): role, home offered, when sent."""
    return members.condo_invitations(conn, copro["id"], limit, offset)
