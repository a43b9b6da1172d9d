"""The query API's FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copro.api_docs import mount_docs, operation_id
from copro.http_errors import error_responses, install_error_envelope
from copro.metrics import ASKED_METHOD, RecordRequests
from copro.settings import Settings
from projections import members as members_projection
from projections import status_page
from query_api.pages import KeptPages, Renderings
from query_api.positions import Positions
from query_api.reads import Reads, install_reads
from query_api.routes import (
    audit,
    auth,
    copros,
    expenses,
    feeds,
    health,
    incidents,
    invitations,
    live,
    maintenances,
    members,
    ops,
    people,
    statistics,
    status,
    tickets,
)
from query_api.stream import LivePages

API_PREFIX = "/api/v1"
# What any read may answer besides its success: 401/403/404 by who asks, 422 for a bad
# parameter, 503 when a read model it needs failed or lags.
QUERY_ERRORS = error_responses(401, 403, 404, 422, 503)


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
        generate_unique_id_function=operation_id,
    )
    app.state.engine = positions.engine
    app.state.settings = settings
    app.state.positions = positions
    app.state.renderings = Renderings(positions)
    app.state.live = LivePages(positions.engine, positions, app.state.renderings)
    # Innermost: what it answers still passes the position header, HEAD and the metrics.
    page_route = next(
        r for r in status.router.routes if getattr(r, "endpoint", None) is status.status_page
    )
    app.add_middleware(KeptPages, prefix=API_PREFIX, route=page_route)
    install_error_envelope(app)
    install_reads(app)
    app.add_middleware(HeadAsGet)
    app.add_middleware(RecordRequests, api="query")
    routes = (status, feeds, live, copros, health, incidents, maintenances, tickets)
    for module in (*routes, expenses, statistics, audit, ops, people):
        app.include_router(module.router, prefix=API_PREFIX, responses=QUERY_ERRORS)
    # What the accounts' routes read (their callers' roles are the access model's, read by
    # the caller's dependency).
    accounts = [Depends(Reads(members_projection.projection, status_page.projection))]
    for module in (auth, invitations, members):
        app.include_router(
            module.router, prefix=API_PREFIX, dependencies=accounts, responses=QUERY_ERRORS
        )
    mount_docs(app)
    return app


def read_connections(engine: Engine) -> Engine:
    """The engine's connections as readers use them (its pool shared with a projector in the
    same process): each statement a transaction of its own, so that on PostgreSQL a reader
    holds no table's lock while it waits for another (a rebuild's swap takes them all; see
    `projections.engine`). Under READ COMMITTED each statement had its own snapshot anyway;
    SQLite's driver began no transaction for a SELECT either."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


class HeadAsGet:
    """HEAD on any GET route: the GET's status and headers, without its body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        answered = False

        async def send_headers_only(message: Message) -> None:
            nonlocal answered
            if answered:
                return
            await send(message)
            if message["type"] == "http.response.start":
                # Done once the headers are out, even for an endless body (a live stream):
                # the server then tells the app the client is gone, and it stops.
                answered = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        as_get = {**scope, "method": "GET", ASKED_METHOD: "HEAD"}
        try:
            await self.app(as_get, receive, send_headers_only)
        finally:
            # The route that answered, for what sits outside (the metrics' route template):
            # routing named it in the copy.
            if "route" in as_get:
                scope["route"] = as_get["route"]
