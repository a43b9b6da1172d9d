"""The projector: follows the event log and applies each projection's handlers to its tables.

A batch of events and the position reached are committed in one transaction, so after a crash
a projection resumes exactly where it committed: nothing lost, nothing applied twice. Reading
by increasing notification id never skips a committed event because the event store serialises
its inserts (never enable POSTGRES_ENABLE_DB_FUNCTIONS, which bypasses that lock).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from eventsourcing.application import Application
from eventsourcing.utils import get_topic
from sqlalchemy import Connection, Engine, MetaData, delete, insert, select, update

from projections.state import metadata as state_metadata
from projections.state import projection_state

log = logging.getLogger("copro.projector")

Handler = Callable[[Connection, Any], None]


@dataclass
class Projection:
    """A read model: its tables, its version, and one handler per event class it follows."""

    name: str
    version: int
    metadata: MetaData
    handlers: dict[type, Handler] = field(default_factory=dict)

    def on(self, *event_classes: type) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for event_class in event_classes:
                self.handlers[event_class] = handler
            return handler

        return register

    @property
    def topics(self) -> list[str]:
        return [get_topic(cls) for cls in self.handlers]


class Projector:
    """Runs one projection against the log of one application."""

    def __init__(
        self, projection: Projection, app: Application, engine: Engine, batch_size: int = 500
    ) -> None:
        self.projection = projection
        self.app = app
        self.engine = engine
        self.batch_size = batch_size
        self._handlers_by_topic = {get_topic(c): h for c, h in projection.handlers.items()}

    def setup(self) -> None:
        """Creates the tables; a projection whose version changed starts again from 0."""
        state_metadata.create_all(self.engine)
        self.projection.metadata.create_all(self.engine)
        with self.engine.begin() as tx:
            row = tx.execute(
                select(projection_state).where(projection_state.c.name == self.projection.name)
            ).first()
            if row is None:
                tx.execute(
                    insert(projection_state).values(
                        name=self.projection.name,
                        version=self.projection.version,
                        position=0,
                        state="running",
                        updated_at=now(),
                    )
                )
            elif row.version != self.projection.version:
                log.info(
                    "projection %s: version %s → %s, rebuilding",
                    self.projection.name,
                    row.version,
                    self.projection.version,
                )
                # The shape may have changed too: the tables are made anew, not just emptied.
                self.projection.metadata.drop_all(tx)
                self.projection.metadata.create_all(tx)
                tx.execute(
                    self._state_update().values(version=self.projection.version, position=0)
                )

    def reset(self) -> None:
        """Empties the tables and starts again from the beginning of the log."""
        with self.engine.begin() as tx:
            self._clear(tx)
            tx.execute(
                self._state_update().values(
                    position=0, state="running", error=None, error_position=None
                )
            )

    def position(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(projection_state.c.position).where(
                        projection_state.c.name == self.projection.name
                    )
                ).scalar_one()
            )

    def state(self) -> str:
        with self.engine.connect() as conn:
            return str(
                conn.execute(
                    select(projection_state.c.state).where(
                        projection_state.c.name == self.projection.name
                    )
                ).scalar_one()
            )

    def run_once(self) -> int:
        """Applies the next batch; answers how many log positions it moved past."""
        position = self.position()
        head = self.app.recorder.max_notification_id() or 0
        if head <= position:
            return 0
        notifications = self.app.recorder.select_notifications(
            start=position + 1, limit=self.batch_size, stop=head, topics=self.projection.topics
        )
        # Events of no interest to this projection are skipped, but passed: a full batch
        # ends at its last event, a short one means nothing else is there up to the head.
        reached = notifications[-1].id if len(notifications) == self.batch_size else head
        current: int | None = None
        try:
            with self.engine.begin() as tx:
                for notification in notifications:
                    current = notification.id
                    handler = self._handlers_by_topic[notification.topic]
                    handler(tx, self.app.mapper.to_domain_event(notification))
                moved = tx.execute(
                    self._state_update()
                    .where(projection_state.c.position == position)
                    .values(position=reached, updated_at=now())
                ).rowcount
                if moved != 1:
                    # Someone else moved this projection meanwhile: this batch must not count.
                    raise PositionMoved(self.projection.name)
        except PositionMoved:
            raise
        except Exception as error:
            self._fail(current, error)
            raise ProjectionFailed(self.projection.name, current, error) from error
        return reached - position

    def catch_up(self, until: int | None = None) -> None:
        """Applies batches until the head of the log (or `until`) is reached."""
        while self.run_once():
            if until is not None and self.position() >= until:
                return

    def _fail(self, position: int | None, error: Exception) -> None:
        log.error(
            "projection %s stopped at position %s: %s",
            self.projection.name,
            position,
            type(error).__name__,
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

    def _clear(self, tx: Connection) -> None:
        for table in reversed(self.projection.metadata.sorted_tables):
            tx.execute(delete(table))

    def _state_update(self) -> Any:
        return update(projection_state).where(projection_state.c.name == self.projection.name)


class Wakeup:
    """Wakes projector workers when new events may be in the log."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def fire(self, *_: object) -> None:
        self._event.set()

    def wait(self, timeout: float) -> None:
        self._event.wait(timeout)
        self._event.clear()


class ProjectorWorker(threading.Thread):
    """Keeps every projection up to the head of the log, one at a time, until stopped.

    One thread for all projections keeps SQLite free of competing writers; a failing
    projection stops alone, the others go on.
    """

    def __init__(
        self, projectors: Iterable[Projector], wakeup: Wakeup, poll_interval: float = 1.0
    ) -> None:
        super().__init__(name="copro-projector", daemon=True)
        self.projectors = list(projectors)
        self.wakeup = wakeup
        self.poll_interval = poll_interval
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            busy = False
            for projector in self.projectors:
                if self.stopping.is_set():
                    return
                try:
                    if projector.state() == "running":
                        busy |= projector.run_once() > 0
                except ProjectionFailed:
                    continue
                except Exception:
                    # The database went away: the next round retries from the committed position.
                    log.exception("projector round failed; retrying")
                    time.sleep(min(self.poll_interval, 1.0))
            if not busy:
                self.wakeup.wait(self.poll_interval)

    def stop(self) -> None:
        self.stopping.set()
        self.wakeup.fire()


class PostgresListener(threading.Thread):
    """LISTENs on the events table's channel and wakes the projectors; reconnects when the
    connection dies, waking them once so that nothing notified meanwhile is missed."""

    def __init__(self, conninfo: str, channel: str, wakeup: Wakeup) -> None:
        super().__init__(name="copro-listener", daemon=True)
        self.conninfo = conninfo
        self.channel = channel
        self.wakeup = wakeup
        self.stopping = threading.Event()

    def run(self) -> None:
        import psycopg
        from psycopg import sql

        while not self.stopping.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                    self.wakeup.fire()
                    while not self.stopping.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            self.wakeup.fire()
            except Exception as error:
                log.warning(
                    "event listener lost its connection (%s); reconnecting", type(error).__name__
                )
                self.stopping.wait(1.0)

    def stop(self) -> None:
        self.stopping.set()


class ProjectionFailed(Exception):
    def __init__(self, name: str, position: int | None, error: Exception) -> None:
        super().__init__(f"projection {name} failed at position {position}: {error}")
        self.position = position


class PositionMoved(Exception):
    pass


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
