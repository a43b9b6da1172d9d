"""The projector: follows the event log and applies each projection's handlers to its tables.

A batch of events and the position reached are committed in one transaction, so after a crash
a projection resumes exactly where it committed: nothing lost, nothing applied twice. Reading
by increasing notification id never skips a committed event because the event store serialises
its inserts (never enable POSTGRES_ENABLE_DB_FUNCTIONS, which bypasses that lock).

Rebuilds are blue/green: the projection is built again from position 0 into shadow tables
(same names, in the `copro_rebuild` schema — an attached database on SQLite) while the live
tables keep serving and, if the shape has not changed, keep following the log; when the shadow
has caught up, one transaction swaps it in.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from eventsourcing.application import Application
from eventsourcing.utils import get_topic
from sqlalchemy import Connection, Engine, MetaData, delete, insert, select, text, update

from projections.rows import Rows, shadow
from projections.state import REBUILD_SCHEMA, projection_state
from projections.state import metadata as state_metadata

log = logging.getLogger("copro.projector")

Handler = Callable[[Rows, Any], None]
# A handler of every event, told the event's position in the log (the audit index).
EveryEventHandler = Callable[[Rows, Any, int], None]


@dataclass
class Projection:
    """A read model: its tables, its version, and one handler per event class it follows."""

    name: str
    version: int
    metadata: MetaData
    handlers: dict[type, Handler] = field(default_factory=dict)
    every_event: EveryEventHandler | None = None
    # Its secondary indexes serve only readers: a rebuild builds them after the rows.
    indexes_after_rebuild: bool = False
    # Its work per event of the log, relative to the others' (tickets: 1), as measured by
    # `bench.rebuild --each`: how a rebuild shares projections between processes.
    cost: float = 1.0

    def on(self, *event_classes: type) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for event_class in event_classes:
                self.handlers[event_class] = handler
            return handler

        return register

    @property
    def topics(self) -> list[str]:
        """The topics to read; none means every event."""
        return [] if self.every_event else [get_topic(cls) for cls in self.handlers]


class Projector:
    """Runs one projection against the log of one application."""

    def __init__(
        self,
        projection: Projection,
        app: Application,
        engine: Engine,
        batch_size: int = 500,
        rebuild_batch_size: int = 5000,
    ) -> None:
        self.projection = projection
        self.app = app
        self.engine = engine
        # Events per transaction: small on the live tables (readers wait for the commit),
        # large for a rebuild (fewer, bigger writes).
        self.batch_size = batch_size
        self.rebuild_batch_size = rebuild_batch_size
        self._handlers_by_topic = {get_topic(c): h for c, h in projection.handlers.items()}
        # What the live tables and the shadow tables of a rebuild hold, kept between batches.
        self._live_rows = Rows(projection.metadata.sorted_tables)
        self._shadow_rows = Rows(projection.metadata.sorted_tables, shadow=True)

    @property
    def name(self) -> str:
        return self.projection.name

    # -- set-up and operator commands ---------------------------------------------------------

    def setup(self) -> None:
        """Creates the tables; a projection whose version changed is rebuilt beside them."""
        create_tables(self.engine, state_metadata, self.projection.metadata)
        with self.engine.begin() as tx:
            row = self._row(tx)
            if row is None:
                tx.execute(
                    insert(projection_state).values(
                        name=self.name,
                        version=self.projection.version,
                        position=0,
                        state="running",
                        updated_at=now(),
                    )
                )
                return
        if (
            row.version != self.projection.version
            and row.rebuild_version != self.projection.version
        ):
            log.info(
                "projection %s: version %s → %s", self.name, row.version, self.projection.version
            )
            self.start_rebuild()

    def start_rebuild(self) -> None:
        """Starts building the projection again from position 0 into fresh shadow tables."""
        with self.engine.begin() as tx:
            if tx.dialect.name == "postgresql":
                tx.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{REBUILD_SCHEMA}"'))
            with shadow(tx) as rebuilt:
                self.projection.metadata.drop_all(rebuilt)
                self.projection.metadata.create_all(rebuilt)
                if tx.dialect.name == "postgresql":
                    for index in self._indexes_after_rebuild():
                        index.drop(rebuilt)
            self._shadow_rows.forget()
            tx.execute(
                self._state_update().values(
                    rebuild_version=self.projection.version,
                    rebuild_position=0,
                    rebuild_started_at=now(),
                    updated_at=now(),
                )
            )

    def reset(self) -> None:
        """Empties the live tables and starts again from the beginning of the log, in place."""
        with self.engine.begin() as tx:
            for table in reversed(self.projection.metadata.sorted_tables):
                tx.execute(delete(table))
            self._live_rows.forget()
            tx.execute(
                self._state_update().values(
                    position=0,
                    state="running",
                    error=None,
                    error_position=None,
                    rebuild_version=None,
                    rebuild_position=None,
                )
            )

    def set_state(self, state: str) -> None:
        """`paused`, or `running` again (which also clears a recorded failure)."""
        values: dict[str, Any] = {"state": state, "updated_at": now()}
        if state == "running":
            values.update(error=None, error_position=None)
        with self.engine.begin() as tx:
            tx.execute(self._state_update().values(**values))

    def status(self) -> Any:
        with self.engine.connect() as conn:
            return self._row(conn)

    def position(self) -> int:
        return int(self.status().position)

    def state(self) -> str:
        return str(self.status().state)

    @property
    def rebuilding(self) -> bool:
        return self.status().rebuild_position is not None

    # -- applying the log ---------------------------------------------------------------------

    def run_once(self) -> int:
        """Applies the next batch of the live tables and of a rebuild in progress; answers how
        many log positions they moved past."""
        return run_together([self])

    def catch_up(self, until: int | None = None) -> None:
        """Applies batches until the head of the log (or `until`) is reached, rebuilds swapped."""
        while self.run_once():
            if until is not None and self.position() >= until and not self.rebuilding:
                return

    def rows(self, *, live: bool) -> Rows:
        return self._live_rows if live else self._shadow_rows

    def _swap(self, rebuilt_position: int) -> None:
        """Puts the rebuilt tables in place of the live ones, in one transaction."""
        with self.engine.begin() as tx:
            tables = self.projection.metadata.sorted_tables
            if tx.dialect.name == "postgresql":
                with shadow(tx) as rebuilt:
                    # Readers keep the live tables meanwhile: they are only dropped below.
                    for index in self._indexes_after_rebuild():
                        index.create(rebuilt)
                for table in reversed(tables):
                    tx.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
                for table in tables:
                    tx.execute(
                        text(f'ALTER TABLE "{REBUILD_SCHEMA}"."{table.name}" SET SCHEMA public')
                    )
            else:
                # SQLite cannot move a table between databases: the rows are copied in one
                # transaction, so readers see the old rows until it commits, then the new.
                for table in reversed(tables):
                    tx.execute(delete(table))
                self.projection.metadata.drop_all(tx)
                # Unqualified existence checks would find the shadow copies: create blindly.
                self.projection.metadata.create_all(tx, checkfirst=False)
                for table in tables:
                    columns = ", ".join(f'"{c.name}"' for c in table.columns)
                    tx.execute(
                        text(
                            f'INSERT INTO main."{table.name}" ({columns}) '
                            f'SELECT {columns} FROM "{REBUILD_SCHEMA}"."{table.name}"'
                        )
                    )
            tx.execute(
                self._state_update().values(
                    version=self.projection.version,
                    position=rebuilt_position,
                    rebuild_version=None,
                    rebuild_position=None,
                    updated_at=now(),
                )
            )
        # What the rebuild kept is what the live tables now hold.
        self._live_rows, self._shadow_rows = self._shadow_rows, self._live_rows
        self._live_rows.shadow, self._shadow_rows.shadow = False, True
        self._shadow_rows.forget()
        if self.engine.dialect.name != "postgresql":
            with self.engine.begin() as tx, shadow(tx) as rebuilt:
                self.projection.metadata.drop_all(rebuilt)
        log.info("projection %s: rebuilt tables swapped in at %s", self.name, rebuilt_position)

    def _indexes_after_rebuild(self) -> list[Any]:
        """Indexes a rebuild builds once its rows are in, rather than row by row: faster on
        PostgreSQL. Not those enforcing uniqueness, nor those the projection queries by."""
        if not self.projection.indexes_after_rebuild:
            return []
        return [
            index
            for table in self.projection.metadata.sorted_tables
            for index in table.indexes
            if not index.unique
        ]

    def _fail(self, position: int | None, error: Exception) -> None:
        log.error(
            "projection %s stopped at position %s: %s", self.name, position, type(error).__name__
        )
        with self.engine.begin() as tx:
            tx.execute(
                self._state_update().values(
                    state="failed",
                    error=f"{type(error).__name__}: {error}"[:2000],
                    error_position=position,
                    updated_at=now(),
                )
            )

    def _row(self, conn: Connection) -> Any:
        return conn.execute(
            select(projection_state).where(projection_state.c.name == self.name)
        ).first()

    def _state_update(self) -> Any:
        return update(projection_state).where(projection_state.c.name == self.name)


class ProjectionFailed(Exception):
    def __init__(self, name: str, position: int | None, error: Exception | str) -> None:
        super().__init__(f"projection {name} failed at position {position}: {error}")
        self.position = position


class PositionMoved(Exception):
    pass


@dataclass
class _Lane:
    """One projection's live tables, or the shadow tables of its rebuild, in a round."""

    projector: Projector
    live: bool
    position: int
    # The last event handed to it, for the failure record.
    current: int | None = None

    @property
    def rows(self) -> Rows:
        return self.projector.rows(live=self.live)


