from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse
from sqlalchemy import Connection

from query_api import queries
from query_api.deps import Db, MaybeAccount, SignedIn
from query_api.views import ops

router = APIRouter(tags=["ops"])

LOOPBACK = ("127.0.0.1", "::1")
# Set by a reverse proxy: a request carrying one came from elsewhere, whatever its socket says.
FORWARDED = ("forwarded", "x-forwarded-for", "x-real-ip")


@router.get("/ops/projections", operation_id="ops-projections")
def list_projections(conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """Each projection's version, position, lag behind the head, state, last error, rebuild
    progress, events per second and owner; for platform operators and admins."""
    operator(conn, account_id)
    return ops.statuses(conn)


@router.get("/metrics", operation_id="ops-metrics", response_class=PlainTextResponse)
def metrics(request: Request, conn: Db, account_id: MaybeAccount) -> PlainTextResponse:
    """The projections' position, lag and failure as Prometheus gauges; for operators, or
    scrapes from this machine that did not come through a proxy."""
    if not from_this_machine(request):
        if account_id is None:
            raise HTTPException(401, "sign in first", headers={"WWW-Authenticate": "Bearer"})
        operator(conn, account_id)
    return PlainTextResponse(ops.metrics(conn), media_type="text/plain; version=0.0.4")


def operator(conn: Connection, account_id: UUID) -> None:
    """Nothing for an active platform operator or admin; else 403."""
    caller = queries.account(conn, account_id)
    if not (
        caller and caller["status"] == "active" and (caller["is_operator"] or caller["is_admin"])
    ):
        raise HTTPException(403, "this needs the platform role: operator")


def from_this_machine(request: Request) -> bool:
    client = request.client.host if request.client else None
    return client in LOOPBACK and not any(h in request.headers for h in FORWARDED)
