"""The event store's recorders, extended with the people table.

One email may stand in several rows (an anonymous reporter writing twice gets two person ids);
an account's email is unique because the account id is derived from it.

Personal data is written in the same transaction as the events of the command that brought it
(`Condos.save(..., people=[...])` passes it down to `_insert_events`), so an account never
exists without its person, nor a person without their account.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from domain.people import Person

PEOPLE_COLUMNS = ("id", "email", "first_name", "last_name", "phone", "password_hash")


def _person(row: Any) -> Person:
    return Person(
        id=UUID(str(row["id"])),
        email=row["email"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        phone=row["phone"],
        password_hash=row["password_hash"],
    )


def _values(person: Person) -> tuple[Any, ...]:
    return (
        str(person.id),
        person.email,
        person.first_name,
        person.last_name,
        person.phone,
        person.password_hash,
    )


class SQLiteRecorder(SQLiteApplicationRecorder):
    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS people ("
            "id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT NOT NULL, "
            "last_name TEXT NOT NULL, phone TEXT, password_hash TEXT)",
        ]

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        for person in kwargs.get("people", ()):
            c.execute(
                "INSERT INTO people VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
                "email=excluded.email, first_name=excluded.first_name, "
                "last_name=excluded.last_name, phone=excluded.phone, "
                "password_hash=excluded.password_hash",
                _values(person),
            )
        return ids

    def select_person(self, person_id: UUID) -> Person | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT * FROM people WHERE id=?", (str(person_id),))
            row = c.fetchone()
        return _person(row) if row else None


class PostgresRecorder(PostgresApplicationRecorder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people_table = Identifier(self.datastore.schema, "people")
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {} ("
                "id uuid PRIMARY KEY, email text NOT NULL, first_name text NOT NULL, "
                "last_name text NOT NULL, phone text, password_hash text)"
            ).format(self.people_table)
        )

    def _insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        super()._insert_events(curs, stored_events, **kwargs)
        for person in kwargs.get("people", ()):
            curs.execute(
                SQL(
                    "INSERT INTO {} VALUES (%s,%s,%s,%s,%s,%s) ON CONFLICT (id) DO UPDATE SET "
                    "email=excluded.email, first_name=excluded.first_name, "
                    "last_name=excluded.last_name, phone=excluded.phone, "
                    "password_hash=excluded.password_hash"
                ).format(self.people_table),
                _values(person),
            )

    def select_person(self, person_id: UUID) -> Person | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT * FROM {} WHERE id=%s").format(self.people_table), (person_id,)
            )
            row = curs.fetchone()
        return _person(row) if row else None
