from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from query_api.deps import Db

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="health-live")
def healthz() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", operation_id="health-ready")
def readyz(conn: Db) -> dict[str, Any]:
    """Readiness: the read database answers."""
    conn.exec_driver_sql("SELECT 1")
    return {"status": "ready"}
