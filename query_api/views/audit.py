"""The event history as auditors read it, from the audit index: a condo's events filtered and
paged, exported as JSON Lines, an aggregate's history, and an aggregate as it was then.

Each exported line also carries, under `chain`, the event's hashes and what they are computed
from (`copro.audit.exported` verifies a file with them).

An aggregate's past state is folded from the data its events carry, in order: each event's
fields overwrite the ones before, and a `changes` mapping (how corrections and edits record
what they replace) is applied field by field. The state is therefore the fields last set, the
way the events tell it, without the aggregate's own code: what an event implies but does not
carry (a voiding sets no `voided` field, only its `reason`) shows in the events answered with
the state, not in the fold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic_core import to_json
from sqlalchemy import Connection, Engine, Select, Table, and_, func, or_, select

from copro.audit.chain import GENESIS
from copro.audit.tables import STORED_EVENTS, event_hashes
from projections.audit_index import events
from projections.status_rules import utc
from query_api.answers.audit import AggregateState, AuditEvent
from query_api.answers.common import Page


@dataclass(frozen=True)
class AuditFilter:
    """Which events: of these types (`Recorded`, or `Expense.Recorded`; any when empty), of one
    aggregate, by one actor, recorded at `since` or later and before `until`."""

    types: list[str] = field(default_factory=list)
    aggregate_id: UUID | None = None
    actor_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def where(self, copro_id: UUID) -> list[Any]:
        where = [events.c.copro_id == copro_id]
        if self.types:
            where.append(_of_types(self.types))
        if self.aggregate_id is not None:
            where.append(events.c.aggregate_id == self.aggregate_id)
        if self.actor_id is not None:
            where.append(events.c.actor_id == self.actor_id)
        if self.since is not None:
            where.append(events.c.recorded_at >= utc(self.since))
        if self.until is not None:
            where.append(events.c.recorded_at < utc(self.until))
        return where


def list_events(
    conn: Connection, copro_id: UUID, chosen: AuditFilter, limit: int, offset: int
) -> Page[AuditEvent]:
    """A page of the condo's events, in the order of the log."""
    where = chosen.where(copro_id)
    total = conn.execute(select(func.count()).select_from(events).where(*where)).scalar_one()
    rows = conn.execute(
        select(events).where(*where).order_by(events.c.position).limit(limit).offset(offset)
    ).mappings()
    return {"items": [described(r) for r in rows], "total": total}


def export_lines(
    engine: Engine, copro_id: UUID, chosen: AuditFilter, chunk: int = 500
) -> Iterator[str]:
    """The condo's events as JSON Lines with their hashes, in the order of the log, read a chunk
    at a time up to the position reached when the export began (events indexed meanwhile are
    left out)."""
    where = chosen.where(copro_id)
    with engine.connect() as conn:
        last = conn.execute(select(func.max(events.c.position)).where(*where)).scalar_one()
    after = 0
    while last is not None and after < last:
        with engine.connect() as conn:
            rows = list(
                conn.execute(
                    with_chain(STORED_EVENTS[engine.dialect.name])
                    .where(*where, events.c.position > after, events.c.position <= last)
                    .order_by(events.c.position)
                    .limit(chunk)
                ).mappings()
            )
        if not rows:
            return
        for r in rows:
            yield to_json(described(r) | {"chain": chain_of(r)}).decode() + "\n"
        after = rows[-1]["position"]


def with_chain(stored_events: Table) -> Select[Any]:
    """The index's events beside the stored event and its hash rows (its own, and the version
    before's), found by stream and version: where the index says it is, not trusted blindly."""
    hashes, before = event_hashes.alias("hashes"), event_hashes.alias("before")
    return select(
        events,
        stored_events.c.topic,
        stored_events.c.state,
        hashes.c.notification_id.label("chained_at"),
        hashes.c.stream_hash,
        hashes.c.log_hash,
        before.c.stream_hash.label("previous_stream_hash"),
    ).select_from(
        events.outerjoin(stored_events, _of_event(stored_events, events.c.aggregate_version))
        .outerjoin(hashes, _of_event(hashes, events.c.aggregate_version))
        .outerjoin(before, _of_event(before, events.c.aggregate_version - 1))
    )


