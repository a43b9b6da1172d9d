"""Where a command's hashes could be written, measured as raw one-event transactions written as
the library writes them (`LOCK TABLE … IN EXCLUSIVE MODE`, `INSERT … RETURNING`, a `NOTIFY`),
each way beside the plain insert in the same run, in blocks taken in turn:

- cte: today's layout, the recorder's own statement (`copro.audit.recording.PostgresChains.
  insert_one`): one INSERT of the event whose CTE reads what it chains to, hashes it and writes
  a row of a table of their own;
- rows: that table as it was written before: the insert returns what the event chains to, the
  hashes are computed in Python and their row sent in a second statement;
- trigger: a PL/pgSQL `BEFORE INSERT` trigger hashes into two columns of the events table;
- statement: both hashes computed by `sha256()` inside the one INSERT, into those columns.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench \\
        .venv/bin/python -m bench.hash_layouts [--blocks 40] [--size 100]

Each way works in a schema of its own (`hash_layout_*`, dropped first). The trigger's and the
statement's hashes are checked against `copro.audit.chain`'s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable

import psycopg

from bench.commands import machine
from copro.audit.chain import GENESIS, log_hash, stream_hash
from copro.audit.recording import LOG_HASH_SQL, STREAM_HASH_SQL, PostgresChains

TOPIC = "domain.equipment:Equipment.StatusSet"
STATE = os.urandom(300)
ZERO = "'\\x" + "00" * 32 + "'::bytea"
# The recorder's own SQL of the two hashes, the first event of a stream or log chained to zero.
STREAM_SQL = STREAM_HASH_SQL.replace("{previous}", "coalesce({previous}, " + ZERO + ")")
LOG_SQL = LOG_HASH_SQL.replace("{previous}", "coalesce({previous}, " + ZERO + ")")


def events_table(conn: psycopg.Connection, schema: str, hashed: bool) -> None:
    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    conn.execute(f"CREATE SCHEMA {schema}")
    columns = ", stream_hash bytea, log_hash bytea" if hashed else ""
    conn.execute(
        f"CREATE TABLE {schema}.events (originator_id uuid NOT NULL, "
        "originator_version bigint NOT NULL, topic text NOT NULL, state bytea NOT NULL, "
        f"notification_id bigserial{columns}, PRIMARY KEY (originator_id, originator_version))"
    )
    conn.execute(f"CREATE UNIQUE INDEX ON {schema}.events (notification_id)")


def setup(conn: psycopg.Connection) -> None:
    events_table(conn, "hash_layout_plain", hashed=False)
    events_table(conn, "hash_layout_rows", hashed=False)
    conn.execute(
        "CREATE TABLE hash_layout_rows.event_hashes (notification_id bigint PRIMARY KEY, "
        "originator_id uuid NOT NULL, originator_version bigint NOT NULL, "
        "stream_hash bytea NOT NULL, log_hash bytea NOT NULL)"
    )
    conn.execute(
        "CREATE UNIQUE INDEX ON hash_layout_rows.event_hashes (originator_id, originator_version)"
    )
    events_table(conn, "hash_layout_cte", hashed=False)
    for statement in CTE.create_statements:
        conn.execute(statement)
    events_table(conn, "hash_layout_trigger", hashed=True)
    new = STREAM_SQL.format(
        previous="previous_stream",
        id="NEW.originator_id",
        version="NEW.originator_version",
        topic="NEW.topic",
        state="NEW.state",
    )
    logged = LOG_SQL.format(
        previous="previous_log", position="NEW.notification_id", stream="NEW.stream_hash"
    )
    conn.execute(
        "CREATE FUNCTION hash_layout_trigger.chain() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE previous_stream bytea; previous_log bytea; BEGIN "
        "SELECT e.stream_hash INTO previous_stream FROM hash_layout_trigger.events e "
        "WHERE e.originator_id = NEW.originator_id "
        "AND e.originator_version = NEW.originator_version - 1; "
        "SELECT e.log_hash INTO previous_log FROM hash_layout_trigger.events e "
        "ORDER BY e.notification_id DESC LIMIT 1; "
        f"NEW.stream_hash := {new}; NEW.log_hash := {logged}; RETURN NEW; END $$"
    )
    conn.execute(
        "CREATE TRIGGER chain BEFORE INSERT ON hash_layout_trigger.events "
        "FOR EACH ROW EXECUTE FUNCTION hash_layout_trigger.chain()"
    )
    events_table(conn, "hash_layout_statement", hashed=True)


CTE = PostgresChains("hash_layout_cte", "events")
PLAIN = (
    "INSERT INTO {}.events (originator_id, originator_version, topic, state) "
    "VALUES (%(id)s, %(version)s, %(topic)s, %(state)s) RETURNING notification_id"
)
ROWS = (
    "INSERT INTO hash_layout_rows.events AS t (originator_id, originator_version, topic, state) "
    "VALUES (%(id)s, %(version)s, %(topic)s, %(state)s) RETURNING notification_id, "
    "(SELECT log_hash FROM hash_layout_rows.event_hashes ORDER BY notification_id DESC LIMIT 1), "
    "(SELECT stream_hash FROM hash_layout_rows.event_hashes WHERE originator_id = t.originator_id "
    "AND originator_version = t.originator_version - 1)"
)
HASH_ROW = (
    "WITH notified AS (SELECT pg_notify('hash_layouts', '')) "
    "INSERT INTO hash_layout_rows.event_hashes SELECT v.* FROM (VALUES (%b, %b, %b, %b, %b)) "
    "AS v CROSS JOIN notified"
)
STATEMENT = (
    "WITH p AS (SELECT (SELECT stream_hash FROM hash_layout_statement.events "
    "WHERE originator_id = %(id)s AND originator_version = %(version)s - 1) AS s, "
    "(SELECT log_hash FROM hash_layout_statement.events ORDER BY notification_id DESC LIMIT 1) "
    "AS l, nextval('hash_layout_statement.events_notification_id_seq') AS n), "
    "h AS (SELECT n, l, "
    + STREAM_SQL.format(
        previous="s", id="%(id)s", version="%(version)s", topic="%(topic)s", state="%(state)s"
    )
    + " AS sh FROM p) "
    "INSERT INTO hash_layout_statement.events (originator_id, originator_version, topic, state, "
    "notification_id, stream_hash, log_hash) SELECT %(id)s, %(version)s, %(topic)s, %(state)s, "
    "n, sh, " + LOG_SQL.format(previous="l", position="n", stream="sh") + " FROM h "
    "RETURNING notification_id"
)


class Writer:
    """One way of writing: its connection, its stream, the version it is at."""

    def __init__(self, url: str, way: str) -> None:
        self.conn = psycopg.connect(url)
        self.way = way
        self.stream = uuid.uuid4()
        self.version = 0

    def transaction(self) -> None:
        self.version += 1
        values = {"id": self.stream, "version": self.version, "topic": TOPIC, "state": STATE}
        schema = f"hash_layout_{self.way}"
        with self.conn.transaction(), self.conn.cursor() as cur:
            with self.conn.pipeline():
                cur.execute(f"LOCK TABLE {schema}.events IN EXCLUSIVE MODE")
                if self.way == "cte":
                    cur.execute(CTE.insert_one, values)
                else:
                    statement = {"rows": ROWS, "statement": STATEMENT}.get(self.way, PLAIN)
                    cur.execute(statement.format(schema), values)
            row = cur.fetchone()
            assert row is not None
            if self.way != "rows":
                cur.execute("NOTIFY hash_layouts")
                return
            position, last_log, previous = row
            of_stream = stream_hash(
                bytes(previous) if previous else GENESIS,
                self.stream.bytes,
                self.version,
                TOPIC,
                STATE,
            )
            logged = log_hash(bytes(last_log) if last_log else GENESIS, position, of_stream)
            cur.execute(HASH_ROW, (position, self.stream, self.version, of_stream, logged))


def rate(transaction: Callable[[], None], size: int) -> float:
    began = time.perf_counter()
    for _ in range(size):
        transaction()
    return size / (time.perf_counter() - began)


def check(conn: psycopg.Connection, schema: str) -> bool:
    """Whether the hashes PostgreSQL wrote are the ones `copro.audit.chain` computes."""
    last, heads = GENESIS, {}
    rows = conn.execute(
        f"SELECT originator_id, originator_version, topic, state, notification_id, stream_hash, "
        f"log_hash FROM {schema}.events ORDER BY notification_id"
    )
    for stream, version, topic, state, position, of_stream, logged in rows:
        expected = stream_hash(heads.get(stream, GENESIS), stream.bytes, version, topic, state)
        last = log_hash(last, position, expected)
        heads[stream] = expected
        if (expected, last) != (bytes(of_stream), bytes(logged)):
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--blocks", type=int, default=40, help="of each way, taken in turn")
    parser.add_argument("--size", type=int, default=100, help="transactions per block")
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    with psycopg.connect(url, autocommit=True) as conn:
        setup(conn)
    writers = {way: Writer(url, way) for way in ("plain", "cte", "rows", "trigger", "statement")}
    for writer in writers.values():
        rate(writer.transaction, args.size)  # warm: plans prepared, pages cached
    rates: dict[str, list[float]] = {way: [] for way in writers}
    for block in range(args.blocks):
        ways = list(writers) if block % 2 == 0 else list(reversed(writers))
        for way in ways:
            rates[way].append(rate(writers[way].transaction, args.size))
    print(machine())
    print(f"{args.blocks} blocks of {args.size} one-event transactions per way, in turn")
    plain = rates["plain"]
    print(f"  plain insert: {statistics.median(plain):,.0f} transactions/s")
    with psycopg.connect(url, autocommit=True) as conn:
        for way in ("cte", "rows", "trigger", "statement"):
            ratios = [r / p for r, p in zip(rates[way], plain, strict=True)]
            same = (
                ""
                if way in ("cte", "rows")
                else f", hashes as Python's: {check(conn, f'hash_layout_{way}')}"
            )
            print(
                f"  {way:<9}: {statistics.median(rates[way]):,.0f} transactions/s, ratio to plain "
                f"{statistics.median(ratios):.3f} (from {min(ratios):.2f} to {max(ratios):.2f})"
                + same
            )
    for writer in writers.values():
        writer.conn.close()


if __name__ == "__main__":
    main()
