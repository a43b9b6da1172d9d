from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from query_api import queries
from query_api.deps import Db, MaybeAccount

router = APIRouter(prefix="/status", tags=["status"])


@router.get("/{slug}", operation_id="status-page")
def status_page(slug: str, conn: Db, account_id: MaybeAccount) -> dict[str, Any]:
    """The condo's public status page: buildings, equipment and their shown status."""
    copro = queries.copro_by_slug(conn, slug)
    if copro is None or copro["archived"]:
        raise HTTPException(404, "no such condo")
    if not copro["public_status_page"]:
        caller = queries.account(conn, account_id) if account_id else None
        if caller is None or not (
            caller["is_admin"] or queries.role_in(conn, account_id, copro["id"])
        ):  # type: ignore[arg-type]
            raise HTTPException(404, "no such condo")
    return queries.status_page(conn, copro)
