from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from copro.fields import HeldEmail
from projections import members, status_page, tickets
from query_api.deps import Db, PlatformAdmin
from query_api.reads import Reads
from query_api.views import right_of_access

router = APIRouter(
    prefix="/people",
    tags=["people"],
    dependencies=[Depends(Reads(members.projection, tickets.projection, status_page.projection))],
)


@router.get("/export")
def export(_: PlatformAdmin, conn: Db, email: Annotated[HeldEmail, Query()]) -> dict[str, Any]:
    """Everything held on the person of this email, as JSON (the right of access): their rows
    of the people store, their account's roles and invitations, the tickets they reported
    with their public timeline; an unknown email holds nothing (a platform admin)."""
    return right_of_access.held_on(conn, email)
