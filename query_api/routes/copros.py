from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter

from query_api import queries
from query_api.deps import Db, SignedIn, member_of

router = APIRouter(prefix="/copros", tags=["copros"])


@router.get("", operation_id="copros-list")
def list_copros(conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """The condos the caller holds a role in (every condo for a platform admin)."""
    caller = queries.account(conn, account_id)
    if caller and caller["is_admin"]:
        items = queries.all_copros(conn)
    else:
        items = [
            queries.public_copro(c)
            for r in queries.roles_of(conn, account_id)
            if (c := queries.copro_by_id(conn, r["copro_id"]))
        ]
    return {"items": items, "total": len(items)}


@router.get("/{copro_id}", operation_id="copros-get")
def get_copro(copro_id: UUID, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """One of the caller's condos."""
    return queries.public_copro(member_of(conn, account_id, copro_id))


@router.get("/{copro_id}/buildings", operation_id="copros-buildings")
def list_buildings(copro_id: UUID, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """The condo's buildings in display order."""
    member_of(conn, account_id, copro_id)
    items = queries.list_buildings(conn, copro_id)
    return {"items": items, "total": len(items)}


@router.get("/{copro_id}/equipment", operation_id="copros-equipment")
def list_equipment(copro_id: UUID, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """The condo's equipment in service, with its shown status."""
    member_of(conn, account_id, copro_id)
    items = queries.list_equipment(conn, copro_id)
    return {"items": items, "total": len(items)}
