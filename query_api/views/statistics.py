"""Statistics over a period of UTC days: incidents per day, and per piece of equipment the
incidents, their time to resolve and its availability, computed from the status intervals."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, or_, select

from projections import equipment_history
from projections.incidents import incidents
from projections.status_page import equipment
from projections.status_rules import utc
from query_api.answers.statistics import EquipmentStatistics, Statistics
from query_api.views.status import AVAILABLE, Interval, day_start, overlap

FORMULA = (
    "Availability = time the equipment was shown as operational or maintenance ÷ time it was "
    "in the period, from its status intervals. Time in the period starts when the equipment's "
    "history does (its installation, or an earlier incident back-dated on it) and ends at its "
    "retirement, or now for a period still running. Each interval is counted once however many "
    "incidents overlapped in it, and only for its part inside the period, so an incident that "
    "began before the period counts for its overlap. Periods run from 00:00 UTC on the first "
    "day to 24:00 UTC on the last."
)


@dataclass(frozen=True)
class Availability:
    observed: timedelta
    available: timedelta

    @property
    def percent(self) -> float | None:
        if not self.observed:
            return None
        return round(100 * (self.available / self.observed), 3)


def period_of(first: date, last: date, now: datetime) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in UTC, ending now for a period still running."""
    start = day_start(first)
    end = min(day_start(last + timedelta(days=1)), now)
    return start, max(start, end)


def availability(
    intervals: list[Interval], start: datetime, end: datetime, now: datetime
) -> Availability:
    """The time of the intervals inside [start, end), and of those shown as available. The
    intervals follow each other from the equipment's first day: their total inside the period
    is the time since installation (or until retirement) that falls in it."""
    observed = available = timedelta(0)
    for since, until, status in intervals:
        inside = overlap(since, until, start, end, now)
        observed += inside
        if status in AVAILABLE:
            available += inside
    return Availability(observed, available)


def hours(delta: timedelta) -> float:
    return round(delta.total_seconds() / 3600, 2)


def resolution(durations: list[timedelta]) -> tuple[float | None, float | None]:
    """Mean and max hours to resolve, None when nothing was resolved."""
    if not durations:
        return None, None
    total = sum(durations, timedelta(0))
    return hours(total / len(durations)), hours(max(durations))


def statistics(
    conn: Connection, copro_id: UUID, first: date, last: date, now: datetime
) -> Statistics:
    start, end = period_of(first, last, now)
    started = _incidents_started(conn, copro_id, start, end)
    per_day = Counter(utc(i.started_at).date() for i in started.values())
    dates = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    named = _incidents_per_equipment(conn, list(started))
    shown = _intervals(conn, copro_id, start, end)
    pieces = conn.execute(
        select(equipment)
        .where(equipment.c.copro_id == copro_id)
        .order_by(equipment.c.order, equipment.c.name)
    ).mappings()
    rows: list[EquipmentStatistics] = []
    for piece in pieces:
        measured = availability(shown.get(piece["id"], []), start, end, now)
        incident_ids = named.get(piece["id"], set())
        if not measured.observed and not incident_ids:
            continue
        mean, longest = resolution(
            [
                utc(started[i].resolved_at) - utc(started[i].started_at)
                for i in incident_ids
                if started[i].resolved_at
            ]
        )
        rows.append(
            {
                "id": piece["id"],
                "name": piece["name"],
                "code": piece["code"],
                "building_id": piece["building_id"],
                "retired": piece["retired"],
                "incidents": len(incident_ids),
                "mean_hours_to_resolve": mean,
                "max_hours_to_resolve": longest,
                "availability_percent": measured.percent,
                "observed_hours": hours(measured.observed),
                "available_hours": hours(measured.available),
            }
        )
    return {
        "from": first,
        "to": last,
        "period_start": start,
        "period_end": end,
        "time_zone": "UTC",
        "incidents_total": len(started),
        "incidents_per_day": {d.isoformat(): per_day.get(d, 0) for d in dates},
        "equipment": rows,
        "formula": FORMULA,
    }


def _incidents_started(
    conn: Connection, copro_id: UUID, start: datetime, end: datetime
) -> dict[UUID, Any]:
    rows = conn.execute(
        select(incidents.c.id, incidents.c.started_at, incidents.c.resolved_at).where(
            incidents.c.copro_id == copro_id,
            incidents.c.started_at >= start,
            incidents.c.started_at < end,
        )
    )
    return {r.id: r for r in rows}


def _incidents_per_equipment(conn: Connection, incident_ids: list[UUID]) -> dict[UUID, set[UUID]]:
    """Every piece of equipment each incident named while open, even if no longer."""
    spans = equipment_history.inputs.spans.c
    named: dict[UUID, set[UUID]] = {}
    for equipment_id, incident_id in conn.execute(
        select(spans.equipment_id, spans.source_id)
        .where(spans.kind == "incident", spans.source_id.in_(incident_ids))
        .distinct()
    ):
        named.setdefault(equipment_id, set()).add(incident_id)
    return named


def _intervals(
    conn: Connection, copro_id: UUID, start: datetime, end: datetime
) -> dict[UUID, list[Interval]]:
    rows = equipment_history.intervals.c
    found: dict[UUID, list[Interval]] = {}
    for r in conn.execute(
        select(rows.equipment_id, rows.since, rows.until, rows.status).where(
            rows.copro_id == copro_id,
            rows.since < end,
            or_(rows.until.is_(None), rows.until > start),
        )
    ):
        found.setdefault(r.equipment_id, []).append(
            (utc(r.since), utc(r.until) if r.until else None, r.status)
        )
    return found
