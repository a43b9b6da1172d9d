from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from copro.fields import Instant
from projections import maintenance_calendar, status_page
from query_api.answers.common import Page
from query_api.answers.maintenances import MaintenanceState, MaintenanceWindow
from query_api.deps import Db, MemberOf
from query_api.params import Limit, Offset, refuse
from query_api.reads import Reads
from query_api.views import maintenances

router = APIRouter(
    tags=["maintenances"],
    dependencies=[Depends(Reads(maintenance_calendar.projection, status_page.projection))],
)


@router.get("/copros/{copro_id}/maintenances")
def list_maintenances(
    copro: MemberOf,
    conn: Db,
    start: Annotated[Instant | None, Query(alias="from")] = None,
    end: Annotated[Instant | None, Query(alias="to")] = None,
    state: Annotated[list[MaintenanceState] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[MaintenanceWindow]:
    """The condo's maintenance windows overlapping [from, to) (by default the last 30 days to
    the next 90), earliest first, each with its version (for `expected_version`); `state` may
    be given more than once; a time without a zone is UTC."""
    now = datetime.now(UTC)
    start = start or now - timedelta(days=30)
    end = end or now + timedelta(days=90)
    if end <= start:
        refuse("to", "must come after from")
    chosen = list(state or [])
    return maintenances.windows_between(conn, copro["id"], start, end, chosen, limit, offset)
