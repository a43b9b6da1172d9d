"""Status intervals: each piece of equipment's shown status through time, as (since, until,
status) rows, the last one open (`until` NULL) while the equipment is in service.

The shown status follows one rule (PRODUCT.md, "Equipment status"), `shown_status`, over three
inputs: the impacts of the open incidents naming the equipment, the maintenance windows naming
it that are in progress, and the status last set by hand. `StatusInputs` keeps those inputs, each
with the moments it held, in a projection's own tables (the status page keeps its own copy).

An input changes at the moment its event says: when it was recorded, except an incident's start,
which may be back-dated. The intervals are therefore rewritten from that moment on, not only
appended to: an incident back-dated to yesterday makes yesterday an outage. An incident
back-dated before the equipment was registered starts its history at the incident's start.
Two events whose clocks disagree with their order in the log are laid the same way, so the
intervals depend on the log alone: a rebuild lays them again identically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
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
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)

from domain.equipment import Equipment, worst
from domain.incident import Incident, IncidentStatus
from domain.maintenance import Maintenance
from projections.engine import Projection, upsert

OPEN = frozenset({IncidentStatus.INVESTIGATING.value, IncidentStatus.IN_PROGRESS.value})


# -- the rule -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """The status shown for a piece of equipment, and why (`manual`, `incident`, `maintenance`)."""

    status: str
    reason: str
    under_maintenance: bool = False


def shown_status(manual: str, impacts: Iterable[str], in_maintenance: bool) -> Shown:
    """The worst impact of the open incidents naming it; else `maintenance` while a window naming
    it is in progress; else the status set by hand. An outage is never hidden by maintenance."""
    impacts = list(impacts)
    if impacts:
        return Shown(worst(impacts), "incident", in_maintenance)
    if in_maintenance:
        return Shown("maintenance", "maintenance", True)
    return Shown(manual, "manual")


@dataclass(frozen=True)
class Span:
    """An impact, or a window in progress (`maintenance`), from `since` until `until`."""

    since: datetime
    until: datetime | None
    value: str

    def covers(self, moment: datetime) -> bool:
        return self.since <= moment and (self.until is None or moment < self.until)


Piece = tuple[datetime, datetime | None, str]


def status_pieces(
    start: datetime,
    end: datetime | None,
    manual: list[tuple[datetime, str]],
    impacts: list[Span],
    windows: list[Span],
) -> list[Piece]:
    """The shown status from `start` until `end` (None: until further notice), cut where it
    changes; `manual` lists (since, status) in time order, `operational` before the first."""
    if end is not None and start >= end:
        return []
    moments = {start}
    edges = [at for at, _ in manual]
    for span in (*impacts, *windows):
        edges.append(span.since)
        if span.until is not None:
            edges.append(span.until)
    moments.update(t for t in edges if start < t and (end is None or t < end))
    pieces: list[Piece] = []
    for moment in sorted(moments):
        status = shown_status(
            manual_at(manual, moment),
            (s.value for s in impacts if s.covers(moment)),
            any(w.covers(moment) for w in windows),
        ).status
        if pieces and pieces[-1][2] == status:
            continue
        if pieces:
            pieces[-1] = (pieces[-1][0], moment, pieces[-1][2])
        pieces.append((moment, end, status))
    return pieces


def manual_at(manual: list[tuple[datetime, str]], moment: datetime) -> str:
    status = "operational"
    for since, set_to in manual:
        if since > moment:
            break
        status = set_to
    return status


# Later than any event: what holds from then on is what holds now.
THE_END = datetime(9999, 12, 31, tzinfo=UTC)


def utc(moment: datetime) -> datetime:
    """The instant in UTC; SQLite hands back the naive UTC it was given."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# -- the inputs, in a projection's own tables ---------------------------------------------------


@dataclass(frozen=True)
class Change:
    """Some equipment's inputs changed from `since` on."""

    equipment_ids: list[UUID]
    since: datetime


Refresh = Callable[[Connection, Change], None]


