"""Where each projection stands in the event log, written in the same transaction as its rows,
and the signal that tells the query API when that changes.

Whatever moves a projection's live tables (a batch, a swap, a reset) or changes its state (failed,
paused, running again) goes through `telling`, which signals the new standings once the
transaction commits: on PostgreSQL a NOTIFY on `copro_projections` sent inside the transaction
(PostgreSQL delivers it at commit, never before), on SQLite a call to the hooks this process
registered for that database (there the projector and the query API share the process).

The payload is a JSON object by projection name: a bare position for a projection that moved
while running (every batch), `{"position": …, "state": …}` when its state is told too.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
)

log = logging.getLogger("copro.projector")

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


CHANNEL = "copro_projections"


@dataclass(frozen=True)
class Standing:
    """Where a projection's live tables stand: the last position they reflect, and whether the
    projector runs them (`running`, `paused`, `failed`)."""

    position: int
    state: str = "running"


Hook = Callable[[dict[str, Standing]], None]

_hooks: dict[str, list[Hook]] = {}
_hooks_lock = threading.Lock()


def on_standings(engine: Engine, hook: Hook) -> None:
    """Calls `hook` (on the projector's thread) with what each commit of this process's
    projectors changes, on SQLite; on PostgreSQL, LISTEN on `CHANNEL` instead."""
    with _hooks_lock:
        _hooks.setdefault(_database(engine), []).append(hook)


def off_standings(engine: Engine, hook: Hook) -> None:
    with _hooks_lock:
        hooks = _hooks.get(_database(engine), [])
        if hook in hooks:
            hooks.remove(hook)


@dataclass
class Telling:
    """A transaction of the projector, and what it changes of where projections stand."""

    tx: Connection
    standings: dict[str, Standing] = field(default_factory=dict)
    # What a NOTIFY already sent in this transaction carries.
    notified: dict[str, Standing] = field(default_factory=dict)

    def told(self, name: str, standing: Standing) -> None:
        self.standings[name] = standing

    def notify_now(self) -> None:
        """On PostgreSQL, sends the NOTIFY now rather than as the block ends, through the
        driver: in a pipeline it costs no round trip of its own. Still delivered only at
        commit."""
        if self.standings and self.standings != self.notified and _notifies(self.tx):
            self.tx.connection.driver_connection.execute(  # type: ignore[union-attr]
                "SELECT pg_notify(%s, %s)", (CHANNEL, payload(self.standings))
            )
            self.notified = dict(self.standings)


@contextmanager
def telling(engine: Engine) -> Iterator[Telling]:
    """A transaction whose changes to where projections stand reach the query API when, and
    only if, it commits."""
    with engine.begin() as tx:
        change = Telling(tx)
        yield change
        if change.standings != change.notified and _notifies(tx):
            tx.execute(select(func.pg_notify(CHANNEL, payload(change.standings))))
    if change.standings and engine.dialect.name != "postgresql":
        with _hooks_lock:
            hooks = list(_hooks.get(_database(engine), ()))
        for hook in hooks:
            try:
                hook(dict(change.standings))
            except Exception:
                # A reader's bookkeeping must never stop the projector.
                log.exception("a hook on the projections' standings failed")


def _notifies(tx: Connection) -> bool:
    return tx.dialect.name == "postgresql"


def payload(standings: dict[str, Standing]) -> str:
    return json.dumps(
        {
            name: s.position if s.state == "running" else {"position": s.position, "state": s.state}
            for name, s in standings.items()
        },
        separators=(",", ":"),
    )


def standings_of(payload: str) -> dict[str, Standing]:
    """The standings a NOTIFY payload tells."""
    told = json.loads(payload)
    return {
        name: Standing(int(value))
        if isinstance(value, int)
        else Standing(int(value["position"]), str(value["state"]))
        for name, value in told.items()
    }


def _database(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
