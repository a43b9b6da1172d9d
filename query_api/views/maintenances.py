"""Maintenance windows: the calendar members read, and what the public page shows."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, func, select

from projections.maintenance_calendar import window_equipment, windows
from projections.status_page import equipment
from projections.status_rules import utc
from query_api.answers.common import Page
from query_api.answers.maintenances import (
    MaintenanceEquipment,
    MaintenancesOnPage,
    MaintenanceState,
    MaintenanceWindow,
)

# How far ahead the public page shows planned windows.
PLANNED_AHEAD = timedelta(days=30)


def windows_between(
    conn: Connection,
    copro_id: UUID,
    start: datetime,
    end: datetime,
    states: list[MaintenanceState],
    limit: int,
    offset: int,
) -> Page[MaintenanceWindow]:
    """The windows whose period (planned, or as it really went) overlaps [start, end), in these
    states (any when none), the earliest first."""
    where = [
        windows.c.copro_id == copro_id,
        windows.c.period_start < end,
        windows.c.period_end > start,
    ]
    if states:
        where.append(windows.c.state.in_(states))
    total = conn.execute(select(func.count()).select_from(windows).where(*where)).scalar_one()
    rows = conn.execute(
        select(windows)
        .where(*where)
        .order_by(windows.c.period_start, windows.c.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    return {"items": described(conn, list(rows)), "total": total}


def on_status_page(conn: Connection, copro_id: UUID, now: datetime) -> MaintenancesOnPage:
    """Windows in progress, and those planned to start within 30 days (or due to start and
    not started yet)."""
    rows = conn.execute(
        select(windows)
        .where(
            windows.c.copro_id == copro_id,
            windows.c.state.in_(["in_progress", "scheduled"]),
        )
        .order_by(windows.c.starts_at, windows.c.id)
    ).mappings()
    found = described(conn, list(rows))
    return {
        "in_progress": [w for w in found if w["state"] == "in_progress"],
        "planned": [
            w
            for w in found
            if w["state"] == "scheduled"
            and w["starts_at"] <= now + PLANNED_AHEAD
            and w["ends_at"] > now
        ],
    }


def described(conn: Connection, rows: list[Any]) -> list[MaintenanceWindow]:
    """Window rows as the API answers them, with the equipment each names."""
    named = _equipment_of(conn, [r["id"] for r in rows])
    return [
        {
            "id": r["id"],
            "copro_id": r["copro_id"],
            "title": r["title"],
            "description": r["description"],
            "starts_at": utc(r["starts_at"]),
            "ends_at": utc(r["ends_at"]),
            "state": r["state"],
            "started_at": _utc(r["started_at"]),
            "completed_at": _utc(r["completed_at"]),
            "cancelled_at": _utc(r["cancelled_at"]),
            "equipment": named.get(r["id"], []),
            "version": r["version"],
        }
        for r in rows
    ]


def _utc(moment: datetime | None) -> datetime | None:
    return utc(moment) if moment else None


def _equipment_of(conn: Connection, ids: list[UUID]) -> dict[UUID, list[MaintenanceEquipment]]:
    if not ids:
        return {}  # a round trip saved: the page is read again after every change
    rows = conn.execute(
        select(window_equipment.c.maintenance_id, window_equipment.c.equipment_id, equipment.c.name)
        .join(equipment, equipment.c.id == window_equipment.c.equipment_id, isouter=True)
        .where(window_equipment.c.maintenance_id.in_(ids))
        .order_by(equipment.c.order, equipment.c.name)
    )
    named: dict[UUID, list[MaintenanceEquipment]] = {}
    for maintenance_id, equipment_id, name in rows:
        named.setdefault(maintenance_id, []).append({"id": equipment_id, "name": name})
    return named
