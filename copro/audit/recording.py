"""The hash rows written with the events, by the recorders of `copro.event_store`, on SQLite and
PostgreSQL; and the upgrade that chains a store written before chains existed.

Both run inside the transaction that inserts the events, with the insert or after it, so the
library's insert lock is held: on PostgreSQL its `LOCK TABLE … IN EXCLUSIVE MODE`, on SQLite the
write lock the first INSERT took. No other writer can come between reading the log's last hash
and writing the next one, so the log chain follows the positions exactly as they are committed.

What they chain to (the log's last hash, the last hash of each stream continued) is read
under that lock too. On PostgreSQL a command's one event is inserted, hashed and chained by one
statement (`PostgresChains.insert_one`: the hashes computed by PostgreSQL, as `chain` computes
them); several events at once are inserted by the library's statement, which returns what each
chains to beside its position (`RETURNING`), and their hash rows, computed here, are sent with
the COMMIT. Either way chaining adds no round trip to a command (`PostgresRecorder.
insert_events`).

The upgrade runs when a process opens the store (on PostgreSQL under `open_condos`' advisory
lock, and with the insert lock taken): if no event has a hash yet, every event is chained in
position order, in batches. Once any event has one it does nothing, so running it again, or in
several processes at once, changes nothing; events written later around the recorder (by a
process of the version before, still running) are not chained after the fact but reported by
verify as `added`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg import Cursor
from psycopg.rows import DictRow, tuple_row
from psycopg.sql import SQL, Composed, Identifier

from copro.audit.chain import GENESIS, LOG_TAG, STREAM_TAG, log_hash, stream_hash

log = logging.getLogger("copro.audit")

HASHES_TABLE = "event_hashes"
UPGRADE_BATCH = 5000

# (position, stream id, version, topic, state): an event to chain.
Event = tuple[int, UUID, int, str, bytes]
# (position, stream id, version, stream hash, log hash): its hash row.
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


def continued(stored_events: Sequence[StoredEvent]) -> dict[UUID, int]:
    """The version each stream's first event here chains to (streams created here need none)."""
    before: dict[UUID, int] = {}
    for s in stored_events:
        before.setdefault(_uuid(s.originator_id), s.originator_version - 1)
    return {stream: version for stream, version in before.items() if version > 0}


def batches(events: Iterator[Event]) -> Iterator[list[Event]]:
    while batch := list(islice(events, UPGRADE_BATCH)):
        yield batch


def _upgrade(events: Iterator[Event], insert: Callable[[list[Row]], None]) -> None:
    last, total = GENESIS, 0
    heads: dict[UUID, bytes] = {}
    for batch in batches(events):
        rows = chained(batch, last, heads)
        insert(rows)
        last, total = rows[-1][4], total + len(rows)
    if total:
        log.info("chained %d events of a store from before hash chains", total)


# -- SQLite ---------------------------------------------------------------------------------

SQLITE_TABLES = [
    f"CREATE TABLE IF NOT EXISTS {HASHES_TABLE} (notification_id INTEGER PRIMARY KEY, "
    "originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, "
    "stream_hash BLOB NOT NULL, log_hash BLOB NOT NULL)",
    f"CREATE UNIQUE INDEX IF NOT EXISTS {HASHES_TABLE}_stream "
    f"ON {HASHES_TABLE} (originator_id, originator_version)",
]


class SQLiteChains:
    def record(self, c: Any, stored_events: Sequence[StoredEvent], ids: Sequence[int]) -> None:
        """Chains events just inserted (in the events' transaction, the write lock held)."""
        last, heads = self.look_up(c, continued(stored_events))
        self.insert_rows(c, chained(to_chain(stored_events, ids), last, heads))

    def look_up(self, c: Any, wanted: dict[UUID, int]) -> tuple[bytes, dict[UUID, bytes]]:
        """The log's last hash, and the stream hashes of these (stream, version)s."""
        c.execute(f"SELECT log_hash FROM {HASHES_TABLE} ORDER BY notification_id DESC LIMIT 1")
        last = c.fetchone()
        heads = {}
        for stream, version in wanted.items():
            c.execute(
                f"SELECT stream_hash FROM {HASHES_TABLE} "
                "WHERE originator_id=? AND originator_version=?",
                (stream.hex, version),
            )
            found = c.fetchone()
            if found is not None:
                heads[stream] = found[0]
        return (last[0] if last else GENESIS), heads

    def insert_rows(self, c: Any, rows: list[Row]) -> None:
        c.executemany(
            f"INSERT INTO {HASHES_TABLE} VALUES (?,?,?,?,?)",
            [(p, s.hex, v, h, lh) for p, s, v, h, lh in rows],
        )

    def upgrade(self, c: Any, events_table: str) -> None:
        """Chains a store written before chains, in a transaction that starts by writing (so
        it holds the write lock before it reads anything)."""
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
        _upgrade(events, lambda rows: self.insert_rows(c, rows))
        read.close()


# -- PostgreSQL -----------------------------------------------------------------------------


