from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from query_api.deps import Db, SignedIn, member_of
from query_api.views import maintenances

router = APIRouter(tags=["maintenances"])


@router.get("/copros/{copro_id}/maintenances", operation_id="maintenances-list")
def list_maintenances(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    start: Annotated[datetime | None, Query(alias="from")] = None,
    end: Annotated[datetime | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The condo's maintenance windows overlapping [from, to) (by default the last 30 days to
    the next 90), earliest first; a time without a zone is UTC."""
    member_of(conn, account_id, copro_id)
    now = datetime.now(UTC)
    start = in_utc(start) if start else now - timedelta(days=30)
    end = in_utc(end) if end else now + timedelta(days=90)
    if end <= start:
        raise RequestValidationError(
            [{"loc": ("query", "to"), "msg": "must come after from", "type": "value_error"}]
        )
    return maintenances.windows_between(conn, copro_id, start, end, limit, offset)


def in_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
