"""The people store, read where a manager must see who someone is (members, reporters).

Names, emails and phone numbers live only in the event store's erasable `people` table: they
are read from it when asked for, never copied into a read table. The table is declared here
for reading; its password hashes are left out, so no query can select them.

`session_generation` is what a token's `gen` must equal (see `copro.tokens`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from sqlalchemy import (
    Column,
    Connection,
    Dialect,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    select,
)
from sqlalchemy.types import TypeDecorator, TypeEngine

from projections.state import EVENT_STORE_SCHEMA


class PersonId(TypeDecorator[UUID]):
    """The people table's key: a native uuid on PostgreSQL, the uuid's text (with its dashes)
    on SQLite, where SQLAlchemy's own Uuid would compare 32 bare hex digits."""

    impl = String(36)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Uuid())
        return dialect.type_descriptor(String(36))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or dialect.name == "postgresql":
            return value
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> UUID | None:
        return None if value is None else UUID(str(value))


people = Table(
    "people",
    MetaData(schema=EVENT_STORE_SCHEMA),
    Column("id", PersonId, primary_key=True),
    Column("email", Text, nullable=False),
    Column("first_name", Text, nullable=False),
    Column("last_name", Text, nullable=False),
    Column("phone", Text),
    Column("session_generation", Integer, nullable=False),
)


def people_by_id(conn: Connection, ids: Iterable[UUID]) -> dict[UUID, dict[str, Any]]:
    """Names, email and phone of each of these people still in the store (an erased person is
    simply missing)."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    # Named columns: a store opened before sessions could end has no session_generation until
    # the command side opens it.
    who = (people.c.id, people.c.email, people.c.first_name, people.c.last_name, people.c.phone)
    rows = conn.execute(select(*who).where(people.c.id.in_(wanted))).mappings()
    return {r["id"]: dict(r) for r in rows}


def full_name(person: dict[str, Any]) -> str:
    """`first last`; someone who reported without an account has their whole name as first."""
    return " ".join(n for n in (person["first_name"], person["last_name"]) if n)
