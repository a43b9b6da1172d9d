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
from psycopg.sql import SQL, Literal

from copro.audit.chain import GENESIS, Hashed, Logged, Stored
from copro.audit.recording import HASHES_TABLE
from copro.settings import Settings

# The library's events table: its SQLite recorder's own name, its PostgreSQL recorder's named
# after the application (`Condos.name`).
SQLITE_EVENTS = "stored_events"
POSTGRES_EVENTS = "copro_events"
CHUNK = 1000  # rows PostgreSQL sends at a time


class ChainsMissing(Exception):
    """The store has no hash rows table yet: no process of the write side has opened it."""


class EventLog(AbstractContextManager["EventLog"]):
    """A read-only snapshot of the event store. The walks read two sequences side by side
    (events, and hash rows, in stream order): each is read through a reader of its own."""

    # Each store's events table, its column of the position, its placeholder, and how a
    # stream id is selected (then made 16 bytes by `_key`).
    events = POSTGRES_EVENTS
    position = "notification_id"
    mark = "%s"
    stream_id = "originator_id"

    def stored(self, streams: Sequence[UUID] | None = None) -> Iterator[Stored]:
        """The events (of these streams), ordered by stream and version."""
        rows = self._rows(
            f"SELECT {self.stream_id}, originator_version, {self.position}, topic, state "
            f"FROM {self.events}{self._of(streams)} ORDER BY originator_id, originator_version",
            streams,
            beside=False,
        )
        key = self._key
        return ((key(s), v, p, t, state) for s, v, p, t, state in rows)

    def hashed(self, streams: Sequence[UUID] | None = None) -> Iterator[Hashed]:
        """The hash rows (of these streams), ordered by stream and version."""
        rows = self._rows(
            f"SELECT {self.stream_id}, originator_version, notification_id, stream_hash "
            f"FROM {HASHES_TABLE}{self._of(streams)} ORDER BY originator_id, originator_version",
            streams,
            beside=True,
        )
        key = self._key
        return ((key(s), v, p, h) for s, v, p, h in rows)

    def logged(self) -> Iterator[Logged]:
        """The hash rows in position order."""
        rows = self._rows(
            f"SELECT notification_id, {self.stream_id}, originator_version, stream_hash, "
            f"log_hash FROM {HASHES_TABLE} ORDER BY notification_id",
            None,
            beside=False,
        )
        key = self._key
        return ((p, key(s), v, h, lh) for p, s, v, h, lh in rows)

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

    def _rows(self, statement: str, streams: Sequence[UUID] | None, beside: bool) -> Iterator[Any]:
        raise NotImplementedError

    def _one(self, statement: str, params: tuple[Any, ...]) -> Any:
        raise NotImplementedError


class SQLiteLog(EventLog):
    events = SQLITE_EVENTS
    position = "rowid"
    mark = "?"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection  # one connection: its cursors share its read transaction

    def _key(self, stream: str) -> bytes:
        return bytes.fromhex(stream)

    def _rows(self, statement: str, streams: Sequence[UUID] | None, beside: bool) -> Iterator[Any]:
        return self.connection.execute(statement, [s.hex for s in streams or ()])

    def _one(self, statement: str, params: tuple[Any, ...]) -> Any:
        return self.connection.execute(statement, params).fetchone()

    def __exit__(self, *_: object) -> None:
        self.connection.close()


class PostgresLog(EventLog):
    """Two connections in one snapshot (the second imports the first's): a connection streams
    one result at a time. Rows come in binary, a chunk at a time (a server-side cursor costs
    four times as much per row), stream ids as their 16 bytes."""

    stream_id = "uuid_send(originator_id)"

    def __init__(self, connection: psycopg.Connection[Any], beside: psycopg.Connection[Any]):
        self.connection, self.beside = connection, beside

    def _key(self, stream: bytes) -> bytes:
        return stream

    def _rows(self, statement: str, streams: Sequence[UUID] | None, beside: bool) -> Iterator[Any]:
        reader = self.beside if beside else self.connection
        cursor = reader.cursor(row_factory=tuple_row, binary=True)
        return cursor.stream(statement, list(streams or ()), size=CHUNK)

    def _one(self, statement: str, params: tuple[Any, ...]) -> Any:
        return self.connection.execute(statement, params).fetchone()

    def __exit__(self, *_: object) -> None:
        self.beside.close()
        self.connection.close()


def open_log(settings: Settings) -> EventLog:
    """The store's snapshot, read-only; ChainsMissing before the write side first opened it."""
    if settings.database_url is None:
        return _sqlite_log(Path(settings.event_store_env()["SQLITE_DBNAME"]).resolve())
    first = _snapshot(settings.database_url)
    try:
        first.execute(f"SELECT 1 FROM {HASHES_TABLE} LIMIT 1")
    except psycopg.errors.UndefinedTable:
        first.close()
        raise ChainsMissing("the event store has no hash chains yet") from None
    exported = first.execute("SELECT pg_export_snapshot()").fetchone()
    assert exported is not None
    beside = _snapshot(settings.database_url)
    beside.execute(SQL("SET TRANSACTION SNAPSHOT {}").format(Literal(exported[0])))
    return PostgresLog(first, beside)


def _snapshot(url: str) -> psycopg.Connection[Any]:
    connection = psycopg.connect(url)
    connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    connection.read_only = True
    return connection


def _sqlite_log(path: Path) -> SQLiteLog:
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
