from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy import select

from projections.state import projection_state
from query_api.deps import Db

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="health-live")
def healthz() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", operation_id="health-ready")
def readyz(conn: Db, response: Response) -> dict[str, Any]:
    """Readiness: the read database answers and no read model has stopped on an error."""
    rows = conn.execute(
        select(projection_state.c.name, projection_state.c.state, projection_state.c.position)
    ).all()
    failed = sorted(r.name for r in rows if r.state == "failed")
    if failed or not rows:
        response.status_code = 503
    return {
        "status": "not ready" if failed or not rows else "ready",
        "failed_projections": failed,
        "positions": {r.name: r.position for r in rows},
    }
