"""An index of every event for auditors: position, time, condo, aggregate, type, actor, data.

Events hold no personal data (people are referenced by id), so their data can be shown whole.
"""

from __future__ import annotations

import functools
import json
from typing import Any
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from projections.engine import Projection
from projections.rows import Rows

metadata = MetaData()

events = Table(
    "audit_events",
    metadata,
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("copro_id", Uuid, index=True),
    Column("aggregate_id", Uuid, nullable=False, index=True),
    Column("aggregate_type", String(40), nullable=False),
    Column("aggregate_version", BigInteger, nullable=False),
    Column("event_type", String(60), nullable=False),
    Column("actor_id", String(40), nullable=False, index=True),
    Column("request_id", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_audit_events_copro_type", "copro_id", "event_type"),
)

# The condo each aggregate belongs to, learnt from its first event naming one: later events
# (a status set, a rename) do not repeat it.
aggregates = Table(
    "audit_aggregates",
    metadata,
    Column("aggregate_id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False),
)

projection = Projection(
    name="audit_index", version=2, metadata=metadata, indexes_after_rebuild=True, cost=5
)

HIDDEN = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
    "actor",
    "request_id",
}


# One encoder for every event: `json.dumps` with options would build one each time.
_encode = json.JSONEncoder(default=str, ensure_ascii=False).encode


@functools.cache
def names_of(event_class: type) -> tuple[str, str]:
    """`Equipment.StatusSet` → ("Equipment", "StatusSet")."""
    aggregate_type, event_type = event_class.__qualname__.split(".", 1)
    return aggregate_type, event_type


def record(rows: Rows, e: Any, position: int) -> None:
    aggregate_type, event_type = names_of(e.__class__)
    copro_id = copro_of(rows, e, aggregate_type)
    # An insert: an event applied twice would break the primary key, not pass unseen.
    rows.insert(
        events,
        dict(
            position=position,
            recorded_at=e.timestamp,
            copro_id=copro_id,
            aggregate_id=e.originator_id,
            aggregate_type=aggregate_type,
            aggregate_version=e.originator_version,
            event_type=event_type,
            actor_id=e.actor,
            request_id=e.request_id,
            data=_encode({k: v for k, v in vars(e).items() if k not in HIDDEN}),
        ),
    )


def copro_of(rows: Rows, e: Any, aggregate_type: str) -> Any:
    if aggregate_type == "Condo":
        return e.originator_id
    scope = getattr(e, "scope", None)  # only a claim's first event names its scope
    if aggregate_type == "NameClaim" and scope is not None:
        if scope == "platform":
            return None
        rows.put(aggregates, {"aggregate_id": e.originator_id, "copro_id": UUID(scope)})
        return UUID(scope)
    named = getattr(e, "copro_id", None)
    if named is not None:
        if aggregate_type != "Account":  # an account belongs to no single condo
            rows.put(aggregates, {"aggregate_id": e.originator_id, "copro_id": named})
        return named
    known = rows.get(aggregates, e.originator_id)
    return None if known is None else known["copro_id"]


projection.every_event = record
