from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from copro.fields import Instant
from projections import maintenance_calendar, status_page
from query_api.deps import Db, MemberOf
from query_api.params import Limit, Offset, refuse
from query_api.reads import Reads
from query_api.views import maintenances

router = APIRouter(
    tags=["maintenances"],
    dependencies=[Depends(Reads(maintenance_calendar.projection, status_page.projection))],
)


@router.get("/copros/{copro_id}/maintenances", operation_id="maintenances-list")
def list_maintenances(
    copro: MemberOf,
    conn: Db,
    start: Annotated[Instant | None, Query(alias="from")] = None,
    end: Annotated[Instant | None, Query(alias="to")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The condo's maintenance windows overlapping [from, to) (by default the last 30 days to
    the next 90), earliest first, each with its version (for `expected_version`); a time
    without a zone is UTC."""
    now = datetime.now(UTC)
    start = start or now - timedelta(days=30)
    end = end or now + timedelta(days=90)
    if end <= start:
        refuse("to", "must come after from")
    return maintenances.windows_between(conn, copro["id"], start, end, limit, offset)
