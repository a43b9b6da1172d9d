"""The status page live: Server-Sent Events telling each change of the page."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel
from sqlalchemy import Connection
from sse_starlette import EventSourceResponse, ServerSentEvent

from copro.metrics import LIVE_STREAMS
from query_api.deps import (
    READS_ACCESS,
    Credentials,
    Slug,
    in_thread,
    optional_caller,
    visible_copro,
)
from query_api.pages import PAGE
from query_api.reads import Reads
from query_api.stream import LivePages, PageState

router = APIRouter(prefix="/status", tags=["status"])

# A client that takes longer than this to accept one event is let go.
SEND_TIMEOUT_SECONDS = 30
# How long the streams have to end by themselves when the server stops.
STOP_GRACE_SECONDS = 2


class PageChange(BaseModel):
    """The data of a `page` event: where the page changed (send it back as `X-Copro-After`)
    and its new ETag."""

    position: int
    etag: str


@dataclass(frozen=True)
class Followed:
    copro_id: UUID
    by_member: bool


async def followed_page(request: Request, slug: Slug, credentials: Credentials) -> Followed:
    """The condo whose page is followed, checked as the page checks it. Its connection is given
    back at once: a stream holds none while it lasts."""
    if credentials is not None:
        await READS_ACCESS(request)

    def check(conn: Connection) -> Followed:
        caller = optional_caller(request, conn, credentials, None)
        copro = visible_copro(slug, caller, conn)
        return Followed(copro["id"], bool(caller and caller.is_member_of(copro["id"])))

    return await in_thread(request, check)


@router.get(
    "/{slug}/stream",
    dependencies=[Depends(Reads(*PAGE))],
    response_class=EventSourceResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"schema": PageChange.model_json_schema()}},
            "description": "`page` events (id: the position; data: a PageChange), heartbeats",
        }
    },
)
async def status_stream(
    request: Request,
    followed: Annotated[Followed, Depends(followed_page)],
    last_event_id: Annotated[str | None, Header()] = None,
) -> EventSourceResponse:
    """Server-Sent Events of the condo's status page: a `page` event each time it changes, a
    heartbeat comment every 15 s; with `Last-Event-ID`, a change missed since that position
    is told at once."""
    live: LivePages = request.app.state.live
    settings = request.app.state.settings
    return EventSourceResponse(
        page_events(live, followed, resumed_from(last_event_id)),
        ping=settings.stream_heartbeat_seconds,
        ping_message_factory=lambda: ServerSentEvent(comment="heartbeat"),
        send_timeout=SEND_TIMEOUT_SECONDS,
        # Set when the server stops: every stream then ends as a finished answer.
        shutdown_event=live.stopping(),
        shutdown_grace_period=STOP_GRACE_SECONDS,
    )


async def page_events(
    live: LivePages, followed: Followed, resumed: int | None
) -> AsyncIterator[ServerSentEvent]:
    with LIVE_STREAMS.track_inprogress(), live.follow(followed.copro_id) as follower:
        state = await live.current(followed.copro_id)
        if resumed is not None and resumed < state.since:
            yield page_event(state)
        else:
            # No event, only the position: the browser sends it back when it reconnects.
            yield ServerSentEvent(id=str(state.since))
        told = state.etag
        while (changed := await follower.next()) is not None:
            if not changed.shown or not (changed.public or followed.by_member):
                return  # archived, or no longer public: this stream may not follow it any more
            if changed.etag != told:
                told = changed.etag
                yield page_event(changed)


def page_event(state: PageState) -> ServerSentEvent:
    data: dict[str, Any] = PageChange(position=state.since, etag=state.etag).model_dump()
    return ServerSentEvent(event="page", id=str(state.since), data=json.dumps(data))


def resumed_from(last_event_id: str | None) -> int | None:
    """The position a reconnecting client last heard of; None when it says none (or nonsense,
    which is answered as a fresh start)."""
    if last_event_id is None:
        return None
    try:
        position = int(last_event_id.strip())
    except ValueError:
        return None
    return position if position >= 0 else None
