"""What someone with write access to the database could do to the event log, with SQL: the
steps of the tamper-evidence tests, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from typing import Any
from uuid import UUID

import psycopg

from copro.audit.chain import Tally
from copro.audit.log import open_log
from copro.audit.models import SignedHead, Verification
from copro.audit.verify import breaks_of, report
from copro.settings import Settings


class RawStore:
    """The event store's tables, reached around Copro."""

    def __init__(self, settings: Settings) -> None:
        self.postgres = settings.database_url is not None
        if self.postgres:
            assert settings.database_url is not None
            self.connection: Any = psycopg.connect(settings.database_url, autocommit=True)
            self.events, self.position = "copro_events", "notification_id"
        else:
            path = settings.event_store_env()["SQLITE_DBNAME"]
            self.connection = sqlite3.connect(path, isolation_level=None)
            self.events, self.position = "stored_events", "rowid"

    def run(self, statement: str, *params: Any) -> list[Any]:
        if self.postgres:
            statement = statement.replace("?", "%s")
        cursor = self.connection.execute(statement, params)
        return list(cursor.fetchall()) if cursor.description else []

    def key(self, stream: UUID) -> Any:
        return stream if self.postgres else stream.hex

    def where(self, stream: UUID, version: int) -> tuple[str, tuple[Any, ...]]:
        return "originator_id = ? AND originator_version = ?", (self.key(stream), version)

    def position_of(self, stream: UUID, version: int) -> int:
        clause, params = self.where(stream, version)
        found = self.run(f"SELECT {self.position} FROM {self.events} WHERE {clause}", *params)
        return int(found[0][0])

    def flip_a_byte(self, stream: UUID, version: int, text: bytes, into: bytes) -> None:
        """Changes one byte of the event's state: `text` becomes `into` (of one length)."""
        clause, params = self.where(stream, version)
        state = bytes(self.run(f"SELECT state FROM {self.events} WHERE {clause}", *params)[0][0])
        assert text in state and len(text) == len(into)
        changed = state.replace(text, into, 1)
        self.run(f"UPDATE {self.events} SET state = ? WHERE {clause}", changed, *params)

    def delete_event(self, stream: UUID, version: int, *, with_its_hash: bool = False) -> None:
        clause, params = self.where(stream, version)
        self.run(f"DELETE FROM {self.events} WHERE {clause}", *params)
        if with_its_hash:
            self.run(f"DELETE FROM event_hashes WHERE {clause}", *params)

    def swap_positions(self, first: tuple[UUID, int], second: tuple[UUID, int]) -> None:
        """Moves two events into each other's places in the log (their unique positions
        through a free one)."""
        a, b = self.position_of(*first), self.position_of(*second)
        for (stream, version), to in ((first, -1), (second, a), (first, b)):
            clause, params = self.where(stream, version)
            self.run(f"UPDATE {self.events} SET {self.position} = ? WHERE {clause}", to, *params)

    def forget_chains(self) -> None:
        """Empties the hash rows, so the next start chains the log again from its first event:
        what someone rewriting history would do to make the chains hold again."""
        self.run("DELETE FROM event_hashes")

    def close(self) -> None:
        self.connection.close()


def verified(settings: Settings, head: SignedHead | None = None) -> Verification:
    """What `copro audit verify` finds over the whole log (and since the head)."""
    tally = Tally()
    with open_log(settings) as log:
        return report(breaks_of(log, None, None, head, tally), tally)
