"""The projector: follows the event log and applies each projection's handlers to its tables.

A batch of events and the position reached are committed in one transaction, so after a crash
a projection resumes exactly where it committed: nothing lost, nothing applied twice. Reading
by increasing notification id never skips a committed event because the event store serialises
its inserts (never enable POSTGRES_ENABLE_DB_FUNCTIONS, which bypasses that lock).

Rebuilds are blue/green: the projection is built again from position 0 into shadow tables
(same names, in the `copro_rebuild` schema — an attached database on SQLite) while the live
tables keep serving and, if the shape has not changed, keep following the log; when the shadow
has caught up, one transaction swaps it in. On PostgreSQL that transaction takes the live
tables' exclusive locks all at once, waiting a moment at most: a reader holding one of them
(each reader's statement is a transaction of its own) makes the swap give way and try again in a
later round, never the reader fail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from eventsourcing.application import Application
from eventsourcing.utils import get_topic
from sqlalchemy import Connection, Engine, MetaData, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from projections.rows import Rows, shadow
from projections.state import REBUILD_SCHEMA, Standing, Telling, projection_state, telling
from projections.state import metadata as state_metadata

log = logging.getLogger("copro.projector")

# How long a swap waits for each live table's lock before giving way to the readers holding it:
# a reader's statement lasts milliseconds; the readers queued behind the swap wait this long.
SWAP_LOCK_TIMEOUT = "50ms"
# What PostgreSQL answers a swap that gave way: lock_timeout expired, or a deadlock detected.
GIVE_WAY = {"55P03", "40P01"}

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
        self.handlers_by_topic = {get_topic(c): h for c, h in projection.handlers.items()}
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
        with telling(self.engine) as change:
            row = self._row(change.tx)
            if row is None:
                change.tx.execute(
                    insert(projection_state).values(
                        name=self.name,
                        version=self.projection.version,
                        position=0,
                        state="running",
                        updated_at=now(),
                    )
                )
                change.told(self.name, Standing(0))
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
        with telling(self.engine) as change:
            for table in reversed(self.projection.metadata.sorted_tables):
                change.tx.execute(delete(table))
            self._live_rows.forget()
            change.tx.execute(
                self._state_update().values(
                    position=0,
                    state="running",
                    error=None,
                    error_position=None,
                    rebuild_version=None,
                    rebuild_position=None,
                )
            )
            change.told(self.name, Standing(0))

    def set_state(self, state: str) -> None:
        """`paused`, or `running` again (which also clears a recorded failure)."""
        values: dict[str, Any] = {"state": state, "updated_at": now()}
        if state == "running":
            values.update(error=None, error_position=None)
        with telling(self.engine) as change:
            self._tell_state(change, values)

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
        from projections.rounds import run_together  # which runs projectors: imports this

        return run_together([self])

    def catch_up(self, until: int | None = None) -> None:
        """Applies batches until the head of the log (or `until`) is reached, rebuilds swapped."""
        while self.run_once():
            if until is not None and self.position() >= until and not self.rebuilding:
                return

    def rows(self, *, live: bool) -> Rows:
        return self._live_rows if live else self._shadow_rows

    def swap(self, rebuilt_position: int) -> bool:
        """Puts the rebuilt tables in place of the live ones, in one transaction; answers False
        if it gave way to readers (PostgreSQL), to be tried again in a later round."""
        if self.engine.dialect.name == "postgresql":
            if not self._swap_tables(rebuilt_position):
                return False
        else:
            self._copy_tables(rebuilt_position)
        # What the rebuild kept is what the live tables now hold.
        self._live_rows, self._shadow_rows = self._shadow_rows, self._live_rows
        self._live_rows.shadow, self._shadow_rows.shadow = False, True
        self._shadow_rows.forget()
        if self.engine.dialect.name != "postgresql":
            with self.engine.begin() as tx, shadow(tx) as rebuilt:
                self.projection.metadata.drop_all(rebuilt)
        log.info("projection %s: rebuilt tables swapped in at %s", self.name, rebuilt_position)
        return True

    def _swap_tables(self, rebuilt_position: int) -> bool:
        tables = self.projection.metadata.sorted_tables
        # Indexes first, in their own transaction: no reader uses the shadow tables, and no
        # live table is locked while they are built.
        with self.engine.begin() as tx, shadow(tx) as rebuilt:
            for index in self._indexes_after_rebuild():
                index.create(rebuilt, checkfirst=True)
        try:
            with telling(self.engine) as change:
                tx = change.tx
                tx.execute(text(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'"))
                live = [
                    name
                    for name in (t.name for t in tables)
                    if tx.execute(select(func.to_regclass(f'"{name}"'))).scalar()
                ]
                if live:
                    # All at once: holding some while waiting for others is how swaps and
                    # readers deadlocked.
                    names = ", ".join(f'"{name}"' for name in live)
                    tx.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
                for table in reversed(tables):
                    tx.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
                for table in tables:
                    tx.execute(
                        text(f'ALTER TABLE "{REBUILD_SCHEMA}"."{table.name}" SET SCHEMA public')
                    )
                self._swapped(change, rebuilt_position)
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) not in GIVE_WAY:
                raise
            log.info("projection %s: swap gave way to readers; trying again", self.name)
            return False
        return True

    def _copy_tables(self, rebuilt_position: int) -> None:
        # SQLite cannot move a table between databases: the rows are copied in one transaction,
        # so readers see the old rows until it commits, then the new.
        tables = self.projection.metadata.sorted_tables
        with telling(self.engine) as change:
            tx = change.tx
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
            self._swapped(change, rebuilt_position)

    def _swapped(self, change: Telling, rebuilt_position: int) -> None:
        change.tx.execute(
            self._state_update().values(
                version=self.projection.version,
                position=rebuilt_position,
                rebuild_version=None,
                rebuild_position=None,
                updated_at=now(),
            )
        )
        change.told(self.name, Standing(rebuilt_position))

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

    def fail(self, position: int | None, error: Exception) -> None:
        log.error(
            "projection %s stopped at position %s: %s", self.name, position, type(error).__name__
        )
        values = {
            "state": "failed",
            "error": f"{type(error).__name__}: {error}"[:2000],
            "error_position": position,
            "updated_at": now(),
        }
        with telling(self.engine) as change:
            self._tell_state(change, values)

    def _tell_state(self, change: Telling, values: dict[str, Any]) -> None:
        reached = change.tx.execute(
            self._state_update().values(**values).returning(projection_state.c.position)
        ).scalar_one_or_none()
        if reached is not None:
            change.told(self.name, Standing(reached, values["state"]))

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
