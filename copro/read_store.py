"""The read tables' SQLAlchemy engine, on its own: what a command that only reads them (an
export, a person's data, a verify) opens, without the APIs, the aggregates and the projectors
that `copro.bootstrap` brings (some 25 MB of a process's memory)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from copro.settings import Settings
from projections.state import EVENT_STORE_SCHEMA, REBUILD_SCHEMA


def read_engine(settings: Settings) -> Engine:
    url = settings.read_store_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        rebuild_file = str(settings.data_dir.resolve() / "read-rebuild.sqlite")
        events_file = settings.event_store_env()["SQLITE_DBNAME"]

        @event.listens_for(engine, "connect")
        def _wal(dbapi_connection: Any, _: Any) -> None:
            # Readers never wait for the projector's writes, nor it for them.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            # Rebuilds write their shadow tables there (see projections.engine).
            cursor.execute(f"ATTACH DATABASE ? AS {REBUILD_SCHEMA}", (rebuild_file,))
            # The people store, for the few reads that show names (members, reporters).
            cursor.execute(f"ATTACH DATABASE ? AS {EVENT_STORE_SCHEMA}", (events_file,))
            cursor.close()

        return engine
    engine = create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
    # On PostgreSQL the people store is in the same database, in the default schema.
    return engine.execution_options(schema_translate_map={None: None, EVENT_STORE_SCHEMA: None})


def read_tables(settings: Settings) -> Engine:
    """The engine, every read table created if the projector has not yet: a command that reads
    them on a store never served answers as for an empty condo, not with "no such table"."""
    from projections.engine import create_tables
    from projections.registry import PROJECTIONS
    from projections.state import metadata

    engine = read_engine(settings)
    create_tables(engine, metadata, *(p.metadata for p in PROJECTIONS))
    return engine
