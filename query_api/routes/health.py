from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from projections.state import projection_state
from query_api.answers.ops import Liveness, Ready, Unreachable
from query_api.deps import get_engine
from query_api.pages import PAGE

router = APIRouter(tags=["health"])


# Async: answering needs no thread, and so does the status page's from memory, which the
# benchmarks compare with this route (`bench/queries.py`).
@router.get("/healthz")
async def liveness() -> Liveness:
    """Liveness: the process answers."""
    return {"status": "ok"}


# Not ready is no refusal: it answers the same shape, with its 503.
@router.get(
    "/readyz",
    responses={503: {"model": Ready | Unreachable, "description": "Not ready: `status` says why"}},
)
def readiness(request: Request, response: Response) -> Ready | Unreachable:
    """Readiness: the read database answers and the public status page's read models run
    (another failed read model makes only its own routes answer 503); every read model's
    state and position."""
    state = projection_state.c
    try:
        with get_engine(request).connect() as conn:
            rows = conn.execute(select(state.name, state.state, state.position)).all()
    except DBAPIError:
        response.status_code = 503
        return {"status": "not ready", "database": "unreachable", "projections": {}}
    states = {r.name: r.state for r in rows}
    failed = sorted(name for name, state in states.items() if state == "failed")
    page_ready = all(states.get(p.name) not in (None, "failed") for p in PAGE)
    if not page_ready:
        response.status_code = 503
    return {
        "status": "ready" if page_ready else "not ready",
        "database": "ok",
        "failed_projections": failed,
        "positions": {r.name: r.position for r in rows},
        "projections": {r.name: {"state": r.state, "position": r.position} for r in sorted(rows)},
    }
