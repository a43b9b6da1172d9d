from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response

from copro.metrics import CONTENT_TYPE, exposition, from_this_machine
from query_api.answers.ops import Projections
from query_api.deps import Db, Operator, OptionalCaller, operator
from query_api.views import ops

router = APIRouter(tags=["ops"])


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
        200: {
            "content": {"text/plain": {"schema": {"type": "string"}}},
            "description": "Prometheus text format",
        }
    },
)
def metrics(request: Request, conn: Db, caller: OptionalCaller) -> Response:
    """This process's requests and latency per route, commands, open live streams, and each
    projection's position, lag, state and rebuild progress, for Prometheus; for operators,
    or scrapes from this machine that did not come through a proxy. Counters are per
    process: scrape each API process."""
    if not from_this_machine(request):
        if caller is None:
            raise HTTPException(401, "sign in first", headers={"WWW-Authenticate": "Bearer"})
        operator(caller)
    return Response(exposition(ops.ProjectionGauges(conn)), media_type=CONTENT_TYPE)
