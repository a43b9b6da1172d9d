from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter

from copro.fields import Day, Instant, SearchText, Version
from projections import audit_index, status_page
from query_api.deps import Db, OverseenAggregate, OverseerOf, get_engine
from query_api.params import Limit, Offset, parsed, refuse
from query_api.reads import Reads
from query_api.views import audit
from query_api.views.audit import AuditFilter

router = APIRouter(
    tags=["audit"],
    dependencies=[Depends(Reads(audit_index.projection, status_page.projection))],
)

BARE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INSTANT: TypeAdapter[datetime] = TypeAdapter(Instant)
DAY: TypeAdapter[date] = TypeAdapter(Day)


def audit_filter(
    type: Annotated[list[SearchText] | None, Query()] = None,
    aggregate_id: UUID | None = None,
    actor_id: Annotated[SearchText | None, Query(max_length=40)] = None,
    since: Annotated[Instant | None, Query(alias="from")] = None,
    last: Annotated[str | None, Query(alias="to", max_length=40)] = None,
) -> AuditFilter:
    """The audit filters: event types (repeatable; `Recorded` or `Expense.Recorded`), aggregate,
    actor, and recorded from `from` to `to`, both included; a bare date as `to` covers its day."""
    until = None
    if last and BARE_DATE.fullmatch(last):
        day = parsed(DAY, last, "to")
        until = datetime.combine(day, datetime.min.time(), UTC) + timedelta(days=1)
    elif last:
        until = parsed(INSTANT, last, "to") + timedelta(microseconds=1)
    if since and until and until <= since:
        refuse("to", "must not come before from")
    return AuditFilter(list(type or []), aggregate_id, actor_id, since, until)


Chosen = Annotated[AuditFilter, Depends(audit_filter)]


@router.get("/copros/{copro_id}/audit/events", operation_id="audit-events")
def list_events(
    copro: OverseerOf, conn: Db, chosen: Chosen, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """The condo's events in the order of the log: position, time, aggregate, type, actor,
    request and data; for its auditors and managers."""
    return audit.list_events(conn, copro["id"], chosen, limit, offset)


@router.get("/copros/{copro_id}/audit/export.jsonl", operation_id="audit-export")
def export_events(copro: OverseerOf, request: Request, chosen: Chosen) -> StreamingResponse:
    """The condo's events as JSON Lines (one event a line, in the order of the log), streamed;
    for its auditors and managers; same filters as the event list."""
    stamp = datetime.now(UTC).date().isoformat()
    return StreamingResponse(
        audit.export_lines(get_engine(request), copro["id"], chosen),
        media_type="application/x-ndjson; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{copro["slug"]}-events-{stamp}.jsonl"'
        },
    )


@router.get("/audit/aggregates/{aggregate_id}/history", operation_id="audit-history")
def aggregate_history(aggregate_id: OverseenAggregate, conn: Db) -> dict[str, Any]:
    """Every event of one ticket, incident, piece of equipment, expense…, oldest first."""
    items = audit.history(conn, aggregate_id)
    return {"items": items, "total": len(items)}


@router.get("/audit/aggregates/{aggregate_id}", operation_id="audit-aggregate")
def aggregate_then(
    aggregate_id: OverseenAggregate,
    conn: Db,
    version: Annotated[Version | None, Query(ge=1)] = None,
    at: Annotated[Instant | None, Query()] = None,
) -> dict[str, Any]:
    """The aggregate at `version`, or as it was at the instant `at` (now if neither): the
    fields its events last set, folded in order, with those events."""
    if version is not None and at is not None:
        refuse("at", "give either version or at, not both")
    found = audit.state_then(conn, aggregate_id, version, at)
    if found is None:
        then = f"version {version}" if version is not None else f"state at {at}"
        raise HTTPException(404, f"this aggregate had no {then}")
    return found
