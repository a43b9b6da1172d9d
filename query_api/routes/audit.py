from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import TypeAdapter

from copro.audit.head import AuditKeyMissing
from copro.audit.log import ChainsMissing
from copro.audit.models import SignedHead, Verification
from copro.audit.verify import signed_head, verify_condo
from copro.fields import Day, Instant, SearchText, Version
from projections import audit_index, status_page
from query_api.answers.audit import AggregateState, AuditEvent
from query_api.answers.common import Page
from query_api.deps import Caller, CurrentCaller, Db, OverseenAggregate, OverseerOf, get_engine
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


@router.get("/copros/{copro_id}/audit/events")
def list_events(
    copro: OverseerOf, conn: Db, chosen: Chosen, limit: Limit = 50, offset: Offset = 0
) -> Page[AuditEvent]:
    """The condo's events in the order of the log: position, time, aggregate, type, actor,
    request and data; for its auditors and managers."""
    return audit.list_events(conn, copro["id"], chosen, limit, offset)


@router.get(
    "/copros/{copro_id}/audit/export.jsonl",
    # Lines of JSON, not one JSON document; refusals stay JSON.
    response_class=Response,
    responses={
        200: {
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            "description": "JSON Lines",
        }
    },
)
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


@router.get("/audit/aggregates/{aggregate_id}/history")
def aggregate_history(aggregate_id: OverseenAggregate, conn: Db) -> Page[AuditEvent]:
    """Every event of one ticket, incident, piece of equipment, expense…, oldest first."""
    items = audit.history(conn, aggregate_id)
    return {"items": items, "total": len(items)}


@router.get("/audit/aggregates/{aggregate_id}")
def aggregate_then(
    aggregate_id: OverseenAggregate,
    conn: Db,
    version: Annotated[Version | None, Query(ge=1)] = None,
    at: Annotated[Instant | None, Query()] = None,
) -> AggregateState:
    """The aggregate at `version`, or as it was at the instant `at` (now if neither): the
    fields its events last set, folded in order, with those events."""
    if version is not None and at is not None:
        refuse("at", "give either version or at, not both")
    found = audit.state_then(conn, aggregate_id, version, at)
    if found is None:
        then = f"version {version}" if version is not None else f"state at {at}"
        raise HTTPException(404, f"this aggregate had no {then}")
    return found


@router.get("/copros/{copro_id}/audit/verify", response_model=Verification)
def verify_chains(copro: OverseerOf, request: Request) -> Verification | JSONResponse:
    """Walks the hash chains of the condo's streams: every break (its kind, stream, version,
    position, the hash expected and the one found), or that all hold, and how many events were
    checked; for its auditors and managers."""
    try:
        return verify_condo(request.app.state.settings, get_engine(request), copro["id"])
    except ChainsMissing as missing:
        return unavailable(str(missing), "audit_chains_missing")


def head_reader(caller: CurrentCaller) -> Caller:
    """The caller, an auditor of some condo, a platform operator or an admin; else 403."""
    if not (caller.operates or "auditor" in caller.roles.values()):
        raise HTTPException(403, "this needs the role: auditor, or the platform role: operator")
    return caller


@router.get("/audit/head", response_model=SignedHead)
def log_head(
    request: Request, _: Annotated[Caller, Depends(head_reader)]
) -> SignedHead | JSONResponse:
    """The log's head (position, log hash) signed now with the platform's Ed25519 key, for an
    auditor to keep outside the system; for auditors, operators and admins."""
    try:
        return signed_head(request.app.state.settings)
    except AuditKeyMissing as missing:
        return unavailable(str(missing), "audit_key_missing")
    except ChainsMissing as missing:
        return unavailable(str(missing), "audit_chains_missing")


def unavailable(detail: str, code: str) -> JSONResponse:
    """What the platform cannot answer as configured or opened: a 503 naming why."""
    return JSONResponse({"detail": detail, "code": code}, status_code=503)