def run_together(projectors: list[Projector]) -> int:
    """Applies the next batch of each projection (live tables and rebuild), swaps in rebuilds
    that caught up; answers how many log positions they moved past in all.

    Projections at the same position share their batch: the log is read and each event decoded
    once for all of them, and they commit in one transaction, each with its own position.
    """
    if not projectors:
        return 0
    app, engine = projectors[0].app, projectors[0].engine
    names = [p.name for p in projectors]
    with engine.connect() as conn:
        states = {
            r.name: r
            for r in conn.execute(
                select(projection_state).where(projection_state.c.name.in_(names))
            )
        }
    head = app.recorder.max_notification_id() or 0
    moved = 0
    groups: dict[int, list[_Lane]] = {}
    for projector in projectors:
        row = states.get(projector.name)
        if row is None or row.state != "running":
            continue
        if row.rebuild_position is not None and row.rebuild_position >= head:
            projector._swap(row.rebuild_position)
            moved += 1
            continue  # its live tables are new: next round
        # Live tables of another shape than this code's are left as they are until the swap.
        if row.version == projector.projection.version and row.position < head:
            groups.setdefault(row.position, []).append(_Lane(projector, True, row.position))
        if row.rebuild_position is not None:
            lane = _Lane(projector, False, row.rebuild_position)
            groups.setdefault(row.rebuild_position, []).append(lane)
    for position, lanes in sorted(groups.items()):
        moved += _apply(app, engine, lanes, position, head) * len(lanes)
    return moved


