"""The hash rows written with the events, by the recorders of `copro.event_store`, on SQLite and
PostgreSQL; and the upgrade that chains a store written before chains existed.

Both run inside the transaction that inserts the events, after the insert, so the library's
insert lock is held: on PostgreSQL its `LOCK TABLE … IN EXCLUSIVE MODE`, on SQLite the write lock
the first INSERT took. No other writer can come between reading the log's last hash and writing
the next one, so the log chain follows the positions exactly as they are committed.

The upgrade runs when a process opens the store (on PostgreSQL under `open_condos`' advisory
lock, and with the insert lock taken): if no event has a hash yet, every event is chained in
position order, in batches. Once any event has one it does nothing, so running it again, or in
several processes at once, changes nothing; events written later around the recorder (by a
process of the version before, still running) are not chained after the fact but reported by
verify as `added`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg import Cursor
from psycopg.rows import DictRow, tuple_row
from psycopg.sql import SQL, Composed, Identifier

from copro.audit.chain import GENESIS, log_hash, stream_hash

log = logging.getLogger("copro.audit")

HASHES_TABLE = "event_hashes"
UPGRADE_BATCH = 5000

# (position, stream id, version, topic, state): an event to chain.
Event = tuple[int, UUID, int, str, bytes]
# (position, stream id, version, stream hash, log hash): its row.
Row = tuple[int, UUID, int, bytes, bytes]


def chained(events: Iterable[Event], last_log: bytes, heads: dict[UUID, bytes]) -> list[Row]:
    """The hash rows of events in position order, after the log entry hashed `last_log`;
    `heads` holds the stream hash each stream's next event chains to (a stream missing from it
    starts from zero) and is moved on."""
    rows = []
    for position, stream, version, topic, state in events:
        of_stream = stream_hash(heads.get(stream, GENESIS), stream.bytes, version, topic, state)
        last_log = log_hash(last_log, position, of_stream)
        heads[stream] = of_stream
        rows.append((position, stream, version, of_stream, last_log))
    return rows


def to_chain(stored_events: Sequence[StoredEvent], ids: Sequence[int]) -> list[Event]:
    return [
        (position, _uuid(s.originator_id), s.originator_version, s.topic, s.state)
        for position, s in zip(ids, stored_events, strict=True)
    ]


def _uuid(originator_id: UUID | str) -> UUID:
    return originator_id if isinstance(originator_id, UUID) else UUID(originator_id)


def continued(events: list[Event]) -> dict[UUID, int]:
    """The version each stream's first event here chains to (streams created here need none)."""
    before: dict[UUID, int] = {}
    for _, stream, version, _, _ in events:
        before.setdefault(stream, version - 1)
    return {stream: version for stream, version in before.items() if version > 0}


def batches(events: Iterator[Event]) -> Iterator[list[Event]]:
    while batch := list(islice(events, UPGRADE_BATCH)):
        yield batch


# -- SQLite ---------------------------------------------------------------------------------

SQLITE_TABLES = [
    f"CREATE TABLE IF NOT EXISTS {HASHES_TABLE} (notification_id INTEGER PRIMARY KEY, "
    "originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, "
    "stream_hash BLOB NOT NULL, log_hash BLOB NOT NULL)",
    f"CREATE UNIQUE INDEX IF NOT EXISTS {HASHES_TABLE}_stream "
    f"ON {HASHES_TABLE} (originator_id, originator_version)",
]
SQLITE_LAST = f"SELECT log_hash FROM {HASHES_TABLE} ORDER BY notification_id DESC LIMIT 1"
SQLITE_HEAD = (
    f"SELECT stream_hash FROM {HASHES_TABLE} WHERE originator_id=? AND originator_version=?"
)
SQLITE_INSERT = f"INSERT INTO {HASHES_TABLE} VALUES (?,?,?,?,?)"


def sqlite_record(c: Any, events: list[Event]) -> None:
    """Chains events just inserted (in the events' transaction, the write lock held)."""
    c.execute(SQLITE_LAST)
    last = c.fetchone()
    heads = {}
    for stream, version in continued(events).items():
        c.execute(SQLITE_HEAD, (stream.hex, version))
        found = c.fetchone()
        if found is not None:
            heads[stream] = found[0]
    sqlite_insert_rows(c, chained(events, last[0] if last else GENESIS, heads))


