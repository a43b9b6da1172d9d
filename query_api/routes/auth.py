from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from query_api import queries
from query_api.deps import Db, SignedIn

router = APIRouter(prefix="/auth", tags=["auth"])


@router.get("/me", operation_id="auth-me")
def me(conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """The signed-in account and its roles per condo."""
    account = queries.account(conn, account_id)
    if account is None or account["status"] != "active":
        raise HTTPException(
            401, "this account cannot sign in", headers={"WWW-Authenticate": "Bearer"}
        )
    return {
        "account_id": account_id,
        "is_admin": account["is_admin"],
        "roles": queries.roles_of(conn, account_id),
    }