# The two hashes of `copro.audit.chain` as PostgreSQL computes them (same bytes, same order),
# for the INSERT that chains a single event in the statement that inserts it.
_ZERO = "decode(repeat('00', 32), 'hex')"
STREAM_HASH_SQL = (
    f"sha256(decode('{STREAM_TAG.hex()}', 'hex') || {{previous}} || uuid_send({{id}}) || "
    "int8send({version}) || int4send(octet_length(convert_to({topic}, 'UTF8'))) || "
    "convert_to({topic}, 'UTF8') || {state})"
)
LOG_HASH_SQL = (
    f"sha256(decode('{LOG_TAG.hex()}', 'hex') || {{previous}} || int8send({{position}}) || "
    "{stream})"
)


class PostgresChains:
    """The statements of one store's hash rows: its schema, its events table.

    A command's one event (the common case) is inserted and chained by one statement
    (`insert_one`): PostgreSQL reads what it chains to, hashes it and writes its hash row, in
    the round trip that inserts it. Several events at once are inserted by the library's
    statement, which also returns what each chains to (`returning`); their hash rows are
    computed here and go with the COMMIT (`rows_statement`)."""

    def __init__(self, schema: str, events_table: str) -> None:
        table = Identifier(schema, HASHES_TABLE)
        self.table = table
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
        # Added to what the library's INSERT of events (its rows named `t`) returns: the log's
        # last hash (read once, under the lock) and the hash of each event's version before.
        self.returning = SQL(
            ", (SELECT log_hash FROM {0} ORDER BY notification_id DESC LIMIT 1) AS chained_log"
            ", (SELECT stream_hash FROM {0} WHERE originator_id = t.originator_id "
            "AND originator_version = t.originator_version - 1) AS chained_stream"
        ).format(table)
        # The subqueries read the hash rows as they were before this statement: the stream's
        # previous event's and the log's last, under the lock the library took before it.
        stream = STREAM_HASH_SQL.format(
            previous="before.stream",
            id="%(id)s",
            version="%(version)s::bigint",
            topic="%(topic)s::text",
            state="%(state)s",
        )
        logged = LOG_HASH_SQL.format(
            previous="hashed.log", position="hashed.notification_id", stream="hashed.stream"
        )
        self.insert_one = SQL(
            "WITH event AS (INSERT INTO {events} (originator_id, originator_version, topic, "
            "state) VALUES (%(id)s, %(version)s::bigint, %(topic)s::text, %(state)s) "
            "RETURNING notification_id), "
            "before AS (SELECT coalesce((SELECT stream_hash FROM {hashes} "
            "WHERE originator_id = %(id)s AND originator_version = %(version)s::bigint - 1), "
            f"{_ZERO}) AS stream, "
            "coalesce((SELECT log_hash FROM {hashes} ORDER BY notification_id DESC LIMIT 1), "
            f"{_ZERO}) AS log), "
            f"hashed AS MATERIALIZED (SELECT notification_id, {stream} AS stream, before.log "
            "FROM event, before) "
            "INSERT INTO {hashes} SELECT notification_id, %(id)s, %(version)s::bigint, stream, "
            f"{logged} FROM hashed RETURNING notification_id"
        ).format(events=self.events, hashes=table)
        # In binary: arrays of uuids and bytes would cost twice as much to adapt.
        self.insert = SQL("INSERT INTO {} VALUES (%b, %b, %b, %b, %b)").format(table)
        self.any_hash = SQL("SELECT 1 FROM {} LIMIT 1").format(table)
        self.lock = SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(self.events)
        self._rows_prefix: bytes | None = None

    @staticmethod
    def one(stored: StoredEvent) -> dict[str, Any]:
        """The parameters of `insert_one` for this event."""
        return {
            "id": _uuid(stored.originator_id),
            "version": stored.originator_version,
            "topic": stored.topic,
            "state": stored.state,
        }

    def rows_statement(
        self, curs: Cursor[Any], stored_events: Sequence[StoredEvent], returned: list[DictRow]
    ) -> bytes:
        """The INSERT of the hash rows of events just inserted together, from what their INSERT
        returned, its values written out: sent with the COMMIT as one simple query, it costs
        no round trip. Every value is a number, a UUID or hexadecimal digits of ours."""
        last = returned[0]["chained_log"]
        heads: dict[UUID, bytes] = {}
        for s, row in zip(stored_events, returned, strict=True):
            # A stream's later events here chain to its first one's, not yet written.
            if row["chained_stream"] is not None:
                heads.setdefault(_uuid(s.originator_id), bytes(row["chained_stream"]))
        events = to_chain(stored_events, [row["notification_id"] for row in returned])
        rows = chained(events, GENESIS if last is None else bytes(last), heads)
        if self._rows_prefix is None:
            self._rows_prefix = SQL("INSERT INTO {} VALUES ").format(self.table).as_bytes(curs)
        values = ", ".join(
            f"({int(position)}, '{stream}', {int(version)}, "
            f"decode('{of_stream.hex()}', 'hex'), decode('{logged.hex()}', 'hex'))"
            for position, stream, version, of_stream, logged in rows
        )
        return self._rows_prefix + values.encode()

    def insert_rows(self, c: Cursor[Any], rows: list[Row]) -> None:
        c.executemany(self.insert, rows)

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
