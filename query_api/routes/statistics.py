from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, NoReturn
from uuid import UUID

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from query_api.deps import Db, SignedIn, member_of
from query_api.views import statistics

router = APIRouter(tags=["statistics"])

# A period longer than this is refused: its per-day series would be a burden, not a chart.
LONGEST_PERIOD = timedelta(days=5 * 366)


@router.get("/copros/{copro_id}/statistics", operation_id="statistics-get")
def get_statistics(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    first: Annotated[date | None, Query(alias="from")] = None,
    last: Annotated[date | None, Query(alias="to")] = None,
) -> dict[str, Any]:
    """Incidents per day and, per piece of equipment, incidents, time to resolve and
    availability over [from, to] (UTC days, both included; by default the last 12 months)."""
    member_of(conn, account_id, copro_id)
    now = datetime.now(UTC)
    last = last or now.date()
    first = first or a_year_before(last) + timedelta(days=1)
    if last < first:
        refuse("to", "must not come before from")
    if last - first >= LONGEST_PERIOD:
        refuse("to", "a period may last five years at most")
    return statistics.statistics(conn, copro_id, first, last, now)


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def refuse(field: str, message: str) -> NoReturn:
    raise RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])
