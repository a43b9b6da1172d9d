"""The event store's events and hash rows, declared for the read side's SQLAlchemy engine: in the
attached event store on SQLite, the default schema on PostgreSQL (`projections.state`). The
events table is named apart in each store (`STORED_EVENTS`, by the engine's dialect)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, LargeBinary, MetaData, Table, Text, Uuid

from copro.audit.log import POSTGRES_EVENTS, SQLITE_EVENTS
from copro.audit.recording import HASHES_TABLE
from projections.state import EVENT_STORE_SCHEMA

metadata = MetaData(schema=EVENT_STORE_SCHEMA)

# Ids are 32 hex digits on SQLite (as the library writes them, and SQLAlchemy's Uuid there),
# native uuids on PostgreSQL: either way they compare with the audit index's aggregate ids.
STORED_EVENTS = {
    dialect: Table(
        name,
        metadata,
        Column("originator_id", Uuid, primary_key=True),
        Column("originator_version", BigInteger, primary_key=True),
        Column("topic", Text, nullable=False),
        Column("state", LargeBinary, nullable=False),
    )
    for dialect, name in (("sqlite", SQLITE_EVENTS), ("postgresql", POSTGRES_EVENTS))
}

event_hashes = Table(
    HASHES_TABLE,
    metadata,
    Column("notification_id", BigInteger, primary_key=True),
    Column("originator_id", Uuid, nullable=False),
    Column("originator_version", BigInteger, nullable=False),
    Column("stream_hash", LargeBinary, nullable=False),
    Column("log_hash", LargeBinary, nullable=False),
)
