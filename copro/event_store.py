"""The event store's recorders, extended with the people table.

One email may stand in several rows (an anonymous reporter writing twice gets two person ids);
an account's email is unique because the account claims it (`domain.email_claim`). Erasing a
person deletes every row of their email (`erased_email=`), in the transaction of the events
saying so; SQLite overwrites the deleted rows' bytes (`secure_delete`).

Personal data is written in the same transaction as the events of the command that brought it
(`Condos.save(..., people=[...])` passes it down to `_insert_events`), so an account never
exists without its person, nor a person without their account.

A person's `session_generation` moves on with a password change or a platform-wide
deactivation, in that command's transaction: tokens name the generation they were issued in,
so both APIs refuse the older ones at once. A write never lowers it: a command that read the
person before another one moved it on cannot bring ended sessions back.

Every event is hash-chained in the transaction that inserts it (`copro.audit.recording`), and a
store from before chains is chained when it opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    InterfaceError,
    OperationalError,
    ProgrammingError,
    StoredEvent,
)
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor
from eventsourcing.utils import retry
from psycopg import Cursor
from psycopg.pq import TransactionStatus
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from copro.audit.recording import SQLITE_TABLES, PostgresChains, SQLiteChains
from domain.people import Person

# Stores created before sessions could end lack this column: it is added when they open.
SESSION_GENERATION = "session_generation integer NOT NULL DEFAULT 0"
# Nor had they email claims (`Person.email_claim`): added alike.
EMAIL_CLAIM = "email_claim"
BEGIN, COMMIT = b"BEGIN", b"COMMIT"
PEOPLE_COLUMNS = (
    "id, email, first_name, last_name, phone, password_hash, session_generation, email_claim"
)


def _person(row: Any) -> Person:
    return Person(
        id=UUID(str(row["id"])),
        email=row["email"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        phone=row["phone"],
        password_hash=row["password_hash"],
        session_generation=row["session_generation"],
        email_claim=UUID(str(row["email_claim"])) if row["email_claim"] else None,
    )


def _values(person: Person) -> tuple[Any, ...]:
    return (
        str(person.id),
        person.email,
        person.first_name,
        person.last_name,
        person.phone,
        person.password_hash,
        person.session_generation,
        str(person.email_claim) if person.email_claim else None,
    )


class SQLiteRecorder(SQLiteApplicationRecorder):
    chains = SQLiteChains()

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS people ("
            "id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT NOT NULL, "
            f"last_name TEXT NOT NULL, phone TEXT, password_hash TEXT, {SESSION_GENERATION}, "
            f"{EMAIL_CLAIM} TEXT)",
            *SQLITE_TABLES,
        ]

    def create_table(self) -> None:
        super().create_table()
        with self.datastore.transaction(commit=True) as c:
            self.chains.upgrade(c, self.events_table_name)

    def _create_table(self, c: SQLiteCursor) -> None:
        super()._create_table(c)
        c.execute("PRAGMA table_info(people)")
        columns = {row["name"] for row in c.fetchall()}
        if "session_generation" not in columns:
            c.execute(f"ALTER TABLE people ADD COLUMN {SESSION_GENERATION}")
        if EMAIL_CLAIM not in columns:
            c.execute(f"ALTER TABLE people ADD COLUMN {EMAIL_CLAIM} TEXT")

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        for person in kwargs.get("people", ()):
            c.execute(
                f"INSERT INTO people ({PEOPLE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?) "
                "ON CONFLICT (id) DO UPDATE SET "
                "email=excluded.email, first_name=excluded.first_name, "
                "last_name=excluded.last_name, phone=excluded.phone, "
                "password_hash=excluded.password_hash, email_claim=excluded.email_claim, "
                "session_generation=max(session_generation, excluded.session_generation)",
                _values(person),
            )
        if kwargs.get("erased_email"):
            # Zeroes the deleted rows in the file, rather than leaving them in free pages.
            c.execute("PRAGMA secure_delete=ON")
            c.execute("DELETE FROM people WHERE email=?", (kwargs["erased_email"],))
        if ids:
            self.chains.record(c, stored_events, ids)
        return ids

    def select_person(self, person_id: UUID) -> Person | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT * FROM people WHERE id=?", (str(person_id),))
            row = c.fetchone()
        return _person(row) if row else None

    def select_people_by_email(self, email: str) -> list[Person]:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT * FROM people WHERE email=? ORDER BY id", (email,))
            return [_person(row) for row in c.fetchall()]


class PostgresRecorder(PostgresApplicationRecorder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people_table = Identifier(self.datastore.schema, "people")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {} ("
                "id uuid PRIMARY KEY, email text NOT NULL, first_name text NOT NULL, "
                f"last_name text NOT NULL, phone text, password_hash text, {SESSION_GENERATION})"
            ).format(self.people_table)
        )
        for column in (SESSION_GENERATION, f"{EMAIL_CLAIM} uuid"):
            self.sql_create_statements.append(
                SQL(f"ALTER TABLE {{}} ADD COLUMN IF NOT EXISTS {column}").format(self.people_table)
            )
        self.chains = PostgresChains(self.datastore.schema, self.events_table_name)
        self.sql_create_statements.extend(self.chains.create_statements)
        # Several events at once: the insert also returns what they chain to (read under its
        # lock, in its round trip). The library's statement ends with its RETURNING clause.
        assert self.insert_events_statement.as_string().endswith("RETURNING notification_id")
        self.insert_events_statement += self.chains.returning
        self.notify_statement = SQL("NOTIFY {}").format(Identifier(self.channel_name))

    def create_table(self) -> None:
        super().create_table()
        with self.datastore.transaction(commit=True) as curs:
            self.chains.upgrade(curs)

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """The library's transaction in two round trips instead of its four (its nested
        pipelines sync twice with nothing to send): BEGIN, the people rows, the lock, NOTIFY
        and the insert go in one pipeline; then the hash rows computed here, if any, and COMMIT
        in one simple query. A failure anywhere rolls everything back."""
        ids: Sequence[int] | None = None
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            try:
                with conn.pipeline():
                    curs.execute(BEGIN)
                    self._insert_events(curs, stored_events, **kwargs)
                    if stored_events:
                        self._insert_stored_events(curs, stored_events, **kwargs)
                hash_rows = b""
                if stored_events:
                    ids, hash_rows = self._inserted(curs, stored_events)
                curs.execute(hash_rows + b"; COMMIT" if hash_rows else COMMIT, prepare=False)
            except BaseException:
                if conn.info.transaction_status != TransactionStatus.IDLE:
                    conn.rollback()
                raise
        return ids

    def _insert_stored_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        self._lock_table(curs)
        self._notify_channel(curs)
        if len(stored_events) == 1:
            curs.execute(self.chains.insert_one, self.chains.one(stored_events[0]))
        else:
            PostgresAggregateRecorder._insert_stored_events(self, curs, stored_events, **kwargs)

    def _notify_channel(self, curs: Cursor[DictRow]) -> None:
        curs.execute(self.notify_statement)  # composed once, not on every insert

    def _inserted(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent]
    ) -> tuple[list[int], bytes]:
        """The events' positions, and the INSERT of their hash rows left to send (none when
        PostgreSQL chained the one event itself)."""
        returned = curs.fetchall()
        if len(returned) != len(stored_events):
            raise ProgrammingError(
                f"inserted {len(stored_events)} events, got {len(returned)} positions back"
            )
        ids = [row["notification_id"] for row in returned]
        if len(stored_events) == 1:
            return ids, b""
        return ids, self.chains.rows_statement(curs, stored_events, returned)

    def _insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        super()._insert_events(curs, stored_events, **kwargs)
        for person in kwargs.get("people", ()):
            curs.execute(
                SQL(
                    f"INSERT INTO {{}} AS p ({PEOPLE_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s) "
                    "ON CONFLICT (id) "
                    "DO UPDATE SET email=excluded.email, first_name=excluded.first_name, "
                    "last_name=excluded.last_name, phone=excluded.phone, "
                    "password_hash=excluded.password_hash, email_claim=excluded.email_claim, "
                    "session_generation=GREATEST(p.session_generation, excluded.session_generation)"
                ).format(self.people_table),
                _values(person),
            )
        if kwargs.get("erased_email"):
            curs.execute(
                SQL("DELETE FROM {} WHERE email=%s").format(self.people_table),
                (kwargs["erased_email"],),
            )

    def select_person(self, person_id: UUID) -> Person | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT * FROM {} WHERE id=%s").format(self.people_table), (person_id,)
            )
            row = curs.fetchone()
        return _person(row) if row else None

    def select_people_by_email(self, email: str) -> list[Person]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT * FROM {} WHERE email=%s ORDER BY id").format(self.people_table),
                (email,),
            )
            return [_person(row) for row in curs.fetchall()]
