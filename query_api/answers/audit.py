"""The event history as auditors read it."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import exact


@exact
class AuditEvent(TypedDict):
    """An event as the log holds it: its position in the log, its aggregate and version, who
    caused it (an account id, `anonymous` or `system`) through which request, and its data."""

    position: int
    recorded_at: datetime
    copro_id: UUID | None
    aggregate_id: UUID
    aggregate_type: str
    aggregate_version: int
    event_type: str
    actor_id: str
    request_id: str
    data: dict[str, Any]


@exact
class AggregateState(TypedDict):
    """An aggregate as it was at a version or an instant: the fields its events last set,
    folded in order (`state`), the events folded, and its latest version now."""

    aggregate_id: UUID
    aggregate_type: str
    version: int
    latest_version: int
    recorded_at: datetime
    last_event_type: str
    state: dict[str, Any]
    events: list[AuditEvent]
