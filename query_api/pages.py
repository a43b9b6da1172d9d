"""What the status page, its history and its feed answer, kept per condo while their read models
stand still, with an ETag: `If-None-Match` is answered 304 and an unchanged page is served again
without reading its tables, and the live streams tell a change by its ETag.

The ETag is a hash of the body, so it changes when, and only when, what the page shows changes:
an event of another condo moves every projection's position but not this condo's ETag, and every
query process answers the same ETag for the same page. A body is served again while the
projections it was read from stand where they stood when it was read (a body read then reflects
at least that), and for `ttl` seconds at most, for a page also changes with time: a window planned
within 30 days comes into view, the minutes of an ongoing outage grow.

ETags are weak (`W/"…"`): the same page gzipped or not is the same page, as nginx says too when
it compresses.

The condo row of a public page is kept alike for anonymous visitors (`public_condo`): with the
page's body kept too, their request is answered on the event loop, with no thread and no query
(`query_api.deps.shown_copro`); a miss reads in a thread as any other route does.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from fastapi import Request, Response
from pydantic_core import to_json
from sqlalchemy import Connection
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from projections import equipment_history, incidents, maintenance_calendar, status_page
from projections.state import Standing
from query_api.answers.copros import Copro
from query_api.positions import Positions
from query_api.reads import AFTER_HEADER, NOTHING, REACHED
from query_api.views import feed, status

# What the public page is made of: while these run, the site is ready (`/readyz`).
PAGE = (status_page.projection, incidents.projection, maintenance_calendar.projection)
PAGE_NAMES = frozenset(p.name for p in PAGE)
HISTORY = (status_page.projection, equipment_history.projection)
HISTORY_NAMES = frozenset(p.name for p in HISTORY)
# Where a condo's row (`queries.copro_by_slug`) comes from.
CONDO_NAMES = frozenset({status_page.projection.name})

JSON = "application/json"
ATOM = "application/atom+xml"


@dataclass(frozen=True)
class Rendered:
    """A body as answered, its ETag, and the position its read models had passed."""

    body: bytes
    etag: str
    position: int
    media_type: str
    mark: tuple[Standing, ...]
    read_at: float


@dataclass(frozen=True)
class KeptCondo:
    """A public condo's row as anonymous visitors are shown it, kept as a body is."""

    copro: Copro
    mark: tuple[Standing, ...]
    read_at: float


def etag_of(body: bytes) -> str:
    return f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


class Renderings:
    """The last body of each (kind, condo, parameters), as long as it holds."""

    def __init__(self, positions: Positions, ttl: float = 10.0, size: int = 2048) -> None:
        self.positions = positions
        self.ttl = ttl
        self.size = size
        self._kept: OrderedDict[Hashable, Rendered | KeptCondo] = OrderedDict()
        self._lock = threading.Lock()
        # One reading per key at a time: a thousand streams refetching one changed page wait
        # for one reading instead of making a thousand. Kept as long as the key is.
        self._reading: dict[Hashable, threading.Lock] = {}

    def kept(self, key: Hashable, names: frozenset[str]) -> Rendered | None:
        """The body under `key` if it still holds, or None: never reads, so the event loop may
        ask."""
        kept = self._fresh(key, names)
        return kept if isinstance(kept, Rendered) else None

    def public_condo(self, slug: str) -> Copro | None:
        """The row of the condo of this slug as last read for an anonymous visitor, as long as
        it holds (as a body does); None if not kept."""
        kept = self._fresh(("condo", slug), CONDO_NAMES)
        return kept.copro if isinstance(kept, KeptCondo) else None

    def read_public_condo(self, slug: str, read: Callable[[], Copro | None]) -> Copro | None:
        """The condo row `read` answers, kept for the next anonymous visitors if its page is
        public (an archived or members-only condo is read again each time). Blocks."""
        mark = self._mark(CONDO_NAMES)
        read_at = time.monotonic()
        copro = read()
        if copro is not None and copro["public_status_page"] and not copro["archived"]:
            self._keep(("condo", slug), KeptCondo(copro, mark, read_at))
        return copro

    def get(
        self,
        key: Hashable,
        names: frozenset[str],
        read: Callable[[], Any],
        media_type: str = JSON,
        encode: Callable[[Any], bytes] = to_json,
    ) -> Rendered:
        """The body under `key`, read (`read`, then `encode`) again if its read models moved
        since or it is older than `ttl`. Blocks: call it from a thread."""
        kept = self.kept(key, names)
        if kept is not None:
            return kept
        with self._lock_of(key):
            kept = self.kept(key, names)
            if kept is not None:
                return kept
            # The standings before reading: what is read then reflects at least those.
            mark = self._mark(names)
            read_at = time.monotonic()
            body = encode(read())
            position = min((s.position for s in mark), default=0)
            rendered = Rendered(body, etag_of(body), position, media_type, mark, read_at)
            self._keep(key, rendered)
            return rendered

    def _mark(self, names: frozenset[str]) -> tuple[Standing, ...]:
        standings = self.positions.standings()
        return tuple(standings.get(name, NOTHING) for name in sorted(names))

    def _fresh(self, key: Hashable, names: frozenset[str]) -> Rendered | KeptCondo | None:
        with self._lock:
            kept = self._kept.get(key)
        if kept is None or time.monotonic() - kept.read_at > self.ttl:
            return None
        return kept if kept.mark == self._mark(names) else None

    def _lock_of(self, key: Hashable) -> threading.Lock:
        with self._lock:
            return self._reading.setdefault(key, threading.Lock())

    def _keep(self, key: Hashable, kept: Rendered | KeptCondo) -> None:
        with self._lock:
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                gone, _ = self._kept.popitem(last=False)
                self._reading.pop(gone, None)


