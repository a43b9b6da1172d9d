"""The status page as a visitor saw it at a past instant.

It is computed from the events, never from today's tables filtered by date: the condo's events
recorded up to that instant (found by the audit index, which knows each event's condo and
position; read as stored from the event store and decoded by the write side's own mapper, its
upcasters included) are applied, in the order of the log, by the page's own projections'
handlers to a copy of their tables in an in-memory SQLite database. The live page's view then
reads that copy, with "now" at that instant for what depends on time (the windows planned within
30 days, the incidents resolved within 90).
"""

from __future__ import annotations

import functools
import queue
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic
from sqlalchemy import Connection, Engine, Table, and_, create_engine, select
from sqlalchemy.pool import NullPool, StaticPool

from copro.audit.tables import STORED_EVENTS
from projections import incidents, maintenance_calendar, status_page
from projections.audit_index import events
from projections.engine import Handler, Projection
from projections.rows import Rows
from projections.status_rules import utc
from query_api import queries
from query_api.answers.status import StatusPage
from query_api.views import status

# The projections the page is read from (`query_api.pages.PAGE`), in the projector's order.
PAGE: tuple[Projection, ...] = (
    status_page.projection,
    incidents.projection,
    maintenance_calendar.projection,
)
# Each projection's tables (dependencies first, as `Rows` writes them) and handlers by topic.
HANDLERS: list[tuple[list[Table], dict[str, Handler]]] = [
    (p.metadata.sorted_tables, {get_topic(cls): handler for cls, handler in p.handlers.items()})
    for p in PAGE
]
# Only events some of them handle are read and decoded: a ticket's or an expense's are not.
TOPICS = sorted({topic for _, by_topic in HANDLERS for topic in by_topic})


def status_page_then(conn: Connection, copro_id: UUID, at: datetime) -> StatusPage | None:
    """The condo's page as it was at `at`; None if the condo did not exist then (or was
    archived, which the live page answers as no condo)."""
    with replayed(stored_until(conn, copro_id, at)) as memory:
        copro = queries.copro_by_id(memory, copro_id)
        if copro is None or copro["archived"]:
            return None
        return status.status_page(memory, copro, utc(at))


def stored_until(conn: Connection, copro_id: UUID, at: datetime) -> list[StoredEvent]:
    """The condo's events the page's projections handle, recorded at `at` or before, as stored,
    in the order of the log."""
    stored = STORED_EVENTS[conn.dialect.name]
    rows = conn.execute(
        select(stored.c.originator_id, stored.c.originator_version, stored.c.topic, stored.c.state)
        .select_from(
            events.join(
                stored,
                and_(
                    stored.c.originator_id == events.c.aggregate_id,
                    stored.c.originator_version == events.c.aggregate_version,
                ),
            )
        )
        .where(
            events.c.copro_id == copro_id,
            events.c.recorded_at <= utc(at),
            stored.c.topic.in_(TOPICS),
        )
        .order_by(events.c.position)
    )
    return [StoredEvent(r[0], r[1], r[2], bytes(r[3])) for r in rows]


@contextmanager
def replayed(stored_events: list[StoredEvent]) -> Iterator[Connection]:
    """A connection to an in-memory copy of the page's tables, the events applied to it by the
    projections' own handlers, as the projector applies a batch from position 0."""
    lanes = _lanes()
    try:
        with copies().begin() as tx:
            for rows, _ in lanes:
                rows.begin(tx, 0)  # empty tables: an absent row costs no query
            decode = mapper().to_domain_event
            for stored in stored_events:
                event: Any = None
                for rows, by_topic in lanes:
                    handler = by_topic.get(stored.topic)
                    if handler is not None:
                        event = event or decode(stored)
                        handler(rows, event)
            for rows, _ in lanes:
                rows.finish()
            yield tx
    finally:
        for rows, _ in lanes:
            rows.forget()
        _idle.put(lanes)


Lanes = list[tuple[Rows, dict[str, Handler]]]
# `Rows` of the page's projections not in use, for the next replay: making them builds each
# table's statements, a good part of a small condo's replay.
_idle: queue.SimpleQueue[Lanes] = queue.SimpleQueue()


def _lanes() -> Lanes:
    try:
        return _idle.get_nowait()
    except queue.Empty:
        return [(Rows(tables), by_topic) for tables, by_topic in HANDLERS]


@functools.cache
def copies() -> Engine:
    """Connections each to an in-memory database of its own, holding the page's tables, empty:
    each a copy of one database made once (SQLite's backup, cheaper than creating the tables).
    One engine for all, so that its statements are compiled once, not for every page."""
    template = sqlite3.connect(":memory:", check_same_thread=False)
    making = create_engine("sqlite://", creator=lambda: template, poolclass=StaticPool)
    with making.begin() as tx:
        for projection in PAGE:
            projection.metadata.create_all(tx)
    copying = threading.Lock()

    def fresh() -> sqlite3.Connection:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        with copying:
            template.backup(copy)
        return copy

    # Not pooled: a connection given back is closed, and its database gone with it.
    return create_engine("sqlite://", creator=fresh, poolclass=NullPool)


@functools.cache
def mapper() -> Mapper[Any]:
    """The write side's mapper (its topics, transcodings and upcasters) over no store."""
    # The one reach into `domain` from the read side, as `copro.audit.exported` makes: decoding
    # an event needs the application's transcodings, which live there.
    from domain.application import Condos

    return Condos(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}).mapper