def sqlite_upgrade(c: Any, events_table: str) -> None:
    """Chains a store written before chains, in a transaction that starts by writing (so it
    holds the write lock before it reads anything)."""
    c.execute(f"DELETE FROM {HASHES_TABLE} WHERE 0")
    c.execute(f"SELECT 1 FROM {HASHES_TABLE} LIMIT 1")
    if c.fetchone() is not None:
        return
    # A cursor of its own: the inserts go through `c` while this one is read.
    read = c.sqlite_cursor.connection.cursor()
    read.execute(
        f"SELECT rowid, originator_id, originator_version, topic, state FROM {events_table} "
        "ORDER BY rowid"
    )
    events = ((r[0], UUID(r[1]), r[2], r[3], r[4]) for r in read)
    _upgrade(events, lambda rows: sqlite_insert_rows(c, rows))
    read.close()


def sqlite_insert_rows(c: Any, rows: list[Row]) -> None:
    c.executemany(SQLITE_INSERT, [(p, s.hex, v, h, lh) for p, s, v, h, lh in rows])


def _upgrade(events: Iterator[Event], insert: Any) -> None:
    last, total = GENESIS, 0
    heads: dict[UUID, bytes] = {}
    for batch in batches(events):
        rows = chained(batch, last, heads)
        insert(rows)
        last, total = rows[-1][4], total + len(rows)
    if total:
        log.info("chained %d events of a store from before hash chains", total)


# -- PostgreSQL -----------------------------------------------------------------------------


class PostgresChains:
    """The statements of one store's hash rows: its schema, its events table."""

    def __init__(self, schema: str, events_table: str) -> None:
        table = Identifier(schema, HASHES_TABLE)
        self.events = Identifier(schema, events_table)
        self.create_statements: list[Composed] = [
            SQL(
                "CREATE TABLE IF NOT EXISTS {} (notification_id bigint PRIMARY KEY, "
                "originator_id uuid NOT NULL, originator_version bigint NOT NULL, "
                "stream_hash bytea NOT NULL, log_hash bytea NOT NULL)"
            ).format(table),
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} (originator_id, originator_version)"
            ).format(Identifier(f"{HASHES_TABLE}_stream"), table),
        ]
        # The log's last hash (a row without a stream) and the heads of the streams continued,
        # in one round trip: the insert lock is held meanwhile.
        self.before = SQL(
            "(SELECT NULL::uuid AS originator_id, log_hash AS hash FROM {0} "
            "ORDER BY notification_id DESC LIMIT 1) "
            "UNION ALL SELECT h.originator_id, h.stream_hash FROM {0} h "
            "JOIN unnest(%s::uuid[], %s::bigint[]) AS w(id, v) "
            "ON h.originator_id = w.id AND h.originator_version = w.v"
        ).format(table)
        self.insert = SQL(
            "INSERT INTO {} SELECT * FROM unnest(%s::bigint[], %s::uuid[], %s::bigint[], "
            "%s::bytea[], %s::bytea[])"
        ).format(table)
        self.any_hash = SQL("SELECT 1 FROM {} LIMIT 1").format(table)
        self.lock = SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(self.events)

    def record(self, curs: Cursor[DictRow], events: list[Event]) -> None:
        """Chains events just inserted (in the events' transaction, the insert lock held)."""
        wanted = continued(events)
        curs.execute(self.before, (list(wanted), list(wanted.values())), prepare=True)
        last, heads = GENESIS, {}
        for row in curs.fetchall():
            stream, found = row["originator_id"], bytes(row["hash"])
            if stream is None:
                last = found
            else:
                heads[stream] = found
        self.insert_rows(curs, chained(events, last, heads))

    def insert_rows(self, curs: Cursor[Any], rows: list[Row]) -> None:
        columns = [list(column) for column in zip(*rows, strict=True)]
        curs.execute(self.insert, columns, prepare=True)

    def upgrade(self, curs: Cursor[DictRow]) -> None:
        """Chains a store written before chains (no writer can insert meanwhile)."""
        curs.execute(self.lock)
        curs.execute(self.any_hash)
        if curs.fetchone() is not None:
            return
        with curs.connection.cursor("copro_chain_upgrade", row_factory=tuple_row) as read:
            read.itersize = UPGRADE_BATCH
            read.execute(
                SQL(
                    "SELECT notification_id, originator_id, originator_version, topic, state "
                    "FROM {} ORDER BY notification_id"
                ).format(self.events)
            )
            events = ((p, s, v, t, bytes(state)) for p, s, v, t, state in read)
            _upgrade(events, lambda rows: self.insert_rows(curs, rows))
