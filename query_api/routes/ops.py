from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import PlainTextResponse

from query_api.answers.ops import Projections
from query_api.deps import Db, Operator, OptionalCaller, operator
from query_api.views import ops

router = APIRouter(tags=["ops"])

LOOPBACK = ("127.0.0.1", "::1")
# Set by a reverse proxy: a request carrying one came from elsewhere, whatever its socket says.
FORWARDED = ("forwarded", "x-forwarded-for", "x-real-ip")


@router.get("/ops/projections")
def list_projections(conn: Db, _: Operator) -> Projections:
    """Each projection's version, position, lag behind the head, state, last error, rebuild
    progress, events per second and owner; for platform operators and admins."""
    return ops.statuses(conn)


@router.get(
    "/metrics",
    # The gauges are text; refusals are JSON, as everywhere.
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "Gauges"}
    },
)
def metrics(request: Request, conn: Db, caller: OptionalCaller) -> PlainTextResponse:
    """The projections' position, lag and failure as Prometheus gauges; for operators, or
    scrapes from this machine that did not come through a proxy."""
    if not from_this_machine(request):
        if caller is None:
            raise HTTPException(401, "sign in first", headers={"WWW-Authenticate": "Bearer"})
        operator(caller)
    return PlainTextResponse(ops.metrics(conn), media_type="text/plain; version=0.0.4")


def from_this_machine(request: Request) -> bool:
    client = request.client.host if request.client else None
    return client in LOOPBACK and not any(h in request.headers for h in FORWARDED)