class StatusInputs:
    """What the shown status follows from, in tables named `<prefix>_…` of `metadata`.

    An incident and a maintenance window are both a *source*: while it holds (the incident is
    open, the window in progress) each equipment it names has a span with its effect (the
    impact, or `maintenance`). Each method records one event and answers what changed, if
    anything.
    """

    def __init__(self, metadata: MetaData, prefix: str) -> None:
        moment = DateTime(timezone=True)
        self.lifespans = Table(
            f"{prefix}_lifespans",
            metadata,
            Column("equipment_id", Uuid, primary_key=True),
            Column("copro_id", Uuid, nullable=False, index=True),
            Column("installed_at", moment, nullable=False),
            Column("retired_at", moment),
        )
        self.manual = Table(
            f"{prefix}_manual_statuses",
            metadata,
            Column("equipment_id", Uuid, primary_key=True),
            Column("since", moment, primary_key=True),
            Column("status", String(20), nullable=False),
        )
        self.sources = Table(
            f"{prefix}_sources",
            metadata,
            Column("id", Uuid, primary_key=True),
            Column("kind", String(20), nullable=False),
            Column("holds", Boolean, nullable=False),
            # [[equipment id, effect], …]: also what a reopened incident brings back.
            Column("effects", JSON, nullable=False),
        )
        self.spans = Table(
            f"{prefix}_spans",
            metadata,
            Column("source_id", Uuid, primary_key=True),
            Column("equipment_id", Uuid, primary_key=True, index=True),
            Column("since", moment, primary_key=True),
            Column("until", moment),
            Column("kind", String(20), nullable=False),
            Column("effect", String(20), nullable=False),
        )
        self._holding_from = self._holding_from_statement()

    def follow(self, projection: Projection, refresh: Refresh) -> None:
        """Has `projection` record incidents and maintenance windows, then `refresh` what they
        changed. Equipment events stay the projection's own handlers: they do more."""
        recorders: dict[type, Callable[[Connection, Any], Change | None]] = {
            Incident.Opened: self.incident_opened,
            Incident.UpdatePosted: self.incident_update_posted,
            Incident.ImpactsChanged: self.impacts_changed,
            Maintenance.Scheduled: self.window_scheduled,
            Maintenance.Edited: self.window_edited,
            Maintenance.Started: self.window_started,
            Maintenance.Completed: self.window_ended,
            Maintenance.Cancelled: self.window_ended,
        }
        for event_class, record in recorders.items():
            projection.on(event_class)(_then(record, refresh))

    # -- equipment --------------------------------------------------------------------------

    def installed(self, tx: Connection, e: Any) -> Change:
        life = dict(equipment_id=e.originator_id, copro_id=e.copro_id, installed_at=e.timestamp)
        upsert(tx, self.lifespans, life | dict(retired_at=None))
        return self.status_set(tx, e, "operational")

    def status_set(self, tx: Connection, e: Any, status: str | None = None) -> Change:
        values = dict(equipment_id=e.originator_id, since=e.timestamp, status=status or e.status)
        upsert(tx, self.manual, values)
        return Change([e.originator_id], e.timestamp)

    def retired(self, tx: Connection, e: Any) -> Change:
        tx.execute(
            update(self.lifespans)
            .where(self.lifespans.c.equipment_id == e.originator_id)
            .values(retired_at=e.timestamp)
        )
        return Change([e.originator_id], e.timestamp)

    # -- incidents and maintenance windows --------------------------------------------------

    def incident_opened(self, tx: Connection, e: Any) -> Change | None:
        # A start a little ahead of the clock (the allowed skew) counts from when it was said.
        since = min(utc(e.started_at), e.timestamp)
        self._record(tx, e.originator_id, "incident", impacts_of(e.impacts))
        return self._hold(tx, e.originator_id, True, since)

    def incident_update_posted(self, tx: Connection, e: Any) -> Change | None:
        if e.status is None:
            return None
        return self._hold(tx, e.originator_id, e.status in OPEN, e.timestamp)

    def impacts_changed(self, tx: Connection, e: Any) -> Change | None:
        return self._change_effects(tx, e.originator_id, impacts_of(e.impacts), e.timestamp)

    def window_scheduled(self, tx: Connection, e: Any) -> None:
        self._record(tx, e.originator_id, "maintenance", windowed(e.equipment_ids))

    def window_edited(self, tx: Connection, e: Any) -> Change | None:
        if "equipment_ids" not in e.changes:
            return None
        effects = windowed(e.changes["equipment_ids"])
        return self._change_effects(tx, e.originator_id, effects, e.timestamp)

    def window_started(self, tx: Connection, e: Any) -> Change | None:
        return self._hold(tx, e.originator_id, True, e.timestamp)

    def window_ended(self, tx: Connection, e: Any) -> Change | None:
        return self._hold(tx, e.originator_id, False, e.timestamp)

    def _record(self, tx: Connection, source_id: UUID, kind: str, effects: list[Any]) -> None:
        values = dict(id=source_id, kind=kind, holds=False, effects=effects)
        upsert(tx, self.sources, values)

    def _hold(self, tx: Connection, source_id: UUID, holds: bool, at: datetime) -> Change | None:
        """The source starts or stops holding at `at`; nothing changes if it already did."""
        source = tx.execute(select(self.sources).where(self.sources.c.id == source_id)).first()
        if source is None or source.holds == holds:
            return None
        tx.execute(update(self.sources).where(self.sources.c.id == source_id).values(holds=holds))
        for equipment_id, effect in source.effects:
            if holds:
                self._open_span(tx, source, UUID(equipment_id), effect, at)
            else:
                self._close_span(tx, source_id, UUID(equipment_id), at)
        return Change([UUID(i) for i, _ in source.effects], at)

    def _change_effects(
        self, tx: Connection, source_id: UUID, effects: list[list[str]], at: datetime
    ) -> Change | None:
        source = tx.execute(select(self.sources).where(self.sources.c.id == source_id)).first()
        if source is None:
            return None
        tx.execute(
            update(self.sources).where(self.sources.c.id == source_id).values(effects=effects)
        )
        if not source.holds:
            return None
        before, after = dict(source.effects), dict(effects)
        touched = sorted(i for i in before.keys() | after.keys() if before.get(i) != after.get(i))
        for equipment_id in touched:
            if equipment_id in before:
                self._close_span(tx, source_id, UUID(equipment_id), at)
            if equipment_id in after:
                self._open_span(tx, source, UUID(equipment_id), after[equipment_id], at)
        return Change([UUID(i) for i in touched], at)

    def _open_span(
        self, tx: Connection, source: Any, equipment_id: UUID, effect: str, since: datetime
    ) -> None:
        key = dict(source_id=source.id, equipment_id=equipment_id, since=since)
        upsert(tx, self.spans, key | dict(until=None, kind=source.kind, effect=effect))

    def _close_span(
        self, tx: Connection, source_id: UUID, equipment_id: UUID, until: datetime
    ) -> None:
        spans = self.spans.c
        tx.execute(
            update(self.spans)
            .where(
                spans.source_id == source_id,
                spans.equipment_id == equipment_id,
                spans.until.is_(None),
            )
            .values(until=until)
        )

    # -- reading them -----------------------------------------------------------------------

    def holding_from(self, tx: Connection, equipment_id: UUID, since: datetime) -> Inputs:
        """The inputs of one piece of equipment holding at `since` or later: its spans, and the
        statuses set by hand from the one holding then (one query: this runs for every event)."""
        rows = tx.execute(self._holding_from, {"equipment_id": equipment_id, "since": since})
        manual, impacts, windows = [], [], []
        for kind, effect, begins, ends in rows:
            if kind == "manual":
                manual.append((utc(begins), effect))
            else:
                span = Span(utc(begins), utc(ends) if ends else None, effect)
                (impacts if kind == "incident" else windows).append(span)
        return Inputs(sorted(manual), impacts, windows)

    def shown_now(self, tx: Connection, equipment_id: UUID) -> Shown:
        """The status shown once every event so far is applied: from the inputs still holding."""
        now = self.holding_from(tx, equipment_id, THE_END)
        return shown_status(
            now.manual[-1][1] if now.manual else "operational",
            (s.value for s in now.impacts),
            bool(now.windows),
        )

    def _holding_from_statement(self) -> Any:
        spans, manual = self.spans.c, self.manual.c
        equipment_id = bindparam("equipment_id", type_=Uuid)
        since = bindparam("since", type_=DateTime(timezone=True))
        set_then = (
            select(func.max(manual.since))
            .where(manual.equipment_id == equipment_id, manual.since <= since)
            .scalar_subquery()
        )
        # The status holding at `since` and those set after: a range, not the whole past.
        return union_all(
            select(spans.kind, spans.effect, spans.since, spans.until).where(
                spans.equipment_id == equipment_id,
                or_(spans.until.is_(None), spans.until > since),
            ),
            select(literal("manual"), manual.status, manual.since, null()).where(
                manual.equipment_id == equipment_id,
                manual.since >= func.coalesce(set_then, since),
            ),
        )