def _apply(app: Application, engine: Engine, lanes: list[_Lane], position: int, head: int) -> int:
    batch_size = min(
        lane.projector.batch_size if lane.live else lane.projector.rebuild_batch_size
        for lane in lanes
    )
    topics: list[str] = []
    if not any(lane.projector.projection.every_event for lane in lanes):
        topics = sorted({t for lane in lanes for t in lane.projector.projection.topics})
    notifications = app.recorder.select_notifications(
        # No upper bound: with one, PostgreSQL may sort the whole range to return its first
        # rows when its statistics lag (after a bulk load); everything read is committed.
        start=position + 1,
        limit=batch_size,
        topics=topics,
    )
    # Events of no interest to these projections are skipped, but passed: a full batch ends at
    # its last event, a short one means nothing else is there up to the head.
    if len(notifications) == batch_size:
        reached = notifications[-1].id
    else:
        reached = max(head, notifications[-1].id if notifications else 0)
    handlers = [
        (lane, lane.projector.projection.every_event, lane.projector._handlers_by_topic)
        for lane in lanes
    ]
    failing: _Lane | None = None
    began = time.perf_counter()
    try:
        with engine.begin() as tx:
            for lane in lanes:
                lane.rows.begin(tx, position)
            for notification in notifications:
                event = None
                for lane, every_event, by_topic in handlers:
                    handler = by_topic.get(notification.topic)
                    if every_event is None and handler is None:
                        continue
                    if event is None:
                        event = app.mapper.to_domain_event(notification)
                    failing, lane.current = lane, notification.id
                    if every_event is not None:
                        every_event(lane.rows, event, notification.id)
                    else:
                        handler(lane.rows, event)  # type: ignore[misc]
            for lane in lanes:
                failing = lane
                lane.rows.finish()
            failing = None
            rate = len(notifications) / max(time.perf_counter() - began, 1e-6)
            values = {"updated_at": now(), "events_per_second": rate}
            for live in (True, False):
                moving = [lane.projector.name for lane in lanes if lane.live == live]
                if not moving:
                    continue
                state = projection_state.c
                column = state.position if live else state.rebuild_position
                changed = tx.execute(
                    update(projection_state)
                    .where(state.name.in_(moving), column == position)
                    .values({column.name: reached, **values})
                )
                if changed.rowcount != len(moving):
                    # Someone else moved one of them meanwhile: this batch must not count.
                    raise PositionMoved(", ".join(moving))
    except PositionMoved:
        for lane in lanes:
            lane.rows.forget()
        raise
    except Exception as error:
        for lane in lanes:
            lane.rows.forget()
        if failing is None:
            raise
        failing.projector._fail(failing.current, error)
        raise ProjectionFailed(failing.projector.name, failing.current, error) from error
    for lane in lanes:
        lane.rows.commit(reached)
    return reached - position


def create_tables(engine: Engine, *metadatas: MetaData) -> None:
    """Creates what is missing; processes starting together on PostgreSQL take turns, as two
    concurrent CREATE TABLE of one name would make one of them fail."""
    with engine.begin() as tx:
        if tx.dialect.name == "postgresql":
            tx.execute(text("SELECT pg_advisory_xact_lock(7206853411)"))
        for metadata in metadatas:
            metadata.create_all(tx)


def now() -> datetime:
    return datetime.now(UTC)


def upsert(tx: Connection, table: Any, values: dict[str, Any]) -> None:
    """Inserts a row or overwrites the one with its primary key: replaying stays harmless."""
    keys = [c.name for c in table.primary_key.columns]
    if tx.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(table).values(**values)
    changes = {k: statement.excluded[k] for k in values if k not in keys}
    if changes:
        tx.execute(statement.on_conflict_do_update(index_elements=keys, set_=changes))
    else:
        tx.execute(statement.on_conflict_do_nothing(index_elements=keys))
