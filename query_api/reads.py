"""What each route reads, declared once per route or router: `Depends(Reads(status_page, …))`.

Before the route reads anything, its read models are checked: one that failed answers 503
`read_model_failed` naming it (the others' routes keep answering); with `X-Copro-After: N` the
route waits, bounded, until they have all passed N, woken by the projector's signal
(`query_api.positions`), unless N lies beyond the log's head, where no wait could take it. The
position they reflect is answered in `X-Copro-Position`.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copro.fields import MAX_INT64
from projections.engine import Projection
from projections.state import Standing
from query_api.positions import Positions

POSITION_HEADER = "X-Copro-Position"
AFTER_HEADER = "X-Copro-After"
# Where a request keeps what its routes read and the position that reflects (request.state).
READ = "copro_reads"
REACHED = "copro_position"
NOTHING = Standing(0)
# A wait asks the log's head only once it has lasted this long: a command's own position is
# passed sooner (bench.freshness: p50 10-13 ms), so most waits cost no thread and no query,
# and a position beyond the head is still answered within a few tens of milliseconds.
ASK_HEAD_AFTER = 0.05


class ReadModelFailed(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Reads:
    """A dependency: the route reads these projections' tables."""

    def __init__(self, *projections: Projection) -> None:
        self.names = frozenset(p.name for p in projections)

    async def __call__(self, request: Request) -> None:
        arrived = time.monotonic()
        positions: Positions = request.app.state.positions
        after = requested_position(request)
        # A route's dependencies may each read some: the answer reflects them all.
        names: frozenset[str] = getattr(request.state, READ, frozenset()) | self.names
        setattr(request.state, READ, names)
        reached = least(positions.standings(), names)
        if reached < after:
            deadline = arrived + request.app.state.settings.read_wait_seconds
            reached = await _wait(positions, names, after, arrived, deadline)
        setattr(request.state, REACHED, reached)


async def _wait(
    positions: Positions, names: frozenset[str], after: int, arrived: float, deadline: float
) -> int:
    """Where the read models stand once they have passed `after`, or as soon as `after` is
    known to lie beyond the log's head (after `ASK_HEAD_AFTER`); 503 at the deadline.

    The head is asked beside the wait, not before it, and only once the wait has lasted
    `ASK_HEAD_AFTER`: its readings are spaced out however many requests ask
    (`Positions.head_since`), and a command's own position is usually passed sooner
    (bench.freshness: p50 47 ms when the wait came after the head's reading).
    """
    with positions.subscribe() as changes:
        beyond = asyncio.ensure_future(_beyond_head(positions, after, arrived))
        try:
            while (reached := least(positions.standings(), names)) < after:
                if beyond.done() and beyond.result():
                    return reached
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise HTTPException(
                        503,
                        f"the read models have not reached position {after} yet (at {reached})",
                        headers={"Retry-After": "1", POSITION_HEADER: str(reached)},
                    )
                changed = asyncio.ensure_future(changes.changed(remaining))
                waits = {changed} if beyond.done() else {changed, beyond}
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
                changed.cancel()
        finally:
            # Left to finish in its thread; what it reads is shared with the next requests.
            beyond.cancel()
    return reached


def least(standings: dict[str, Standing], names: frozenset[str]) -> int:
    """The position all these projections have passed; ReadModelFailed if one failed."""
    for name in sorted(names):
        if standings.get(name, NOTHING).state == "failed":
            raise ReadModelFailed(name)
    return min((standings.get(name, NOTHING).position for name in names), default=0)


async def _beyond_head(positions: Positions, after: int, arrived: float) -> bool:
    """Whether the position lies beyond the last event logged when the request arrived: the
    projections may pass what they already reached without asking the log."""
    if after <= max((s.position for s in positions.standings().values()), default=0):
        return False
    await asyncio.sleep(arrived + ASK_HEAD_AFTER - time.monotonic())
    head = await run_in_threadpool(positions.head_since, arrived)
    return head is not None and after > head


def requested_position(request: Request) -> int:
    value = request.headers.get(AFTER_HEADER)
    if not value:
        return 0
    try:
        after = int(value)
    except ValueError:
        after = -1
    if not 0 <= after <= MAX_INT64:
        raise RequestValidationError(
            [
                {
                    "loc": (AFTER_HEADER,),
                    "msg": "must be a log position (an integer from 0 to 2^63 - 1)",
                    "type": "value_error",
                }
            ]
        )
    return after


def install_reads(app: FastAPI) -> None:
    """Answers a failed read model's 503, and the position header on every answer."""

    @app.exception_handler(ReadModelFailed)
    async def read_model_failed(request: Request, error: ReadModelFailed) -> JSONResponse:
        return JSONResponse(
            {
                "detail": f"the read model {error.name} has stopped on an error; "
                "an operator has to resume it",
                "code": "read_model_failed",
                "projection": error.name,
            },
            status_code=503,
            headers={"Retry-After": "30"},
        )

    app.add_middleware(PositionHeader)


class PositionHeader:
    """Adds `X-Copro-Position` to every answer: what the route's read models reflected when
    it read them, or, for a route that read none, what every read model has passed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_position(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"x-copro-position" for k, _ in headers):
                    headers.append((b"x-copro-position", str(_reached(scope)).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_position)


def _reached(scope: Scope) -> int:
    state: dict[str, Any] = scope.get("state", {})
    if REACHED in state:
        return int(state[REACHED])
    positions: Positions = scope["app"].state.positions
    return min((s.position for s in positions.standings().values()), default=0)
