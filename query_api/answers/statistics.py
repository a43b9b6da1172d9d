"""Statistics over a period of UTC days."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import exact

# A period of days, both included: `from` and `to` are Python keywords, hence this form.
Days = TypedDict("Days", {"from": date, "to": date})


@exact
class EquipmentStatistics(TypedDict):
    """A piece of equipment over the period (retired ones too, if they were in service then):
    the incidents that named it, their mean and longest time to resolve (None when none was
    resolved), and its availability (None when it was not in service at all)."""

    id: UUID
    name: str
    code: str | None
    building_id: UUID
    retired: bool
    incidents: int
    mean_hours_to_resolve: float | None
    max_hours_to_resolve: float | None
    availability_percent: float | None
    observed_hours: float
    available_hours: float


@exact
class Statistics(Days):
    """Incidents per day (by the day they started) and per piece of equipment over the period,
    from `period_start` (00:00 UTC of `from`) to `period_end` (24:00 UTC of `to`, or now), and
    how availability is computed."""

    period_start: datetime
    period_end: datetime
    time_zone: Literal["UTC"]
    incidents_total: int
    incidents_per_day: dict[str, int]
    equipment: list[EquipmentStatistics]
    formula: str
