"""Maintenance windows as a calendar: each window's plan, its state, the equipment it names, and
the period it really takes (`period_start`, `period_end`): planned until it starts, then from
when it started until it completed or was cancelled."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    delete,
    insert,
    select,
    update,
)

from domain.maintenance import Maintenance
from projections.engine import Projection, upsert
from projections.equipment_history import utc

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
)

window_equipment = Table(
    "maintenance_equipment",
    metadata,
    Column("maintenance_id", Uuid, primary_key=True),
    Column("equipment_id", Uuid, primary_key=True, index=True),
)

projection = Projection(name="maintenance_calendar", version=1, metadata=metadata)


@projection.on(Maintenance.Scheduled)
def scheduled(tx: Connection, e: Any) -> None:
    starts_at, ends_at = utc(e.starts_at), utc(e.ends_at)
    upsert(
        tx,
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
        ),
    )
    _name_equipment(tx, e, e.equipment_ids)


@projection.on(Maintenance.Edited)
def edited(tx: Connection, e: Any) -> None:
    # Only a scheduled window is edited: its period is still the plan.
    values = {k: e.changes[k] for k in ("title", "description") if k in e.changes}
    for name, period in (("starts_at", "period_start"), ("ends_at", "period_end")):
        if name in e.changes:
            values[name] = values[period] = utc(e.changes[name])
    _update(tx, e, **values)
    if "equipment_ids" in e.changes:
        _name_equipment(tx, e, e.changes["equipment_ids"])


@projection.on(Maintenance.Started)
def started(tx: Connection, e: Any) -> None:
    _update(tx, e, state="in_progress", started_at=e.timestamp, period_start=e.timestamp)


@projection.on(Maintenance.Extended)
def extended(tx: Connection, e: Any) -> None:
    ends_at = utc(e.ends_at)
    _update(tx, e, ends_at=ends_at, period_end=ends_at)


@projection.on(Maintenance.Completed)
def completed(tx: Connection, e: Any) -> None:
    _update(tx, e, state="completed", completed_at=e.timestamp, period_end=e.timestamp)


@projection.on(Maintenance.Cancelled)
def cancelled(tx: Connection, e: Any) -> None:
    values: dict[str, Any] = dict(state="cancelled", cancelled_at=e.timestamp)
    state = tx.execute(select(windows.c.state).where(windows.c.id == e.originator_id)).scalar()
    if state == "in_progress":
        # Stopped while under way: it took place until then. Cancelled before, it keeps the
        # plan it was cancelled from.
        values["period_end"] = e.timestamp
    _update(tx, e, cancel_reason=e.reason, **values)


def _name_equipment(tx: Connection, e: Any, equipment_ids: list[Any]) -> None:
    rows = window_equipment.c
    tx.execute(delete(window_equipment).where(rows.maintenance_id == e.originator_id))
    for equipment_id in equipment_ids:
        tx.execute(
            insert(window_equipment).values(
                maintenance_id=e.originator_id, equipment_id=equipment_id
            )
        )


def _update(tx: Connection, e: Any, **values: Any) -> None:
    changed = dict(updated_at=e.timestamp, **values)
    tx.execute(update(windows).where(windows.c.id == e.originator_id).values(**changed))
