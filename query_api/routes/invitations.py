from __future__ import annotations

from fastapi import APIRouter

from query_api.answers.common import Page
from query_api.answers.members import PendingInvitation
from query_api.deps import CurrentCaller, Db
from query_api.params import Limit, Offset
from query_api.views import members

router = APIRouter(tags=["invitations"])


@router.get("/me/invitations")
def mine(
    conn: Db, caller: CurrentCaller, limit: Limit = 50, offset: Offset = 0
) -> Page[PendingInvitation]:
    """The invitations awaiting the signed-in account's answer: condo, role and home offered."""
    return members.pending_invitations(conn, caller.id, limit, offset)
