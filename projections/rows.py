"""What handlers write through: rows by primary key, kept in memory for a batch and written in a
few statements at its end.

One SQL statement per event is what made projecting slow (a round trip plus building the
statement, for every event and every projection). Handlers instead read and write whole rows by
primary key; `Rows` keeps what they wrote, answers their reads from it, and at the end of the
batch writes every table in a handful of statements: the deletes, the new rows (one COPY on
PostgreSQL, so a row applied twice still breaks its primary key), and the changed rows (one
multi-row upsert). Reading a row it does not hold costs one SELECT, once: rows read are kept
from batch to batch while the projection moves on uninterrupted (see `rounds.py`), up to
`LIMIT` values; a table that began empty knows its keys, so an absent one costs no query.

Queries by anything other than the primary key go through `execute`, which writes what is pending
first, and forgets what it held of a table it changes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from psycopg.types.json import Json
from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Table,
    and_,
    bindparam,
    delete,
    insert,
    select,
)
from sqlalchemy.sql.dml import UpdateBase

from projections.state import REBUILD_SCHEMA

Key = tuple[Any, ...]
_MISSING: Any = object()
Row = dict[str, Any]

# Values (rows × columns) kept between batches, all tables of a projection together: room for
# the equipment, buildings and open sources of a few hundred condos (their status rows are
# touched all the time: letting them go would cost a query each), and still only a few tens
# of MB. Counted in values, so that narrow rows (an aggregate's condo) are kept by the
# tens of thousands and wide ones by the thousand.
LIMIT = 120_000
# Keys known per table, beyond which a table's absent keys are asked of the database again.
KNOWN_LIMIT = 100_000
# New rows from which a table's are sent by COPY (PostgreSQL): faster per row, but two round
# trips where an INSERT of arrays takes one, and a live batch has a row or two per table
# (bench.freshness waits for the projector's round after each command).
COPY_FROM = 64


@dataclass
class _Table:
    """What `Rows` knows of one table."""

    table: Table
    # The rows as the database holds them (None: known absent).
    clean: dict[Key, Row | None] = field(default_factory=dict)
    # The rows as the batch left them (None: deleted), not written yet.
    dirty: dict[Key, Row | None] = field(default_factory=dict)
    # Rows of `dirty` the database does not have: inserted, not upserted.
    new: set[Key] = field(default_factory=set)
    # Every key the table holds or held, if known (it was empty when this began): a key
    # outside it is absent without asking the database, even once its row was let go.
    known: set[Key] | None = None
    # Some handler reads this table by key: worth keeping between batches.
    read: bool = False


class Rows:
    """The rows of one projection's tables, as a batch of handlers sees and changes them."""

    def __init__(self, tables: list[Table], *, shadow: bool = False) -> None:
        self._order = tables  # dependencies first (MetaData.sorted_tables)
        # The shadow tables of a rebuild (same names, in REBUILD_SCHEMA), not the live ones.
        self.shadow = shadow
        self._tables = {t: _Table(t) for t in tables}
        self._statements = {t: _Statements(t) for t in tables}
        self._tx: Connection | None = None
        # Work left for the end of the batch: {name: (run, what to do)}.
        self._deferred: dict[
            str, tuple[Callable[[Rows, dict[Any, Any]], None], dict[Any, Any]]
        ] = {}
        # The position the kept rows reflect; None: nothing kept.
        self.position: int | None = None

    # -- the batch ----------------------------------------------------------------------------

    def begin(self, tx: Connection, position: int) -> None:
        """Starts a batch at `position`; what was kept is dropped unless it reflects that very
        position. At position 0 the tables are empty (fresh, reset or rebuilt from nothing)."""
        if self.position != position:
            self.forget(complete=position == 0)
        self._deferred.clear()
        self._tx = tx

    def at_end(self, name: str, run: Callable[[Rows, dict[Any, Any]], None]) -> dict[Any, Any]:
        """A dict of work for the end of the batch (the same one for `name` all batch long):
        `run(rows, work)` does it once, before the rows are written. For work that needs a
        query, done once for many events instead of once for each."""
        if name not in self._deferred:
            self._deferred[name] = (run, {})
        return self._deferred[name][1]

    def finish(self) -> None:
        """Does the work left for the end of the batch, then writes everything."""
        self.settle()
        self.flush()

    def settle(self) -> None:
        """Does the work left for the end of the batch, which may read: then only writes are
        left, which `flush` sends."""
        while self._deferred:
            name = next(iter(self._deferred))
            run, work = self._deferred.pop(name)
            run(self, work)

    def copies(self) -> bool:
        """Whether writing what is pending takes a COPY (many new rows in one table)."""
        return any(len(t.new) >= COPY_FROM for t in self._tables.values())

    def commit(self, position: int) -> None:
        """Called once the batch is written and committed."""
        self._tx = None
        self.position = position

    def forget(self, complete: bool = False) -> None:
        """Drops everything kept (after a failed batch, or when the tables changed elsewhere)."""
        for t in self._tables.values():
            t.clean.clear()
            t.dirty.clear()
            t.new.clear()
            t.known = set() if complete else None
        self._deferred.clear()
        self.position = None

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """The batch's transaction, writing to the shadow tables while inside if this is a
        rebuild's (the live and shadow tables of several projections share one transaction)."""
        if self._tx is None:
            raise RuntimeError("rows used outside a batch")
        if not self.shadow:
            yield self._tx
            return
        with shadow(self._tx) as tx:
            yield tx

    # -- reading and writing by primary key ---------------------------------------------------

    def get(self, table: Table, *key: Any) -> Row | None:
        """The row with this primary key as the batch sees it, or None. A copy: change it
        through `put` or `update`."""
        t = self._tables[table]
        t.read = True
        row = t.dirty.get(key, _MISSING)
        if row is _MISSING:
            row = t.clean.get(key, _MISSING)
        if row is _MISSING:
            if t.known is not None and key not in t.known:
                return None
            with self.connection() as tx:
                found = tx.execute(self._statements[table].by_key, _key_params(table, key))
                mapping = found.mappings().first()
            row = None if mapping is None else _aware(table, dict(mapping))
            t.clean[key] = row
        return None if row is None else row.copy()  # type: ignore[union-attr]

    def insert(self, table: Table, values: Row) -> None:
        """A new row; one already there (applied twice) breaks the primary key when written."""
        t = self._tables[table]
        row = _full(table, values)
        key = _key(table, row)
        if key in t.dirty:
            if t.dirty[key] is not None:
                raise DuplicateRow(f"{table.name}: {key} inserted twice")
        else:
            t.new.add(key)
        t.dirty[key] = row

    def put(self, table: Table, values: Row) -> None:
        """A whole row, inserted or replacing the one with its primary key (no read needed)."""
        row = _full(table, values)
        # A row inserted in this batch stays new: the database still does not have it.
        self._tables[table].dirty[_key(table, row)] = row

    def update(self, table: Table, *key: Any, **values: Any) -> None:
        """Changes some columns of a row (not its primary key); nothing if there is none."""
        current = self.get(table, *key)
        if current is not None:
            current.update(values)
            self._tables[table].dirty[key] = current

    def delete(self, table: Table, *key: Any) -> None:
        t = self._tables[table]
        if key in t.new:
            t.new.discard(key)
            del t.dirty[key]
            return
        t.dirty[key] = None

    # -- anything else ------------------------------------------------------------------------

    def execute(self, statement: Any, params: Any = None) -> Any:
        """Runs a statement after writing what is pending; one changing a table makes the rows
        kept of it unknown again."""
        self.flush()
        with self.connection() as tx:
            result = tx.execute(statement, params)
        if isinstance(statement, UpdateBase):
            changed = statement.table
            t = self._tables.get(changed) if isinstance(changed, Table) else None
            if t is not None:
                t.clean.clear()
                t.known = None
        return result

    def flush(self) -> None:
        """Writes what the batch changed: deletes, new rows, changed rows; a few statements."""
        with self.connection() as tx:
            self._write(tx)
        self._keep()

    def _write(self, tx: Connection) -> None:
        for table in reversed(self._order):
            t = self._tables[table]
            gone = [
                k
                for k, row in t.dirty.items()
                if row is None and t.clean.get(k, _MISSING) is not None  # not known absent
            ]
            if gone:
                self._statements[table].delete(tx, gone)
        for table in self._order:
            t = self._tables[table]
            if not t.dirty:
                continue
            statements = self._statements[table]
            new = [row for k, row in t.dirty.items() if k in t.new and row is not None]
            if new:
                statements.insert(tx, new, upsert=False)
            changed = [row for k, row in t.dirty.items() if k not in t.new and row is not None]
            if changed:
                statements.insert(tx, changed, upsert=True)

    def _keep(self) -> None:
        """What was written is now what the database holds; rows of tables never read are let
        go, and the least recently written of the others beyond `LIMIT`."""
        kept = 0
        for t in self._tables.values():
            if t.read:
                if t.known is not None:
                    t.known.update(t.dirty)
                    if len(t.known) > KNOWN_LIMIT:
                        t.known = None
                for key, row in t.dirty.items():
                    t.clean.pop(key, None)  # to the end: the most recently written
                    t.clean[key] = row
                kept += len(t.clean) * len(t.table.columns)
            else:
                t.clean.clear()
                t.known = None
            t.dirty.clear()
            t.new.clear()
        while kept > LIMIT:
            largest = max(self._tables.values(), key=lambda t: len(t.clean) * len(t.table.columns))
            oldest = list(itertools.islice(largest.clean, len(largest.clean) // 2 + 1))
            for key in oldest:
                del largest.clean[key]
            kept -= len(oldest) * len(largest.table.columns)


class DuplicateRow(Exception):
    """A handler inserted a row that is already there: an event applied twice."""


class _Statements:
    """Each table's statements, built once. On PostgreSQL many rows go in one statement, a column
    per array (`unnest`): psycopg's executemany would still send a statement per row."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.keys = list(table.primary_key.columns)
        self.by_key = select(table).where(and_(*(c == bindparam(f"k_{c.name}") for c in self.keys)))
        self._delete = delete(table).where(
            and_(*(c == bindparam(f"k_{c.name}") for c in self.keys))
        )
        self._insert = insert(table)
        self.copy_types = [_copy_type(c) for c in table.columns]
        self._sql: dict[tuple[str | None, str], str] = {}

    def delete(self, tx: Connection, keys: list[Key]) -> None:
        if tx.dialect.name != "postgresql":
            tx.execute(self._delete, [_key_params(self.table, k) for k in keys])
            return
        names = ", ".join(f'"{c.name}"' for c in self.keys)
        sql = self._postgres(
            tx,
            "delete",
            lambda name: (
                f"DELETE FROM {name} WHERE ({names}) IN "
                f"(SELECT * FROM unnest({_arrays(self.keys)}))"
            ),
        )
        columns = [list(values) for values in zip(*keys, strict=True)]
        tx.connection.driver_connection.execute(sql, columns)  # type: ignore[union-attr]

    def insert(self, tx: Connection, rows: list[Row], *, upsert: bool) -> None:
        if tx.dialect.name != "postgresql":
            tx.execute(self._sqlite_upsert() if upsert else self._insert, rows)
            return
        columns = list(self.table.columns)
        names = ", ".join(f'"{c.name}"' for c in columns)
        if not upsert and len(rows) >= COPY_FROM:
            # Many new rows: COPY, about twice as fast as an INSERT of arrays; a row already
            # there still breaks the primary key.
            sql = self._postgres(
                tx, "copy", lambda name: f"COPY {name} ({names}) FROM STDIN (FORMAT BINARY)"
            )
            json = [c.name for c in columns if isinstance(c.type, JSON)]
            cursor = tx.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(sql) as copy:
                copy.set_types(self.copy_types)
                for row in rows:
                    if json:
                        row = row | {k: None if row[k] is None else Json(row[k]) for k in json}
                    copy.write_row([row[c.name] for c in columns])
            return
        keys = ", ".join(f'"{c.name}"' for c in self.keys)
        changes = ", ".join(
            f'"{c.name}" = EXCLUDED."{c.name}"' for c in columns if not c.primary_key
        )
        if not upsert:
            on_conflict = ""  # a row already there breaks the primary key, as with COPY
        elif changes:
            on_conflict = f"ON CONFLICT ({keys}) DO UPDATE SET {changes}"
        else:
            on_conflict = "ON CONFLICT DO NOTHING"
        sql = self._postgres(
            tx,
            "upsert" if upsert else "insert",
            lambda name: (
                f"INSERT INTO {name} ({names}) "
                f"SELECT * FROM unnest({_arrays(columns)}) {on_conflict}"
            ),
        )
        values = [_column_values(c, rows) for c in columns]
        tx.connection.driver_connection.execute(sql, values)  # type: ignore[union-attr]

    def _postgres(self, tx: Connection, kind: str, build: Any) -> str:
        schema = (tx.get_execution_options().get("schema_translate_map") or {}).get(None)
        if (schema, kind) not in self._sql:
            name = f'"{self.table.name}"' if schema is None else f'"{schema}"."{self.table.name}"'
            self._sql[schema, kind] = build(name)
        return self._sql[schema, kind]

    def _sqlite_upsert(self) -> Any:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(self.table)
        changes = {c.name: statement.excluded[c.name] for c in self.table.columns}
        for c in self.keys:
            del changes[c.name]
        keys = [c.name for c in self.keys]
        if changes:
            return statement.on_conflict_do_update(index_elements=keys, set_=changes)
        return statement.on_conflict_do_nothing(index_elements=keys)


def pipelined(tx: Connection) -> AbstractContextManager[Any]:
    """On PostgreSQL, the statements sent meanwhile go together and are answered together, in
    one round trip (psycopg's pipeline mode: no COPY in it, and no statement whose result is
    read, which SQLAlchemy would find empty). An error is raised when the block ends, the
    transaction then aborted as it was before."""
    if tx.dialect.name != "postgresql":
        return nullcontext()
    return tx.connection.driver_connection.pipeline()  # type: ignore[union-attr]


def _arrays(columns: list[Column[Any]]) -> str:
    """`%s::uuid[], %s::text[], …`: one array parameter per column, typed as the column."""
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    # Binary parameters: text arrays would be escaped element by element with regular expressions.
    return ", ".join(f"%b::{c.type.compile(dialect=dialect)}[]" for c in columns)


def _copy_type(column: Column[Any]) -> str:
    """The PostgreSQL type COPY sends a column's values as (the base type: `varchar`, not
    `varchar(20)`)."""
    from sqlalchemy.dialects import postgresql

    compiled = column.type.compile(dialect=postgresql.dialect())  # type: ignore[no-untyped-call]
    base = compiled.split("(")[0].strip().lower()
    return {
        "timestamp with time zone": "timestamptz",
        "timestamp without time zone": "timestamp",
    }.get(base, base)


def _column_values(column: Column[Any], rows: list[Row]) -> list[Any]:
    values = [row[column.name] for row in rows]
    if isinstance(column.type, JSON):
        return [None if v is None else Json(v) for v in values]
    return values


@contextmanager
def shadow(tx: Connection) -> Iterator[Connection]:
    """The same transaction, writing to the shadow tables of a rebuild while inside."""
    # Connection.execution_options changes the connection itself: put it back after. The
    # engine's own map (if any) is kept: SQLAlchemy refuses maps whose keys differ.
    before = tx.get_execution_options().get("schema_translate_map")
    tx.execution_options(schema_translate_map={**(before or {}), None: REBUILD_SCHEMA})
    try:
        yield tx
    finally:
        tx.execution_options(schema_translate_map=before)


def _key(table: Table, row: Row) -> Key:
    key_of: Callable[[Row], Key] | None = table.info.get("copro_key_of")
    if key_of is None:
        # Iterating SQLAlchemy's column collections is slow, and this runs for every row.
        names = [c.name for c in table.primary_key.columns]
        if len(names) == 1:
            name = names[0]
            key_of = table.info["copro_key_of"] = lambda row: (row[name],)
        else:
            key_of = table.info["copro_key_of"] = itemgetter(*names)
    return key_of(row)


def _key_params(table: Table, key: Key) -> dict[str, Any]:
    return {f"k_{c.name}": v for c, v in zip(table.primary_key.columns, key, strict=True)}


def _full(table: Table, values: Row) -> Row:
    """Every column of the table, missing ones at their scalar default (else None), so that a
    row read back from memory looks like one read from the database. Unknown columns fail."""
    blank: Row | None = table.info.get("copro_blank_row")
    if blank is None:
        blank = table.info["copro_blank_row"] = {
            c.name: c.default.arg if c.default is not None and c.default.is_scalar else None  # type: ignore[attr-defined]
            for c in table.columns
        }
    if values.keys() == blank.keys():
        return dict(values)
    if not values.keys() <= blank.keys():
        raise KeyError(f"{table.name} has no column {sorted(values.keys() - blank.keys())}")
    return blank | values


def _aware(table: Table, row: Row) -> Row:
    """SQLite gives back naive UTC datetimes: make them aware, as written."""
    for column in table.columns:
        value = row.get(column.name)
        if (
            isinstance(value, datetime)
            and value.tzinfo is None
            and isinstance(column.type, DateTime)
        ):
            row[column.name] = value.replace(tzinfo=UTC)
    return row