def page_key(copro_id: UUID) -> Hashable:
    """Where the condo's status page is kept."""
    return ("page", copro_id)


def kept_page(found: Renderings, copro_id: UUID) -> Rendered | None:
    """The condo's status page if its kept body still holds; never reads."""
    return found.kept(page_key(copro_id), PAGE_NAMES)


def page_of(found: Renderings, conn: Connection, copro: Copro) -> Rendered:
    """The condo's status page as it is now."""
    return found.get(
        page_key(copro["id"]),
        PAGE_NAMES,
        lambda: status.status_page(conn, copro, datetime.now(UTC)),
    )


def history_of(found: Renderings, conn: Connection, copro: Copro, days: int) -> Rendered:
    """The condo's last `days` daily strips."""
    return found.get(
        ("history", copro["id"], days),
        HISTORY_NAMES,
        lambda: status.history(conn, copro, days, datetime.now(UTC)),
    )


def feed_of(found: Renderings, conn: Connection, copro: Copro, site: str) -> Rendered:
    """The condo's Atom feed, its links under `site` (the public URL)."""
    return found.get(
        ("feed", copro["id"], site),
        PAGE_NAMES,
        lambda: feed.atom(conn, copro, site, datetime.now(UTC)),
        media_type=ATOM,
        encode=bytes,
    )


def renderings(request: Request) -> Renderings:
    return request.app.state.renderings  # type: ignore[no-any-return]


def conditional(request: Request, rendered: Rendered, public: bool) -> Response:
    """The body with its ETag, or 304 without it when the client holds this very one. Caches
    may keep it but ask again each time; only the client's own for a members-only page."""
    headers = {
        "ETag": rendered.etag,
        "Cache-Control": "no-cache" if public else "private, no-cache",
    }
    if holds(request.headers.get("if-none-match"), rendered.etag):
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)


def holds(if_none_match: str | None, etag: str) -> bool:
    """Whether `If-None-Match` names this ETag, compared weakly (RFC 9110 §13.1.2)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    return any(
        tag == "*" or tag.removeprefix("W/") == wanted
        for tag in (t.strip() for t in if_none_match.split(","))
    )


class KeptPages:
    """Answers an anonymous visitor's request for a public status page whose condo and body are
    both kept before FastAPI routes it, as the route would (the body or 304, its ETag and
    Cache-Control, the position it reflects): solving the route's dependencies was most of an
    unchanged page's time (cProfile of a 304: 55 %). Anything else goes on to the route: a
    token, a query string, `X-Copro-After` beyond the body's position, a page or condo not
    kept.

    Nothing is decided here that the route does not decide alike: a condo is kept only while it
    is public and not archived (`Renderings.read_public_condo`), and a body only while its read
    models stand where they stood, running, when it was read (`Renderings.kept`)."""

    def __init__(self, app: ASGIApp, prefix: str, route: BaseRoute) -> None:
        self.app = app
        self.prefix = f"{prefix}/status/"
        # The route it answers for, as the metrics name it.
        self.route = route

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rendered = self._kept(scope)
        if rendered is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = self.route
        scope.setdefault("state", {})[REACHED] = rendered.position
        await conditional(Request(scope), rendered, public=True)(scope, receive, send)

    def _kept(self, scope: Scope) -> Rendered | None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["query_string"]:
            return None
        path: str = scope["path"]
        slug = path[len(self.prefix) :]
        if not path.startswith(self.prefix) or not slug or "/" in slug:
            return None
        headers = dict(scope["headers"])
        if b"authorization" in headers:
            return None
        found: Renderings = scope["app"].state.renderings
        copro = found.public_condo(slug)
        rendered = None if copro is None else kept_page(found, copro["id"])
        after = headers.get(AFTER_HEADER.lower().encode(), b"0")
        # A position the body has passed needs no wait; any other, or a bad one, is the route's.
        if rendered is None or not after.isdigit() or int(after) > rendered.position:
            return None
        return rendered
