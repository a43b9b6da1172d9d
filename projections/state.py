"""Where each projection stands in the event log, written in the same transaction as its rows."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

projection_state = Table(
    "projection_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    # The last notification id this projection has applied (0: nothing yet).
    Column("position", BigInteger, nullable=False, default=0),
    # running | paused | failed
    Column("state", String(16), nullable=False, default="running"),
    Column("error", Text),
    Column("error_position", BigInteger),
    Column("updated_at", DateTime(timezone=True)),
)
