from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from query_api import queries
from query_api.deps import CurrentCaller, Db
from query_api.params import Limit, Offset
from query_api.views import members
from query_api.views.people import people_by_id

router = APIRouter(tags=["auth"])


@router.get("/auth/me", operation_id="auth-me")
def me(conn: Db, caller: CurrentCaller) -> dict[str, Any]:
    """The signed-in account: who they are, its status and its roles per condo."""
    person = people_by_id(conn, [caller.id]).get(caller.id, {})
    return {
        "account_id": caller.id,
        "email": person.get("email"),
        "first_name": person.get("first_name"),
        "last_name": person.get("last_name"),
        "status": caller.status,
        "is_admin": caller.is_admin,
        "roles": queries.roles_of(conn, caller.id),
    }


@router.get("/me/invitations", tags=["invitations"], operation_id="invitations-mine")
def my_invitations(
    conn: Db, caller: CurrentCaller, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """The invitations awaiting the signed-in account's answer: condo, role and home offered."""
    return members.pending_invitations(conn, caller.id, limit, offset)