@dataclass(frozen=True)
class Inputs:
    """What holds at a moment or later: (since, status) set by hand in time order, impacts,
    maintenance windows in progress."""

    manual: list[tuple[datetime, str]]
    impacts: list[Span]
    windows: list[Span]


def impacts_of(impacts: list[Any]) -> list[list[str]]:
    return [[str(i["equipment_id"]), str(i["impact"])] for i in impacts]


def windowed(equipment_ids: list[Any]) -> list[list[str]]:
    return [[str(i), "maintenance"] for i in equipment_ids]


def _then(record: Callable[[Connection, Any], Change | None], refresh: Refresh) -> Any:
    def handler(tx: Connection, e: Any) -> None:
        change = record(tx, e)
        if change is not None:
            refresh(tx, change)

    return handler


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

projection = Projection(name="equipment_history", version=1, metadata=metadata)


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


def rewrite_intervals(tx: Connection, change: Change) -> None:
    """Lays each piece of equipment's shown status again from the moment its inputs changed."""
    for equipment_id in change.equipment_ids:
        rows = tx.execute(_history_from, {"equipment_id": equipment_id, "since": change.since})
        found = rows.all()
        if not found:
            continue  # never installed
        life = found[0]
        held = inputs.holding_from(tx, equipment_id, change.since)
        begins = min([utc(life.installed_at), *(s.since for s in held.impacts)])
        start = max(change.since, begins)
        ends = utc(life.retired_at) if life.retired_at else None
        pieces = status_pieces(start, ends, held.manual, held.impacts, held.windows)
        laid = [(utc(r.since), r.until and utc(r.until), r.status) for r in found if r.since]
        _lay(tx, life.copro_id, equipment_id, start, pieces, laid)


