"""Where each projection stands in the event log, written in the same transaction as its rows."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Float, Integer, MetaData, String, Table, Text

# Where a rebuild writes its tables: a schema on PostgreSQL, an attached database on SQLite.
REBUILD_SCHEMA = "copro_rebuild"
# Where the read side finds the people store (the event store's `people` table): an attached
# database on SQLite, the default schema on PostgreSQL (mapped by the read engine).
EVENT_STORE_SCHEMA = "event_store"

metadata = MetaData()

projection_state = Table(
    "projection_state",
    metadata,
    Column("name", String(64), primary_key=True),
    # The version of the live tables' shape.
    Column("version", Integer, nullable=False),
    # The last notification id the live tables reflect (0: nothing yet).
    Column("position", BigInteger, nullable=False, default=0),
    # running | paused | failed
    Column("state", String(16), nullable=False, default="running"),
    Column("error", Text),
    Column("error_position", BigInteger),
    # A rebuild in progress: the version it builds and how far its shadow tables are.
    Column("rebuild_version", Integer),
    Column("rebuild_position", BigInteger),
    Column("rebuild_started_at", DateTime(timezone=True)),
    Column("events_per_second", Float),
    # The projector process that holds this projection (host:pid), if any.
    Column("owner", String(120)),
    Column("updated_at", DateTime(timezone=True)),
)