def _of_event(table: Any, version: Any) -> Any:
    return and_(
        table.c.originator_id == events.c.aggregate_id, table.c.originator_version == version
    )


def chain_of(r: Any) -> dict[str, Any]:
    """What the line's stream hash is computed from, and the hashes (None where the store no
    longer holds them)."""
    previous = r["previous_stream_hash"]
    if previous is None and r["aggregate_version"] == 1:
        previous = GENESIS
    return {
        "position": r["chained_at"],
        "topic": r["topic"],
        "state": None if r["state"] is None else bytes(r["state"]).decode(),
        "previous_stream_hash": _hex(previous),
        "stream_hash": _hex(r["stream_hash"]),
        "log_hash": _hex(r["log_hash"]),
    }


def _hex(value: bytes | None) -> str | None:
    return None if value is None else bytes(value).hex()


def home_of(conn: Connection, aggregate_id: UUID) -> tuple[bool, UUID | None]:
    """Whether the aggregate is known, and the one condo all its events belong to (None for
    what belongs to no single condo: an account holding roles, a platform name)."""
    homes = (
        conn.execute(
            select(events.c.copro_id).where(events.c.aggregate_id == aggregate_id).distinct()
        )
        .scalars()
        .all()
    )
    if len(homes) == 1:
        return True, homes[0]
    return bool(homes), None


def history(conn: Connection, aggregate_id: UUID) -> list[AuditEvent]:
    """Every event of the aggregate, oldest first."""
    rows = conn.execute(
        select(events)
        .where(events.c.aggregate_id == aggregate_id)
        .order_by(events.c.aggregate_version)
    ).mappings()
    return [described(r) for r in rows]


def state_then(
    conn: Connection, aggregate_id: UUID, version: int | None, at: datetime | None
) -> AggregateState | None:
    """The aggregate at that version, or as it was at that instant (its latest state when
    neither is given), with the events folded into it; None if it did not exist then."""
    where = [events.c.aggregate_id == aggregate_id]
    if version is not None:
        where.append(events.c.aggregate_version <= version)
    if at is not None:
        where.append(events.c.recorded_at <= utc(at))
    rows = list(
        conn.execute(select(events).where(*where).order_by(events.c.aggregate_version)).mappings()
    )
    latest = conn.execute(
        select(func.max(events.c.aggregate_version)).where(events.c.aggregate_id == aggregate_id)
    ).scalar_one()
    if not rows or (version is not None and rows[-1]["aggregate_version"] != version):
        return None
    told = [described(r) for r in rows]
    last = told[-1]
    return {
        "aggregate_id": aggregate_id,
        "aggregate_type": last["aggregate_type"],
        "version": last["aggregate_version"],
        "latest_version": latest,
        "recorded_at": last["recorded_at"],
        "last_event_type": last["event_type"],
        "state": fold(e["data"] for e in told),
        "events": told,
    }


def fold(datas: Any) -> dict[str, Any]:
    """The fields last set by a run of events' data, `changes` applied field by field."""
    state: dict[str, Any] = {}
    for data in datas:
        for name, value in data.items():
            if name == "changes" and isinstance(value, dict):
                state.update(value)
            else:
                state[name] = value
    return state


def described(r: Any) -> AuditEvent:
    return {
        "position": r["position"],
        "recorded_at": utc(r["recorded_at"]),
        "copro_id": r["copro_id"],
        "aggregate_id": r["aggregate_id"],
        "aggregate_type": r["aggregate_type"],
        "aggregate_version": r["aggregate_version"],
        "event_type": r["event_type"],
        "actor_id": r["actor_id"],
        "request_id": r["request_id"],
        "data": json.loads(r["data"]),
    }


def _of_types(types: list[str]) -> Any:
    qualified = [t.split(".", 1) for t in types if "." in t]
    bare = [t for t in types if "." not in t]
    return or_(
        events.c.event_type.in_(bare),
        *(and_(events.c.aggregate_type == a, events.c.event_type == e) for a, e in qualified),
    )
