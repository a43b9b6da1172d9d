"""The event store as the audit walks read it: one read-only snapshot, its events and hash rows
streamed in the orders the walks need (never held in memory), on SQLite or PostgreSQL.

A snapshot, because the events and their hash rows are read by separate queries: an event
committed between them would look unchained or missing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from psycopg.rows import tuple_row

from copro.audit.chain import GENESIS, Hashed, Logged, Stored
from copro.audit.recording import HASHES_TABLE
from copro.settings import Settings

# The library's events table: its SQLite recorder's own name, its PostgreSQL recorder's named
# after the application (`Condos.name`).
SQLITE_EVENTS = "stored_events"
POSTGRES_EVENTS = "copro_events"
FETCH = 10_000  # rows per round trip of a PostgreSQL server-side cursor


class ChainsMissing(Exception):
    """The store has no hash rows table yet: no process of the write side has opened it."""


class EventLog(AbstractContextManager["EventLog"]):
    """A read-only snapshot of the event store."""

    # Each store's events table, its column of the position, and its placeholder.
    events = POSTGRES_EVENTS
    position = "notification_id"
    mark = "%s"

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def stored(self, streams: Sequence[UUID] | None = None) -> Iterator[Stored]:
        """The events (of these streams), ordered by stream and version."""
        rows = self._rows(
            f"SELECT originator_id, originator_version, {self.position}, topic, state "
            f"FROM {self.events}{self._of(streams)} ORDER BY originator_id, originator_version",
            streams,
        )
        key = self._key
        return ((key(s), v, p, t, bytes(state)) for s, v, p, t, state in rows)

    def hashed(self, streams: Sequence[UUID] | None = None) -> Iterator[Hashed]:
        """The hash rows (of these streams), ordered by stream and version."""
        rows = self._rows(
            "SELECT originator_id, originator_version, notification_id, stream_hash "
            f"FROM {HASHES_TABLE}{self._of(streams)} ORDER BY originator_id, originator_version",
            streams,
        )
        key = self._key
        return ((key(s), v, p, bytes(h)) for s, v, p, h in rows)

    def logged(self) -> Iterator[Logged]:
        """The hash rows in position order."""
        rows = self._rows(
            "SELECT notification_id, originator_id, originator_version, stream_hash, log_hash "
            f"FROM {HASHES_TABLE} ORDER BY notification_id",
            None,
        )
        key = self._key
        return ((p, key(s), v, bytes(h), bytes(lh)) for p, s, v, h, lh in rows)

    def entry_at(self, position: int) -> bytes | None:
        """The log hash of the entry at this position, if there is one."""
        found = self._one(
            f"SELECT log_hash FROM {HASHES_TABLE} WHERE notification_id = {self.mark}",
            (position,),
        )
        return None if found is None else bytes(found[0])

    def head(self) -> tuple[int, bytes]:
        """The log's last entry: its position and log hash (0 and zeros for an empty log)."""
        found = self._one(
            f"SELECT notification_id, log_hash FROM {HASHES_TABLE} "
            "ORDER BY notification_id DESC LIMIT 1",
            (),
        )
        return (0, GENESIS) if found is None else (found[0], bytes(found[1]))

    def _of(self, streams: Sequence[UUID] | None) -> str:
        if streams is None:
            return ""
        return f" WHERE originator_id IN ({', '.join([self.mark] * len(streams))})"

    def _key(self, stream: Any) -> bytes:
        raise NotImplementedError

    def _rows(self, statement: str, streams: Sequence[UUID] | None) -> Iterator[Any]:
        raise NotImplementedError

    def _one(self, statement: str, params: tuple[Any, ...]) -> Any:
        raise NotImplementedError

    def __exit__(self, *_: object) -> None:
        self.connection.close()


class SQLiteLog(EventLog):
    events = SQLITE_EVENTS
    position = "rowid"
    mark = "?"

    def _key(self, stream: str) -> bytes:
        return bytes.fromhex(stream)

    def _rows(self, statement: str, streams: Sequence[UUID] | None) -> Iterator[Any]:
        # A cursor of its own each: two walks are read side by side.
        return self.connection.execute(statement, [s.hex for s in streams or ()])  # type: ignore[no-any-return]

    def _one(self, statement: str, params: tuple[Any, ...]) -> Any:
        return self.connection.execute(statement, params).fetchone()


class PostgresLog(EventLog):
    def _key(self, stream: UUID) -> bytes:
        return stream.bytes

    def _rows(self, statement: str, streams: Sequence[UUID] | None) -> Iterator[Any]:
        # Server-side, so that a million rows are never in memory; named apart, since the
        # walks read two at once.
        self.cursors = getattr(self, "cursors", 0) + 1
        cursor = self.connection.cursor(f"copro_audit_{self.cursors}", row_factory=tuple_row)
        cursor.itersize = FETCH
        cursor.execute(statement, list(streams or ()))
        return iter(cursor)

    def _one(self, statement: str, params: tuple[Any, ...]) -> Any:
        return self.connection.execute(statement, params).fetchone()


def open_log(settings: Settings) -> EventLog:
    """The store's snapshot, read-only; ChainsMissing before the write side first opened it."""
    if settings.database_url is None:
        path = Path(settings.event_store_env()["SQLITE_DBNAME"]).resolve()
        if not path.exists():
            raise ChainsMissing("the event store has no hash chains yet")
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            connection.execute("BEGIN")
            connection.execute(f"SELECT 1 FROM {HASHES_TABLE} LIMIT 1")
        except sqlite3.OperationalError:
            connection.close()
            raise ChainsMissing("the event store has no hash chains yet") from None
        return SQLiteLog(connection)
    pg = psycopg.connect(settings.database_url)
    pg.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    pg.read_only = True
    try:
        pg.execute(f"SELECT 1 FROM {HASHES_TABLE} LIMIT 1")
    except psycopg.errors.UndefinedTable:
        pg.close()
        raise ChainsMissing("the event store has no hash chains yet") from None
    return PostgresLog(pg)
