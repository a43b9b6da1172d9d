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
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)

from domain.equipment import Equipment
from projections.engine import Projection
from projections.rows import Rows
from projections.status_inputs import Change, StatusInputs
from projections.status_rules import Piece, status_pieces, utc


def aware(value: Any) -> Any:
    return utc(value) if isinstance(value, datetime) else value


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

projection = Projection(name="equipment_history", version=2, metadata=metadata)

# The equipment's condo and lifespan, with its intervals from the one reaching `since` on (as
# the intervals follow each other, a range of the primary key: not every interval it ever had).
_reaching = (
    select(func.max(intervals.c.since))
    .where(
        intervals.c.equipment_id == bindparam("equipment_id"),
        intervals.c.since <= bindparam("since"),
    )
    .scalar_subquery()
)
_history_from = (
    select(
        inputs.lifespans.c.copro_id,
        inputs.lifespans.c.installed_at,
        inputs.lifespans.c.retired_at,
        intervals.c.since,
        intervals.c.until,
        intervals.c.status,
    )
    .select_from(
        inputs.lifespans.outerjoin(
            intervals,
            and_(
                intervals.c.equipment_id == inputs.lifespans.c.equipment_id,
                intervals.c.since >= func.coalesce(_reaching, bindparam("since")),
            ),
        )
    )
    .where(inputs.lifespans.c.equipment_id == bindparam("equipment_id"))
    .order_by(intervals.c.since)
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
    for equipment_id, since in sorted(relays.items()):
        _relay(rows, equipment_id, since)


def _relay(rows: Rows, equipment_id: UUID, since: datetime) -> None:
    """Lays the intervals again from `since`, from the inputs in the database."""
    found = rows.execute(_history_from, {"equipment_id": equipment_id, "since": since}).all()
    if not found:
        return  # never installed
    life = found[0]
    held = inputs.holding_from(rows, equipment_id, since)
    begins = min([utc(life.installed_at), *(s.since for s in held.impacts)])
    start = max(since, begins)
    ends = utc(life.retired_at) if life.retired_at else None
    pieces = status_pieces(start, ends, held.manual, held.impacts, held.windows)
    laid = [(utc(r.since), r.until and utc(r.until), r.status) for r in found if r.since]
    _lay(rows, life.copro_id, equipment_id, start, pieces, laid)
    last = rows.execute(
        select(intervals)
        .where(intervals.c.equipment_id == equipment_id)
        .order_by(intervals.c.since.desc())
        .limit(1)
    ).first()
    if last is None:
        rows.delete(last_intervals, equipment_id)
    else:
        rows.put(last_intervals, {k: aware(v) for k, v in last._mapping.items()})


def _lay(
    rows: Rows,
    copro_id: UUID,
    equipment_id: UUID,
    start: datetime,
    pieces: list[Piece],
    laid: list[Piece],
) -> None:
    """Replaces the intervals from `start` on by `pieces`; the interval reaching `start` goes on
    if its status does, else stops there. Writes only what differs."""
    columns = intervals.c
    if any(since >= start for since, _, _ in laid):
        rows.execute(
            delete(intervals).where(columns.equipment_id == equipment_id, columns.since >= start)
        )
    reaching = [i for i in laid if i[0] < start and (i[1] is None or i[1] >= start)]
    if reaching:
        since, until, status = reaching[-1]
        goes_on = bool(pieces) and pieces[0][2] == status
        new_until = pieces[0][1] if goes_on else start
        if goes_on:
            pieces = pieces[1:]
        if new_until != until:
            rows.execute(
                update(intervals)
                .where(columns.equipment_id == equipment_id, columns.since == since)
                .values(until=new_until)
            )
    if pieces:
        rows.execute(
            insert(intervals),
            [
                dict(equipment_id=equipment_id, since=s, until=u, status=status, copro_id=copro_id)
                for s, u, status in pieces
            ],
        )


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
