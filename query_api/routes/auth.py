from __future__ import annotations

from fastapi import APIRouter

from query_api import queries
from query_api.answers.copros import SignedInAccount
from query_api.deps import CurrentCaller, Db
from query_api.views.people import people_by_id

router = APIRouter(tags=["auth"])


@router.get("/auth/me")
def me(conn: Db, caller: CurrentCaller) -> SignedInAccount:
    """The signed-in account: who they are, its status and its roles per condo."""
    person = people_by_id(conn, [caller.id]).get(caller.id, {})
    return {
        "account_id": caller.id,
        "email": person.get("email"),
        "first_name": person.get("first_name"),
        "last_name": person.get("last_name"),
        "status": caller.status,
        "is_admin": caller.is_admin,
        "is_operator": caller.is_operator,
        "roles": queries.roles_of(conn, caller.id),
    }
