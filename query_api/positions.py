"""Where each projection stands, kept in memory by one listener per query process, and the
waiters to wake when that changes: read-your-writes waits, and later the live streams.

The projector signals every commit (`projections.state.telling`): on PostgreSQL this listens on
its NOTIFY channel from a thread of its own, reconnecting when the connection dies; on SQLite the
projector runs in this process and calls a hook. Either way the table itself is read again only
now and then (`poll_seconds`), in case a signal was missed: a reconnection, another process on
SQLite. Nothing here queries the database per waiter.

    with positions.subscribe() as changes:   # from a coroutine
        while not good_enough(positions.standings()):
            await changes.changed(timeout)
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from projections.state import (
    CHANNEL,
    EVENT_STORE_SCHEMA,
    Standing,
    off_standings,
    on_standings,
    projection_state,
    standings_of,
)

log = logging.getLogger("copro.query")

# The last position of the log, from the event store's table: on PostgreSQL named after the
# application (`copro_events`), on SQLite the library's `stored_events`, in the events database
# attached to the read engine as `event_store`.
HEAD_QUERY = {
    "postgresql": "SELECT max(notification_id) FROM copro_events",
    "sqlite": f"SELECT max(rowid) FROM {EVENT_STORE_SCHEMA}.stored_events",
}


class Subscription:
    """One waiter's flag "something changed", raised from any thread."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._changed = asyncio.Event()

    def _raise(self) -> None:
        try:
            self._loop.call_soon_threadsafe(self._changed.set)
        except RuntimeError:
            pass  # its loop has closed: nobody waits any more

    async def changed(self, timeout: float) -> bool:
        """Whether something changed since the last call (or the subscription), waiting at
        most `timeout` seconds for it."""
        try:
            await asyncio.wait_for(self._changed.wait(), timeout)
        except TimeoutError:
            return False
        self._changed.clear()
        return True


class Positions:
    """Each projection's standing (position and state), and who to wake when one changes."""

    def __init__(
        self,
        engine: Engine,
        conninfo: str | None = None,
        poll_seconds: float = 1.0,
        head_seconds: float = 0.05,
    ) -> None:
        self.engine = engine
        # PostgreSQL's connection string: LISTEN there; None: SQLite, hooked in-process.
        self.conninfo = conninfo
        self.poll_seconds = poll_seconds
        # The log's head is read at most this often, however many requests ask.
        self.head_seconds = head_seconds
        self._standings: dict[str, Standing] = {}
        # How many signals have been told: a reading of the table begun before one is stale.
        self._signals = 0
        self._lock = threading.Lock()
        self._subscriptions: set[Subscription] = set()
        self._head: int | None = None
        self._head_read_at = float("-inf")
        self._head_lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        # How many times the listener connected (PostgreSQL): tests watch it reconnect.
        self.connections = 0

    # -- what readers ask ---------------------------------------------------------------------

    def standings(self) -> dict[str, Standing]:
        """Every projection's standing as last told, by name."""
        with self._lock:
            return dict(self._standings)

    @contextmanager
    def subscribe(self) -> Iterator[Subscription]:
        """A subscription to "something changed", for the running event loop's coroutine."""
        subscription = Subscription(asyncio.get_running_loop())
        with self._lock:
            self._subscriptions.add(subscription)
        try:
            yield subscription
        finally:
            with self._lock:
                self._subscriptions.discard(subscription)

    def head_since(self, moment: float) -> int | None:
        """The log's head read at `moment` (time.monotonic) or later, None if the log cannot be
        read. Blocks: call it from a thread. Requests asking together share one query."""
        with self._head_lock:
            if self._head_read_at < moment:
                pause = self._head_read_at + self.head_seconds - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                self._head_read_at = time.monotonic()
                self._head = self._read_head()
            return self._head

    # -- keeping them ---------------------------------------------------------------------------

    def start(self) -> Positions:
        self._read_again()
        if self.conninfo is None:
            on_standings(self.engine, self._told)
            target = self._poll
        else:
            target = self._listen
        self._thread = threading.Thread(target=target, name="copro-positions", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self.conninfo is None:
            off_standings(self.engine, self._told)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _told(self, standings: dict[str, Standing]) -> None:
        with self._lock:
            self._standings.update(standings)
            self._signals += 1
        self._wake()

    def _read_again(self, read: Callable[[], dict[str, Standing]] | None = None) -> None:
        """Replaces the standings with the table's, unless a signal came while it was read:
        the table may have been read before that signal's commit (the next reading will do)."""
        with self._lock:
            signals = self._signals
        standings = (read or self._read_all)()
        with self._lock:
            changed = signals == self._signals and standings != self._standings
            if changed:
                self._standings = standings
        if changed:
            self._wake()

    def _wake(self) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions)
        for subscription in subscriptions:
            subscription._raise()

    def _poll(self) -> None:
        while not self._stopping.wait(self.poll_seconds):
            try:
                self._read_again()
            except DBAPIError as error:
                log.warning("could not read the projections' standings (%s)", type(error).__name__)

    def _listen(self) -> None:
        import psycopg
        from psycopg import sql

        while not self._stopping.is_set():
            try:
                with psycopg.connect(
                    self.conninfo or "",
                    autocommit=True,
                    connect_timeout=5,
                    application_name="copro-positions",
                ) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
                    self.connections += 1
                    while not self._stopping.is_set():
                        # Read again after (re)connecting, then now and then: what was
                        # signalled while nobody listened is in the table.
                        self._read_again(lambda: _standings_read(conn))
                        deadline = time.monotonic() + self.poll_seconds
                        while not self._stopping.is_set() and time.monotonic() < deadline:
                            for notify in conn.notifies(timeout=0.5, stop_after=1):
                                self._told(standings_of(notify.payload))
            except Exception as error:
                log.warning(
                    "projections' listener lost its connection (%s); reconnecting",
                    type(error).__name__,
                )
                self._stopping.wait(1.0)

    def _read_all(self) -> dict[str, Standing]:
        c = projection_state.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.name, c.position, c.state)).all()
        return {name: Standing(position, state) for name, position, state in rows}

    def _read_head(self) -> int | None:
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(text(HEAD_QUERY[conn.dialect.name])).scalar() or 0)
        except DBAPIError as error:
            log.warning("could not read the log's head (%s)", type(error).__name__)
            return None


def _standings_read(conn: Any) -> dict[str, Standing]:
    """The standings, read through the listener's own connection (psycopg)."""
    rows = conn.execute("SELECT name, position, state FROM projection_state").fetchall()
    return {name: Standing(position, state) for name, position, state in rows}
