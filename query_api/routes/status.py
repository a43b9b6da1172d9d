from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import Connection

from query_api import queries
from query_api.deps import Db, MaybeAccount
from query_api.views import status

router = APIRouter(prefix="/status", tags=["status"])


@router.get("/{slug}", operation_id="status-page")
def status_page(slug: str, conn: Db, account_id: MaybeAccount) -> dict[str, Any]:
    """The condo's status page: equipment and their shown status, incidents, maintenance."""
    copro = visible_copro(conn, slug, account_id)
    return status.status_page(conn, copro, datetime.now(UTC))


@router.get("/{slug}/history", operation_id="status-history")
def status_history(
    slug: str,
    conn: Db,
    account_id: MaybeAccount,
    days: Annotated[int, Query(ge=1, le=366)] = 90,
) -> dict[str, Any]:
    """Each piece of equipment's last days (UTC days): worst status, minutes not operational
    and the incidents on it."""
    copro = visible_copro(conn, slug, account_id)
    return status.history(conn, copro, days, datetime.now(UTC))


def visible_copro(conn: Connection, slug: str, account_id: UUID | None) -> dict[str, Any]:
    """The condo, if its page is public or the caller is one of its members; else 404."""
    copro = queries.copro_by_slug(conn, slug)
    if copro is None or copro["archived"]:
        raise HTTPException(404, "no such condo")
    if not copro["public_status_page"]:
        caller = queries.account(conn, account_id) if account_id else None
        if (
            caller is None
            or caller["status"] != "active"
            or not (caller["is_admin"] or queries.role_in(conn, caller["id"], copro["id"]))
        ):
            raise HTTPException(404, "no such condo")
    return copro
