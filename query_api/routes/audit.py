from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, NoReturn
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from sqlalchemy import Connection

from query_api import queries
from query_api.deps import Db, SignedIn, get_engine, member_of
from query_api.views import audit
from query_api.views.audit import AuditFilter

router = APIRouter(tags=["audit"])

OVERSEERS = ("auditor", "manager")
BARE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def audit_filter(
    type: Annotated[list[str] | None, Query()] = None,
    aggregate_id: UUID | None = None,
    actor_id: Annotated[str | None, Query(max_length=40)] = None,
    first: Annotated[str | None, Query(alias="from")] = None,
    last: Annotated[str | None, Query(alias="to")] = None,
) -> AuditFilter:
    """The audit filters: event types (repeatable; `Recorded` or `Expense.Recorded`), aggregate,
    actor, and recorded from `from` to `to`, both included; a bare date as `to` covers its day."""
    since = instant(first, "from") if first else None
    until = None
    if last:
        until = instant(last, "to") + (
            timedelta(days=1) if BARE_DATE.fullmatch(last) else timedelta(microseconds=1)
        )
    if since and until and until <= since:
        refuse("to", "must not come before from")
    return AuditFilter(list(type or []), aggregate_id, actor_id, since, until)


Chosen = Annotated[AuditFilter, Depends(audit_filter)]


@router.get("/copros/{copro_id}/audit/events", operation_id="audit-events")
def list_events(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    chosen: Chosen,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The condo's events in the order of the log: position, time, aggregate, type, actor,
    request and data; for its auditors and managers."""
    overseer_of(conn, account_id, copro_id)
    return audit.list_events(conn, copro_id, chosen, limit, offset)


@router.get("/copros/{copro_id}/audit/export.jsonl", operation_id="audit-export")
def export_events(
    copro_id: UUID, request: Request, conn: Db, account_id: SignedIn, chosen: Chosen
) -> StreamingResponse:
    """The condo's events as JSON Lines (one event a line, in the order of the log), streamed;
    for its auditors and managers; same filters as the event list."""
    copro = overseer_of(conn, account_id, copro_id)
    stamp = datetime.now(UTC).date().isoformat()
    return StreamingResponse(
        audit.export_lines(get_engine(request), copro_id, chosen),
        media_type="application/x-ndjson; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{copro["slug"]}-events-{stamp}.jsonl"'
        },
    )


@router.get("/audit/aggregates/{aggregate_id}/history", operation_id="audit-history")
def aggregate_history(aggregate_id: UUID, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """Every event of one ticket, incident, piece of equipment, expense…, oldest first."""
    oversee_aggregate(conn, account_id, aggregate_id)
    items = audit.history(conn, aggregate_id)
    return {"items": items, "total": len(items)}


@router.get("/audit/aggregates/{aggregate_id}", operation_id="audit-aggregate")
def aggregate_then(
    aggregate_id: UUID,
    conn: Db,
    account_id: SignedIn,
    version: Annotated[int | None, Query(ge=1)] = None,
    at: str | None = None,
) -> dict[str, Any]:
    """The aggregate at `version`, or as it was at the instant `at` (now if neither): the
    fields its events last set, folded in order, with those events."""
    if version is not None and at is not None:
        refuse("at", "give either version or at, not both")
    oversee_aggregate(conn, account_id, aggregate_id)
    moment = instant(at, "at") if at else None
    found = audit.state_then(conn, aggregate_id, version, moment)
    if found is None:
        then = f"version {version}" if version is not None else f"state at {at}"
        raise HTTPException(404, f"this aggregate had no {then}")
    return found


def overseer_of(conn: Connection, account_id: UUID, copro_id: UUID) -> dict[str, Any]:
    """The condo, if the caller is one of its auditors or managers (or a platform admin); 404
    outside the caller's condos, else 403."""
    copro = member_of(conn, account_id, copro_id)
    caller = queries.account(conn, account_id)
    if not (caller and caller["is_admin"]) and (
        queries.role_in(conn, account_id, copro_id) not in OVERSEERS
    ):
        raise HTTPException(403, "this needs the role: auditor or manager")
    return copro


def oversee_aggregate(conn: Connection, account_id: UUID, aggregate_id: UUID) -> None:
    """Nothing for an auditor or manager of the aggregate's condo; what belongs to no single
    condo is for platform admins only; 404 when unknown or outside the caller's condos."""
    known, copro_id = audit.home_of(conn, aggregate_id)
    if known and copro_id is not None:
        overseer_of(conn, account_id, copro_id)
        return
    caller = queries.account(conn, account_id)
    if not (known and caller and caller["is_admin"] and caller["status"] == "active"):
        raise HTTPException(404, "no such aggregate")


def instant(value: str, field: str) -> datetime:
    """An ISO 8601 time or date (its 00:00), UTC when it names no offset."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        refuse(field, "must be an ISO 8601 time (2025-03-01T08:00:00Z) or date (2025-03-01)")
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def refuse(field: str, message: str) -> NoReturn:
    raise RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])
