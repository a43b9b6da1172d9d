from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from copro.fields import Day
from projections import equipment_history, incidents, status_page
from query_api.answers.statistics import Statistics
from query_api.deps import Db, MemberOf
from query_api.params import refuse
from query_api.reads import Reads
from query_api.views import statistics

router = APIRouter(
    tags=["statistics"],
    dependencies=[
        Depends(Reads(incidents.projection, equipment_history.projection, status_page.projection))
    ],
)

# A period longer than this is refused: its per-day series would be a burden, not a chart.
LONGEST_PERIOD = timedelta(days=5 * 366)


@router.get("/copros/{copro_id}/statistics")
def get_statistics(
    copro: MemberOf,
    conn: Db,
    first: Annotated[Day | None, Query(alias="from")] = None,
    last: Annotated[Day | None, Query(alias="to")] = None,
) -> Statistics:
    """Incidents per day and, per piece of equipment, incidents, time to resolve and
    availability over [from, to] (UTC days, both included; by default the last 12 months)."""
    now = datetime.now(UTC)
    last = last or now.date()
    first = first or a_year_before(last) + timedelta(days=1)
    if last < first:
        refuse("to", "must not come before from")
    if last - first >= LONGEST_PERIOD:
        refuse("to", "a period may last five years at most")
    return statistics.statistics(conn, copro["id"], first, last, now)


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
