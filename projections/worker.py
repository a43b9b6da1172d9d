"""The projector process's loop: claims projections, wakes on new events, applies batches.

On PostgreSQL each projection is claimed through a session advisory lock, so that of several
projector processes exactly one runs it; when that process dies its session ends, the lock is
freed and another process claims the projection on its next round.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
import time
from collections.abc import Iterable
from typing import Any

from sqlalchemy import update

from projections.engine import PositionMoved, ProjectionFailed, Projector
from projections.rounds import run_together
from projections.state import projection_state

log = logging.getLogger("copro.projector")

OWNER = f"{socket.gethostname()}:{os.getpid()}"


class Wakeup:
    """Wakes projector workers when new events may be in the log."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def fire(self, *_: object) -> None:
        self._event.set()

    def wait(self, timeout: float) -> None:
        self._event.wait(timeout)
        self._event.clear()


class Claims:
    """Which projections this process may run. Without PostgreSQL, all of them: the embedded
    store has one process."""

    def __init__(self, conninfo: str | None) -> None:
        self.conninfo = conninfo
        self._conn: Any = None
        self.held: set[str] = set()

    def holds(self, name: str) -> bool:
        if self.conninfo is None:
            return True
        if name in self.held:
            return True
        if (
            self._connection()
            .execute("SELECT pg_try_advisory_lock(%s)", (lock_key(name),))
            .fetchone()[0]
        ):
            self.held.add(name)
            log.info("claimed projection %s", name)
            return True
        return False

    def check(self) -> None:
        """Forgets every claim if the session holding them is gone."""
        if self._conn is None:
            return
        try:
            self._conn.execute("SELECT 1")
        except Exception:
            log.warning("lost the session holding %d projection(s); claiming again", len(self.held))
            self.release()

    def release(self) -> None:
        self.held.clear()
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def _connection(self) -> Any:
        import psycopg

        assert self.conninfo is not None, "only PostgreSQL has claims to connect for"
        if self._conn is None:
            self._conn = psycopg.connect(
                self.conninfo, autocommit=True, connect_timeout=5, application_name="copro-claims"
            )
        return self._conn


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for a projection."""
    digest = hashlib.blake2b(f"copro.projection.{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class ProjectorWorker(threading.Thread):
    """Keeps the projections it holds up to the head of the log, until stopped: those at the same
    position together, reading the log once (`run_together`).

    One thread for all projections keeps SQLite free of competing writers; a failing
    projection stops alone (until an operator resumes it), the others go on.
    """

    def __init__(
        self,
        projectors: Iterable[Projector],
        wakeup: Wakeup,
        poll_interval: float = 1.0,
        claims: Claims | None = None,
    ) -> None:
        super().__init__(name="copro-projector", daemon=True)
        self.projectors = list(projectors)
        self.wakeup = wakeup
        self.poll_interval = poll_interval
        self.claims = claims or Claims(None)
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            busy = False
            self.claims.check()
            try:
                held = [p for p in self.projectors if self._claimed(p)]
                busy = run_together(held) > 0
            except (ProjectionFailed, PositionMoved):
                busy = True  # the others go on at once; the failed one waits for an operator
            except Exception:
                # The database went away: the next round retries from the committed position.
                log.exception("projector round failed; retrying")
                self.claims.check()
                time.sleep(min(self.poll_interval, 1.0))
            if not busy:
                self.wakeup.wait(self.poll_interval)
        self.claims.release()

    def _claimed(self, projector: Projector) -> bool:
        newly = projector.name not in self.claims.held
        if not self.claims.holds(projector.name):
            return False
        if newly:
            with projector.engine.begin() as tx:
                tx.execute(
                    update(projection_state)
                    .where(projection_state.c.name == projector.name)
                    .values(owner=OWNER)
                )
        return True

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
        self.connections = 0

    def run(self) -> None:
        import psycopg
        from psycopg import sql

        while not self.stopping.is_set():
            try:
                with psycopg.connect(
                    self.conninfo,
                    autocommit=True,
                    connect_timeout=5,
                    application_name="copro-listener",
                ) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                    self.connections += 1
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
