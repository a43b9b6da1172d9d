from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from projections import equipment_history, incidents, maintenance_calendar, status_page
from query_api.deps import Db, VisibleCopro
from query_api.reads import Reads
from query_api.views import status

router = APIRouter(prefix="/status", tags=["status"])

# What the public page is made of: while these run, the site is ready (`/readyz`).
PAGE = (status_page.projection, incidents.projection, maintenance_calendar.projection)


@router.get("/{slug}", operation_id="status-page", dependencies=[Depends(Reads(*PAGE))])
def status_page_of(copro: VisibleCopro, conn: Db) -> dict[str, Any]:
    """The condo's status page: equipment and their shown status, incidents, maintenance."""
    return status.status_page(conn, copro, datetime.now(UTC))


@router.get(
    "/{slug}/history",
    operation_id="status-history",
    dependencies=[Depends(Reads(status_page.projection, equipment_history.projection))],
)
def status_history(
    copro: VisibleCopro,
    conn: Db,
    days: Annotated[int, Query(ge=1, le=366)] = 90,
) -> dict[str, Any]:
    """Each piece of equipment's last days (UTC days): worst status, minutes not operational
    and the incidents on it."""
    return status.history(conn, copro, days, datetime.now(UTC))
