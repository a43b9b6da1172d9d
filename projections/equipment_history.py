"""Status intervals: each piece of equipment's shown status through time, as (since, until,
status) rows, the last one open (`until` NULL) while the equipment is in service.

The shown status follows one rule (`status_rules.shown_status`) over inputs this projection keeps
in its own tables (`status_inputs.StatusInputs`; the status page keeps its own copy).

An input changes at the moment its event says: when it was recorded, except an incident's start,
which may be back-dated. The intervals are therefore rewritten from that moment on, not only
appended to: an incident back-dated to yesterday makes yesterday an outage. An incident
back-dated before the equipment was registered starts its history at the incident's start.
Two events whose clocks disagree with their order in the log are laid the same way, so the
intervals depend on the log alone: a rebuild lays them again identically.

Almost every change is later than anything the equipment's inputs held before: it only closes
the last interval and opens the next (if the status changes), from `history_last` in memory,
without a query. Any other change lays the intervals again from the database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    Uuid,
    bindparam,
    func,
    select,
)

from domain.equipment import Equipment
from projections.engine import Projection
from projections.rows import Rows
from projections.status_inputs import Change, StatusInputs
from projections.status_rules import Piece, status_pieces, utc

# -- the projection: intervals ------------------------------------------------------------------

metadata = MetaData()

inputs = StatusInputs(metadata, "history")

intervals = Table(
    "history_intervals",
    metadata,
    Column("equipment_id", Uuid, primary_key=True),
    Column("since", DateTime(timezone=True), primary_key=True),
    Column("until", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("copro_id", Uuid, nullable=False, index=True),
)

# The last interval of each piece of equipment (a copy of its `history_intervals` row), kept
# in memory while projecting: what the common change extends.
last_intervals = Table(
    "history_last",
    metadata,
    Column("equipment_id", Uuid, primary_key=True),
    Column("since", DateTime(timezone=True), nullable=False),
    Column("until", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("copro_id", Uuid, nullable=False),
)

projection = Projection(name="equipment_history", version=2, metadata=metadata, cost=3)

# The intervals of some equipment from the one reaching `since` on (as the intervals follow
# each other, a range of the primary key: not every interval they ever had).
_later = intervals.alias("later")
_laid_from = (
    select(intervals)
    .where(
        intervals.c.equipment_id.in_(bindparam("equipment_ids", expanding=True)),
        intervals.c.since
        >= func.coalesce(
            select(func.max(_later.c.since))
            .where(
                _later.c.equipment_id == intervals.c.equipment_id,
                _later.c.since <= bindparam("since"),
            )
            .scalar_subquery(),
            bindparam("since"),
        ),
    )
    .order_by(intervals.c.equipment_id, intervals.c.since)
)


def rewrite_intervals(rows: Rows, change: Change) -> None:
    """Lays each piece of equipment's shown status again from the moment its inputs changed:
    extends its intervals at once, or lays them again from the database at the end of the batch
    (once per piece of equipment, from the earliest such change)."""
    relays = rows.at_end("relay", _relay_all)
    for equipment_id in change.equipment_ids:
        if equipment_id in relays:
            relays[equipment_id] = min(relays[equipment_id], change.since)
        elif equipment_id not in change.appended or not _extend(rows, equipment_id, change.since):
            relays[equipment_id] = change.since


def _extend(rows: Rows, equipment_id: UUID, at: datetime) -> bool:
    """The change at `at` is later than any input held: the last interval goes on if the status
    shown stays, else stops at `at` where the next begins (the first begins at installation).
    False if the intervals end (retired)."""
    last = rows.get(last_intervals, equipment_id)
    if last is not None and last["until"] is not None:
        return False
    shown = inputs.shown_now(rows, equipment_id).status
    if last is not None and shown == last["status"]:
        return True
    if last is None:
        life = rows.get(inputs.lifespans, equipment_id)
        if life is None:
            return False
        copro_id = life["copro_id"]
    else:
        copro_id = last["copro_id"]
        rows.put(intervals, last | dict(until=at))
    following = dict(equipment_id=equipment_id, since=at, until=None, status=shown)
    following["copro_id"] = copro_id
    rows.insert(intervals, following)
    rows.put(last_intervals, following)
    return True


def _relay_all(rows: Rows, relays: dict[UUID, datetime]) -> None:
    """Lays again the intervals of each piece of equipment in `relays` from its moment, from the
    inputs in the database: a few queries for all of them, the rows written with the batch."""
    if not relays:
        return
    ids = sorted(relays)
    earliest = min(relays.values())
    lives = {
        r.equipment_id: r
        for r in rows.execute(
            select(inputs.lifespans).where(inputs.lifespans.c.equipment_id.in_(ids))
        )
    }
    laid_by: dict[UUID, list[Piece]] = {}
    for r in rows.execute(_laid_from, {"equipment_ids": ids, "since": earliest}):
        laid_by.setdefault(r.equipment_id, []).append(
            (utc(r.since), r.until and utc(r.until), r.status)
        )
    held_by = inputs.holding_from(rows, ids, earliest)
    for equipment_id in ids:
        life = lives.get(equipment_id)
        if life is None:
            continue  # never installed
        since = relays[equipment_id]
        held = held_by[equipment_id].at(since)
        begins = min([utc(life.installed_at), *(s.since for s in held.impacts)])
        start = max(since, begins)
        ends = utc(life.retired_at) if life.retired_at else None
        pieces = status_pieces(start, ends, held.manual, held.impacts, held.windows)
        laid = from_reaching(laid_by.get(equipment_id, []), since)
        _lay(rows, life.copro_id, equipment_id, start, pieces, laid)


def from_reaching(laid: list[Piece], since: datetime) -> list[Piece]:
    """The intervals from the one reaching `since` on (all from `since` if none reaches it)."""
    reaching = max((s for s, _, _ in laid if s <= since), default=since)
    return [i for i in laid if i[0] >= reaching]


def _lay(
    rows: Rows,
    copro_id: UUID,
    equipment_id: UUID,
    start: datetime,
    pieces: list[Piece],
    laid: list[Piece],
) -> None:
    """Replaces the intervals from `start` on by `pieces`; the interval reaching `start` goes on
    if its status does, else stops there. Writes only what differs; keeps `history_last`."""

    def row(piece: Piece) -> dict[str, Any]:
        since, until, status = piece
        values = dict(equipment_id=equipment_id, since=since, until=until, status=status)
        return values | dict(copro_id=copro_id)

    kept = [i for i in laid if i[0] < start]
    for since, _, _ in laid:
        if since >= start:
            rows.delete(intervals, equipment_id, since)
    reaching = [i for i in kept if i[1] is None or i[1] >= start]
    if reaching:
        since, until, status = reaching[-1]
        goes_on = bool(pieces) and pieces[0][2] == status
        new_until = pieces[0][1] if goes_on else start
        if goes_on:
            pieces = pieces[1:]
        if new_until != until:
            rows.put(intervals, row((since, new_until, status)))
            kept[kept.index(reaching[-1])] = (since, new_until, status)
    for piece in pieces:
        rows.insert(intervals, row(piece))
    last = max([*kept, *pieces], default=None)
    if last is None:
        rows.delete(last_intervals, equipment_id)
    else:
        rows.put(last_intervals, row(last))


@projection.on(Equipment.Installed)
def equipment_installed(rows: Rows, e: Any) -> None:
    rewrite_intervals(rows, inputs.installed(rows, e))


@projection.on(Equipment.StatusSet)
def equipment_status_set(rows: Rows, e: Any) -> None:
    rewrite_intervals(rows, inputs.status_set(rows, e))


@projection.on(Equipment.Retired)
def equipment_retired(rows: Rows, e: Any) -> None:
    rewrite_intervals(rows, inputs.retired(rows, e))


inputs.follow(projection, rewrite_intervals)
