from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from copro.fields import MAX_INT64
from query_api import queries
from query_api.deps import Db, SignedIn
from query_api.views import members
from query_api.views.people import people_by_id

router = APIRouter(tags=["auth"])


@router.get("/auth/me", operation_id="auth-me")
def me(conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """The signed-in account: who they are, its status and its roles per condo."""
    account = queries.account(conn, account_id)
    if account is None or account["status"] != "active":
        raise HTTPException(
            401, "this account cannot sign in", headers={"WWW-Authenticate": "Bearer"}
        )
    person = people_by_id(conn, [account_id]).get(account_id, {})
    return {
        "account_id": account_id,
        "email": person.get("email"),
        "first_name": person.get("first_name"),
        "last_name": person.get("last_name"),
        "status": account["status"],
        "is_admin": account["is_admin"],
        "roles": queries.roles_of(conn, account_id),
    }


@router.get("/me/invitations", tags=["invitations"], operation_id="invitations-mine")
def my_invitations(
    conn: Db,
    account_id: SignedIn,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
) -> dict[str, Any]:
    """The invitations awaiting the signed-in account's answer: condo, role and home offered."""
    return members.pending_invitations(conn, account_id, limit, offset)
