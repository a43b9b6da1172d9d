from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from query_api.answers.status import StatusHistory, StatusPage
from query_api.deps import Db, VisibleCopro
from query_api.pages import HISTORY, PAGE, conditional, history_of, page_of, renderings
from query_api.reads import Reads

router = APIRouter(prefix="/status", tags=["status"])


# The bodies are rendered once for many readers (`query_api.pages`): their shapes are said here.
@router.get("/{slug}", response_model=StatusPage, dependencies=[Depends(Reads(*PAGE))])
def status_page(request: Request, copro: VisibleCopro, conn: Db) -> Response:
    """The condo's status page: equipment and their shown status, incidents, maintenance.
    With an ETag; `If-None-Match` answers 304 while the page is unchanged."""
    rendered = page_of(renderings(request), conn, copro)
    return conditional(request, rendered, copro["public_status_page"])


@router.get(
    "/{slug}/history",
    response_model=StatusHistory,
    dependencies=[Depends(Reads(*HISTORY))],
)
def status_history(
    request: Request,
    copro: VisibleCopro,
    conn: Db,
    days: Annotated[int, Query(ge=1, le=366)] = 90,
) -> Response:
    """Each piece of equipment's last days (UTC days): worst status, minutes not operational
    and the incidents on it. With an ETag, as the page."""
    rendered = history_of(renderings(request), conn, copro, days)
    return conditional(request, rendered, copro["public_status_page"])
