"""Who follows which status page live, and telling them when it changes.

One watcher per condo followed in this process, however many streams follow it: woken by the
process's one listener of the projector's signal (`query_api.positions`), it reads the page again
only when the projections the page is made of moved (through `Renderings`, whose copy the
refetching clients are then answered from), and every `recheck` seconds for what changes with
time; when the page's ETag differs from the last one it tells every follower of the condo. A
follower keeps the latest change only: a slow client is told where the page is now, never a
backlog. Nothing here queries the database per stream.

A change is known by the position the page's projections had passed when it was first seen: a
stream that resumes from a position (`Last-Event-ID`) below that one missed it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from uuid import UUID

import anyio
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from projections.state import Standing
from query_api import queries
from query_api.pages import PAGE_NAMES, Renderings, page_of
from query_api.positions import Positions
from query_api.reads import NOTHING

log = logging.getLogger("copro.query")


@dataclass(frozen=True)
class PageState:
    """The page of a condo as last seen: its ETag, the position at which this ETag was first
    seen (where the page last changed, as far as this process knows), and whether it is still
    there for the public (`public`) or for anyone (`shown`)."""

    etag: str
    since: int
    shown: bool = True
    public: bool = True


class Follower:
    """One stream's mailbox: the latest state told, and a flag raised when it is."""

    def __init__(self) -> None:
        self.latest: PageState | None = None
        self.stopped = False
        self._told = asyncio.Event()

    def tell(self, state: PageState) -> None:
        self.latest = state
        self._told.set()

    def stop(self) -> None:
        self.stopped = True
        self._told.set()

    async def next(self) -> PageState | None:
        """The state told since the last call, once there is one; None once stopped."""
        await self._told.wait()
        self._told.clear()
        return None if self.stopped else self.latest


class LivePages:
    """The watchers and followers of one process (its event loop)."""

    def __init__(
        self, engine: Engine, positions: Positions, renderings: Renderings, recheck: float = 10.0
    ) -> None:
        self.engine = engine
        self.positions = positions
        self.renderings = renderings
        self.recheck = recheck
        self._followers: dict[UUID, set[Follower]] = {}
        self._watchers: dict[UUID, asyncio.Task[None]] = {}
        # The last state seen of each condo's page, kept after its last follower left, so that
        # a stream resuming later tells a change from none (bounded by the condos there are).
        self._seen: dict[UUID, PageState] = {}
        self._ready: dict[UUID, asyncio.Event] = {}
        self._stopping: anyio.Event | None = None

    @property
    def followers(self) -> int:
        return sum(len(f) for f in self._followers.values())

    def stopping(self) -> anyio.Event:
        """What sse-starlette sets when the server stops, one for every stream of the process
        (rather than one wait beside each stream's): every follower is then stopped."""
        if self._stopping is None:
            self._stopping = anyio.Event()
            asyncio.create_task(self._stop_all(self._stopping), name="copro-live-stop")
        return self._stopping

    async def _stop_all(self, stopping: anyio.Event) -> None:
        await stopping.wait()
        for followers in self._followers.values():
            for follower in followers:
                follower.stop()

    @contextmanager
    def follow(self, copro_id: UUID) -> Iterator[Follower]:
        """Follows the condo's page while inside; its first watcher starts with it."""
        follower = Follower()
        if self._stopping is not None and self._stopping.is_set():
            follower.stop()
        self._followers.setdefault(copro_id, set()).add(follower)
        if copro_id not in self._watchers:
            self._ready[copro_id] = asyncio.Event()
            self._watchers[copro_id] = asyncio.create_task(
                self._watch(copro_id), name=f"copro-live-{copro_id}"
            )
        try:
            yield follower
        finally:
            followers = self._followers.get(copro_id, set())
            followers.discard(follower)
            if not followers:
                self._followers.pop(copro_id, None)
                self._ready.pop(copro_id, None)
                watcher = self._watchers.pop(copro_id, None)
                if watcher is not None:
                    watcher.cancel()

    async def current(self, copro_id: UUID) -> PageState:
        """The page's state now, once its watcher has read it (call it while following)."""
        await self._ready[copro_id].wait()
        return self._seen[copro_id]

    async def _watch(self, copro_id: UUID) -> None:
        with self.positions.subscribe() as changes:
            read: tuple[Standing, ...] | None = None
            while True:
                mark = self._mark()
                if mark != read:
                    try:
                        self._note(copro_id, await run_in_threadpool(self._read, copro_id))
                        read = mark
                    except DBAPIError as error:
                        log.warning("could not read a followed page (%s)", type(error).__name__)
                # What moved while the page was read wakes this at once: one reading for many
                # signals. Nothing for a while: read again, for what changes with time.
                if not await changes.changed(self.recheck):
                    read = None

    def _mark(self) -> tuple[Standing, ...]:
        standings = self.positions.standings()
        return tuple(standings.get(name, NOTHING) for name in sorted(PAGE_NAMES))

    def _read(self, copro_id: UUID) -> PageState | None:
        with self.engine.connect() as conn:
            return page_state(conn, self.renderings, copro_id, self._seen.get(copro_id))

    def _note(self, copro_id: UUID, state: PageState | None) -> None:
        if state is None:
            state = PageState(etag="", since=0, shown=False, public=False)
        before = self._seen.get(copro_id)
        self._seen[copro_id] = state
        ready = self._ready.get(copro_id)
        if ready is not None and not ready.is_set():
            ready.set()
        elif before != state:
            for follower in self._followers.get(copro_id, ()):
                follower.tell(state)


def page_state(
    conn: Connection, renderings: Renderings, copro_id: UUID, before: PageState | None
) -> PageState | None:
    """The page's state as read now; None when the condo is gone."""
    copro = queries.copro_by_id(conn, copro_id)
    if copro is None:
        return None
    rendered = page_of(renderings, conn, copro)
    public = bool(copro["public_status_page"])
    shown = not copro["archived"]
    if before is not None and before.etag == rendered.etag:
        return PageState(rendered.etag, before.since, shown, public)
    return PageState(rendered.etag, rendered.position, shown, public)
