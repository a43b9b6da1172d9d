"""The public status page and the daily history strips under it.

Days are UTC days: the strip of a day runs from 00:00 to 24:00 UTC (the page shows times in the
visitor's zone, but a day's bar is a UTC day).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from sqlalchemy import Connection, or_, select

from projections import equipment_history
from projections.status_page import inputs as page_inputs
from projections.status_rules import utc
from query_api import queries
from query_api.answers.common import EquipmentStatus
from query_api.answers.copros import Copro, Equipment
from query_api.answers.status import (
    ShownBuilding,
    ShownEquipment,
    StatusHistory,
    StatusPage,
    StripDay,
)
from query_api.views import incidents, maintenances

SEVERITY = ["operational", "maintenance", "degraded", "partial_outage", "major_outage"]
# What counts as available: the equipment serves, or is out on purpose for planned work.
AVAILABLE = frozenset({"operational", "maintenance"})
RECENT = timedelta(days=90)

STATUS_RULE = (
    "The status shown for a piece of equipment is the worst impact among the open incidents "
    "that name it; otherwise 'maintenance' while a maintenance window that names it is in "
    "progress; otherwise the status a manager last set by hand (operational by default). An "
    "outage is never hidden by maintenance. A building's status and the condo's overall "
    "status are the worst among their active equipment; with no equipment, operational."
)

# An interval of shown status (since, until or None while it lasts, status), and a span of an
# incident on a piece of equipment (incident id, since, until or None).
Interval = tuple[datetime, datetime | None, EquipmentStatus]
IncidentSpan = tuple[UUID, datetime, datetime | None]


def worst(statuses: Iterable[EquipmentStatus]) -> EquipmentStatus:
    return max(statuses, key=SEVERITY.index, default="operational")


def status_page(conn: Connection, copro: Copro, now: datetime) -> StatusPage:
    """The public page: buildings and their equipment, worst first, with the shown status;
    open incidents, maintenance windows and the incidents resolved in the last 90 days."""
    pieces = queries.list_equipment(conn, copro["id"])
    servicing = _under_maintenance(conn, [p["id"] for p in pieces])
    by_building: dict[UUID, list[Equipment]] = {}
    for piece in pieces:
        by_building.setdefault(piece["building_id"], []).append(piece)
    page_buildings: list[ShownBuilding] = []
    for building in queries.list_buildings(conn, copro["id"]):
        inside = sorted(
            by_building.get(building["id"], []),
            key=lambda p: (-SEVERITY.index(p["status"]), p["order"], p["name"]),
        )
        page_buildings.append(
            {
                "id": building["id"],
                "name": building["name"],
                "description": building["description"],
                "order": building["order"],
                "status": worst(p["status"] for p in inside),
                "equipment": [shown(p, p["id"] in servicing) for p in inside],
            }
        )
    page_buildings.sort(key=lambda b: (-SEVERITY.index(b["status"]), b["order"], b["name"]))
    opened, resolved = incidents.on_status_page(conn, copro["id"], now - RECENT)
    return {
        "copro": copro,
        "overall_status": worst(p["status"] for p in pieces),
        "buildings": page_buildings,
        "open_incidents": opened,
        "maintenances": maintenances.on_status_page(conn, copro["id"], now),
        "recent_incidents": resolved,
        "status_rule": STATUS_RULE,
    }


def shown(piece: Equipment, under_maintenance: bool) -> ShownEquipment:
    """What the page says of a piece of equipment."""
    return {
        "id": piece["id"],
        "name": piece["name"],
        "code": piece["code"],
        "category": piece["category"],
        "location": piece["location"],
        "status": piece["status"],
        "reason": piece["reason"],
        "under_maintenance": under_maintenance,
    }


def _under_maintenance(conn: Connection, equipment_ids: list[UUID]) -> set[UUID]:
    """The equipment a maintenance window in progress names, whatever status it shows."""
    if not equipment_ids:
        return set()
    current = page_inputs.current.c
    return {
        equipment_id
        for equipment_id, holding in conn.execute(
            select(current.equipment_id, current.holding).where(
                current.equipment_id.in_(equipment_ids)
            )
        )
        if any(kind == "maintenance" for kind, _, _ in holding.values())
    }


def history(conn: Connection, copro: Copro, days: int, now: datetime) -> StatusHistory:
    """The last `days` UTC days (today included) of each piece of equipment in service."""
    last = now.date()
    first = last - timedelta(days=days - 1)
    start = day_start(first)
    pieces = queries.list_equipment(conn, copro["id"])
    ids = [p["id"] for p in pieces]
    shown = _intervals(conn, ids, start)
    spans = _incident_spans(conn, ids, start)
    dates = [first + timedelta(days=n) for n in range(days)]
    return {
        "from": first,
        "to": last,
        "days": days,
        "time_zone": "UTC",
        "equipment": [
            {
                "id": p["id"],
                "name": p["name"],
                "building_id": p["building_id"],
                "days": [
                    day_entry(d, shown.get(p["id"], []), spans.get(p["id"], []), now) for d in dates
                ],
            }
            for p in pieces
        ],
    }


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def overlap(
    since: datetime, until: datetime | None, start: datetime, end: datetime, now: datetime
) -> timedelta:
    """How much of [since, until) (until now while it lasts) falls in [start, end)."""
    return max(min(until or now, end) - max(since, start), timedelta(0))


def day_entry(
    day: date, intervals: list[Interval], spans: list[IncidentSpan], now: datetime
) -> StripDay:
    """One day of a strip: the worst status shown during it (None before the equipment's
    history begins or after now), the minutes it was not available, the incidents on it."""
    start = day_start(day)
    end = min(start + timedelta(days=1), now)
    during = [(s, u, status) for s, u, status in intervals if overlap(s, u, start, end, now)]
    down = sum(
        (overlap(s, u, start, end, now) for s, u, status in during if status not in AVAILABLE),
        timedelta(0),
    )
    return {
        "date": day,
        "status": worst(status for _, _, status in during) if during else None,
        "minutes_not_operational": round(down.total_seconds() / 60),
        "incident_ids": sorted({i for i, s, u in spans if overlap(s, u, start, end, now)}, key=str),
    }


def _intervals(
    conn: Connection, equipment_ids: list[UUID], start: datetime
) -> dict[UUID, list[Interval]]:
    rows = equipment_history.intervals.c
    found: dict[UUID, list[Interval]] = {}
    for r in conn.execute(
        select(rows.equipment_id, rows.since, rows.until, rows.status)
        .where(
            rows.equipment_id.in_(equipment_ids),
            or_(rows.until.is_(None), rows.until > start),
        )
        .order_by(rows.since)
    ):
        found.setdefault(r.equipment_id, []).append(
            (utc(r.since), utc(r.until) if r.until else None, r.status)
        )
    return found


def _incident_spans(
    conn: Connection, equipment_ids: list[UUID], start: datetime
) -> dict[UUID, list[IncidentSpan]]:
    spans = equipment_history.inputs.spans.c
    found: dict[UUID, list[IncidentSpan]] = {}
    for r in conn.execute(
        select(spans.equipment_id, spans.source_id, spans.since, spans.until).where(
            spans.equipment_id.in_(equipment_ids),
            spans.kind == "incident",
            or_(spans.until.is_(None), spans.until > start),
        )
    ):
        found.setdefault(r.equipment_id, []).append(
            (r.source_id, utc(r.since), utc(r.until) if r.until else None)
        )
    return found
