from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from projections import status_page
from query_api import queries
from query_api.deps import CurrentCaller, Db, MemberOf
from query_api.reads import Reads

router = APIRouter(
    prefix="/copros", tags=["copros"], dependencies=[Depends(Reads(status_page.projection))]
)


@router.get("", operation_id="copros-list")
def list_copros(conn: Db, caller: CurrentCaller) -> dict[str, Any]:
    """The condos the caller holds a role in (every condo for a platform admin)."""
    if caller.is_admin:
        items = queries.all_copros(conn)
    else:
        items = [queries.public_copro(c) for c in queries.copros_by_id(conn, list(caller.roles))]
    return {"items": items, "total": len(items)}


@router.get("/{copro_id}", operation_id="copros-get")
def get_copro(copro: MemberOf) -> dict[str, Any]:
    """One of the caller's condos."""
    return queries.public_copro(copro)


@router.get("/{copro_id}/buildings", operation_id="copros-buildings")
def list_buildings(copro: MemberOf, conn: Db) -> dict[str, Any]:
    """The condo's buildings in display order."""
    items = queries.list_buildings(conn, copro["id"])
    return {"items": items, "total": len(items)}


@router.get("/{copro_id}/equipment", operation_id="copros-equipment")
def list_equipment(copro: MemberOf, conn: Db) -> dict[str, Any]:
    """The condo's equipment in service, with its shown status."""
    items = queries.list_equipment(conn, copro["id"])
    return {"items": items, "total": len(items)}
