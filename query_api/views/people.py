"""The people store, read where a manager must see who someone is (members, reporters).

Names, emails and phone numbers live only in the event store's erasable `people` table: they
are read from it when asked for, never copied into a read table. The table is declared here
for reading; its password hashes are left out, so no query can select them.

`session_generation` is what a token's `gen` must equal (see `copro.tokens`). `email_claim` is
the claim of an account's email, which invitations sent to the email name (the read side has
no key to compute it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Dialect,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    literal_column,
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
    Column("email_claim", PersonId),
)
# Whether a row holds a password hash, without a column that would let a query select it.
has_password = literal_column("password_hash IS NOT NULL", Boolean).label("has_password")


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


def invitee_ids(conn: Connection, account_id: UUID) -> list[UUID]:
    """The ids an invitation to this account may name: its email's claim, and its own (as
    invitations sent before email claims did)."""
    claim = conn.execute(
        select(people.c.email_claim).where(people.c.id == account_id)
    ).scalar_one_or_none()
    return [account_id] if claim is None else [account_id, claim]


def normalised_email(email: str) -> str:
    """The email as the write side keeps it (`domain.account.normalise_email`)."""
    return email.strip().casefold()


def people_with_email(conn: Connection, email: str) -> list[dict[str, Any]]:
    """Every row of the people store holding this email (an account's, anonymous reporters'),
    its password hash said to be held or not, never read."""
    who = (
        people.c.id,
        people.c.email,
        people.c.first_name,
        people.c.last_name,
        people.c.phone,
        people.c.email_claim,
        has_password,
    )
    rows = conn.execute(
        select(*who).where(people.c.email == normalised_email(email)).order_by(people.c.id)
    ).mappings()
    return [dict(r) for r in rows]
