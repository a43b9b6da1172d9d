"""The query API's FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copro.http_errors import install_error_envelope
from copro.settings import Settings
from projections import members as members_projection
from projections import status_page
from query_api.positions import Positions
from query_api.reads import Reads, install_reads
from query_api.routes import (
    audit,
    auth,
    copros,
    expenses,
    health,
    incidents,
    maintenances,
    members,
    ops,
    statistics,
    status,
    tickets,
)

API_PREFIX = "/api/v1"


def create_query_app(engine: Engine, settings: Settings) -> FastAPI:
    """The app over the read tables. Its `state.positions` listens to the projector: started by
    the app's lifespan, or by whoever serves it inside another app (`copro serve`)."""
    positions = Positions(read_connections(engine), settings.database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        positions.start()
        yield
        positions.stop()

    app = FastAPI(
        title="Copro query API",
        version="1",
        openapi_url=f"{API_PREFIX}/query/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.engine = positions.engine
    app.state.settings = settings
    app.state.positions = positions
    install_error_envelope(app)
    install_reads(app)
    app.add_middleware(HeadAsGet)
    app.add_middleware(ContainErrors, handler=app.exception_handlers[Exception])
    routes = (status, copros, health, incidents, maintenances, tickets)
    for module in (*routes, expenses, statistics, audit, ops):
        app.include_router(module.router, prefix=API_PREFIX)
    # What the accounts' routes read (their callers' roles are the access model's, read by
    # the caller's dependency).
    accounts = [Depends(Reads(members_projection.projection, status_page.projection))]
    for module in (auth, members):
        app.include_router(module.router, prefix=API_PREFIX, dependencies=accounts)
    return app


def read_connections(engine: Engine) -> Engine:
    """The engine's connections as readers use them (its pool shared with a projector in the
    same process): each statement a transaction of its own, so that on PostgreSQL a reader
    holds no table's lock while it waits for another (a rebuild's swap takes them all; see
    `projections.engine`). Under READ COMMITTED each statement had its own snapshot anyway;
    SQLite's driver began no transaction for a SELECT either."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


class ContainErrors:
    """Answers an unexpected error through the envelope's handler (which logs where it broke)
    and ends it there. Left to Starlette's outermost middleware, the error is answered the same
    but raised again for the server to log, message and all, and a SQLAlchemy error's message
    carries its statement's parameters: personal data."""

    def __init__(self, app: ASGIApp, handler: Callable[[Request, Exception], Any]) -> None:
        self.app = app
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, noting_start)
        except Exception as error:
            answer = await self.handler(Request(scope), error)
            if not started:  # else a streamed answer broke midway: it can only stop short
                await answer(scope, receive, send)


class HeadAsGet:
    """HEAD on any GET route: the GET's status and headers, without its body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