def _lay(
    tx: Connection,
    copro_id: UUID,
    equipment_id: UUID,
    start: datetime,
    pieces: list[Piece],
    laid: list[Piece],
) -> None:
    """Replaces the intervals from `start` on by `pieces`; the interval reaching `start` goes on
    if its status does, else stops there. Writes only what differs."""
    rows = intervals.c
    if any(since >= start for since, _, _ in laid):
        tx.execute(delete(intervals).where(rows.equipment_id == equipment_id, rows.since >= start))
    reaching = [i for i in laid if i[0] < start and (i[1] is None or i[1] >= start)]
    if reaching:
        since, until, status = reaching[-1]
        goes_on = bool(pieces) and pieces[0][2] == status
        new_until = pieces[0][1] if goes_on else start
        if goes_on:
            pieces = pieces[1:]
        if new_until != until:
            tx.execute(
                update(intervals)
                .where(rows.equipment_id == equipment_id, rows.since == since)
                .values(until=new_until)
            )
    if pieces:
        tx.execute(
            insert(intervals),
            [
                dict(equipment_id=equipment_id, since=s, until=u, status=status, copro_id=copro_id)
                for s, u, status in pieces
            ],
        )


@projection.on(Equipment.Installed)
def equipment_installed(tx: Connection, e: Any) -> None:
    rewrite_intervals(tx, inputs.installed(tx, e))


@projection.on(Equipment.StatusSet)
def equipment_status_set(tx: Connection, e: Any) -> None:
    rewrite_intervals(tx, inputs.status_set(tx, e))


@projection.on(Equipment.Retired)
def equipment_retired(tx: Connection, e: Any) -> None:
    rewrite_intervals(tx, inputs.retired(tx, e))


inputs.follow(projection, rewrite_intervals)
