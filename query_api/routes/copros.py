from __future__ import annotations

from fastapi import APIRouter, Depends

from projections import status_page
from query_api import queries
from query_api.answers.common import Page
from query_api.answers.copros import Building, Copro, Equipment
from query_api.deps import CurrentCaller, Db, MemberOf
from query_api.reads import Reads

router = APIRouter(
    prefix="/copros", tags=["copros"], dependencies=[Depends(Reads(status_page.projection))]
)


@router.get("")
def list_copros(conn: Db, caller: CurrentCaller) -> Page[Copro]:
    """The condos the caller holds a role in (every condo for a platform admin)."""
    if caller.is_admin:
        items = queries.all_copros(conn)
    else:
        items = queries.copros_by_id(conn, list(caller.roles))
    return {"items": items, "total": len(items)}


@router.get("/{copro_id}")
def get_copro(copro: MemberOf) -> Copro:
    """One of the caller's condos."""
    return copro


@router.get("/{copro_id}/buildings")
def list_buildings(copro: MemberOf, conn: Db) -> Page[Building]:
    """The condo's buildings in display order."""
    items = queries.list_buildings(conn, copro["id"])
    return {"items": items, "total": len(items)}


@router.get("/{copro_id}/equipment")
def list_equipment(copro: MemberOf, conn: Db) -> Page[Equipment]:
    """The condo's equipment in service, with its shown status."""
    items = queries.list_equipment(conn, copro["id"])
    return {"items": items, "total": len(items)}
