from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic_core import to_json
from sqlalchemy import Connection

from copro.fields import Instant
from projections import audit_index
from query_api.answers.status import StatusHistory, StatusPage
from query_api.deps import Credentials, Slug, in_thread, shown_copro, shown_copro_with
from query_api.pages import (
    HISTORY,
    HISTORY_NAMES,
    JSON,
    PAGE,
    conditional,
    history_of,
    kept_page,
    page_of,
    renderings,
)
from query_api.params import refuse
from query_api.reads import Reads
from query_api.views.status_then import status_page_then

router = APIRouter(prefix="/status", tags=["status"])

# The page at an instant is replayed from the condo's events, which the audit index finds.
READS_THEN = Reads(audit_index.projection)
# A past page never changes once the events of its instant are all in (a command dated before
# it may still be landing for a moment); `private`, for access is today's and may narrow.
SETTLED = timedelta(minutes=1)


async def instant(request: Request, at: datetime) -> datetime:
    """The instant asked for, not in the future; its reads wait for the audit index too."""
    if at > datetime.now(UTC):
        refuse("at", "must not be in the future")
    await READS_THEN(request)
    return at


# The bodies are rendered once for many readers (`query_api.pages`): their shapes are said here.
# The routes are async so that a body still held is answered without a thread, the condo's row
# too (`shown_copro_with`); a body to read again is read in one, with the row if need be.
@router.get("/{slug}", response_model=StatusPage, dependencies=[Depends(Reads(*PAGE))])
async def status_page(
    request: Request,
    slug: Slug,
    credentials: Credentials,
    at: Annotated[
        Instant | None,
        Query(description="The page as it was at this instant (UTC when no offset is named)."),
    ] = None,
) -> Response:
    """The condo's status page: equipment and their shown status, incidents, maintenance.
    With an ETag; `If-None-Match` answers 304 while the page is unchanged. With `at`, the page
    as it was then, replayed from the condo's events (404 before the condo existed)."""
    if at is not None:
        copro = await shown_copro(request, slug, credentials)
        then = await instant(request, at)
        return await in_thread(request, lambda conn: page_then(conn, copro["id"], then))
    found = renderings(request)
    copro, rendered = await shown_copro_with(
        request,
        slug,
        credentials,
        lambda shown: kept_page(found, shown["id"]),
        lambda conn, shown: page_of(found, conn, shown),
    )
    return conditional(request, rendered, copro["public_status_page"])


@router.get(
    "/{slug}/history",
    response_model=StatusHistory,
    dependencies=[Depends(Reads(*HISTORY))],
)
async def status_history(
    request: Request,
    slug: Slug,
    credentials: Credentials,
    days: Annotated[int, Query(ge=1, le=366)] = 90,
) -> Response:
    """Each piece of equipment's last days (UTC days): worst status, minutes not operational
    and the incidents on it. With an ETag, as the page."""
    found = renderings(request)
    copro, rendered = await shown_copro_with(
        request,
        slug,
        credentials,
        lambda shown: found.kept(("history", shown["id"], days), HISTORY_NAMES),
        lambda conn, shown: history_of(found, conn, shown, days),
    )
    return conditional(request, rendered, copro["public_status_page"])


def page_then(conn: Connection, copro_id: UUID, at: datetime) -> Response:
    """The page at `at`, or the unknown condo's 404 if it did not exist then."""
    then = status_page_then(conn, copro_id, at)
    if then is None:
        raise HTTPException(404, "no such condo")
    settled = at < datetime.now(UTC) - SETTLED
    cache = "private, max-age=86400" if settled else "private, no-cache"
    return Response(to_json(then), media_type=JSON, headers={"Cache-Control": cache})
