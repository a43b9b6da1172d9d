"""Maintenance windows as a calendar: each window's plan, its state, the equipment it names, and
the period it really takes (`period_start`, `period_end`): planned until it starts, then from
when it started until it completed or was cancelled; and the window's version, set by every event
of it, which a manager's edit sends back as `expected_version`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, Uuid, delete

from domain.maintenance import Maintenance
from projections.engine import Projection
from projections.rows import Rows
from projections.status_rules import utc

metadata = MetaData()

windows = Table(
    "maintenance_windows",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True), nullable=False),
    # scheduled | in_progress | completed | cancelled
    Column("state", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("completed_at", DateTime(timezone=True)),
    Column("cancelled_at", DateTime(timezone=True)),
    Column("cancel_reason", Text),
    Column("period_start", DateTime(timezone=True), nullable=False, index=True),
    Column("period_end", DateTime(timezone=True), nullable=False, index=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)

window_equipment = Table(
    "maintenance_equipment",
    metadata,
    Column("maintenance_id", Uuid, primary_key=True),
    Column("equipment_id", Uuid, primary_key=True, index=True),
)

# v2: the window's version.
projection = Projection(name="maintenance_calendar", version=2, metadata=metadata, cost=0.5)


@projection.on(Maintenance.Scheduled)
def scheduled(rows: Rows, e: Any) -> None:
    starts_at, ends_at = utc(e.starts_at), utc(e.ends_at)
    rows.put(
        windows,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            title=e.title,
            description=e.description,
            starts_at=starts_at,
            ends_at=ends_at,
            state="scheduled",
            started_at=None,
            completed_at=None,
            cancelled_at=None,
            cancel_reason=None,
            period_start=starts_at,
            period_end=ends_at,
            updated_at=e.timestamp,
            version=e.originator_version,
        ),
    )
    # A new window names no equipment yet: nothing to drop first.
    _add_equipment(rows, e, e.equipment_ids)


@projection.on(Maintenance.Edited)
def edited(rows: Rows, e: Any) -> None:
    # Only a scheduled window is edited: its period is still the plan.
    values = {k: e.changes[k] for k in ("title", "description") if k in e.changes}
    for name, period in (("starts_at", "period_start"), ("ends_at", "period_end")):
        if name in e.changes:
            values[name] = values[period] = utc(e.changes[name])
    _update(rows, e, **values)
    if "equipment_ids" in e.changes:
        # Rare enough (a plan changed before it starts) to drop the equipment it named by a
        # query, rather than keep their list in the window's row.
        rows.execute(
            delete(window_equipment).where(window_equipment.c.maintenance_id == e.originator_id)
        )
        _add_equipment(rows, e, e.changes["equipment_ids"])


@projection.on(Maintenance.Started)
def started(rows: Rows, e: Any) -> None:
    _update(rows, e, state="in_progress", started_at=e.timestamp, period_start=e.timestamp)


@projection.on(Maintenance.Extended)
def extended(rows: Rows, e: Any) -> None:
    ends_at = utc(e.ends_at)
    _update(rows, e, ends_at=ends_at, period_end=ends_at)


@projection.on(Maintenance.Completed)
def completed(rows: Rows, e: Any) -> None:
    _update(rows, e, state="completed", completed_at=e.timestamp, period_end=e.timestamp)


@projection.on(Maintenance.Cancelled)
def cancelled(rows: Rows, e: Any) -> None:
    values: dict[str, Any] = dict(state="cancelled", cancelled_at=e.timestamp)
    window = rows.get(windows, e.originator_id)
    if window is not None and window["state"] == "in_progress":
        # Stopped while under way: it took place until then. Cancelled before, it keeps the
        # plan it was cancelled from.
        values["period_end"] = e.timestamp
    _update(rows, e, cancel_reason=e.reason, **values)


def _add_equipment(rows: Rows, e: Any, equipment_ids: list[Any]) -> None:
    for equipment_id in equipment_ids:
        rows.put(window_equipment, dict(maintenance_id=e.originator_id, equipment_id=equipment_id))


def _update(rows: Rows, e: Any, **values: Any) -> None:
    rows.update(
        windows, e.originator_id, updated_at=e.timestamp, version=e.originator_version, **values
    )
