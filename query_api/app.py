"""The query API's FastAPI application."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from sqlalchemy import Engine

from copro.http_errors import install_error_envelope
from copro.settings import Settings
from query_api.deps import consistent_read
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
    app = FastAPI(
        title="Copro query API",
        version="1",
        openapi_url=f"{API_PREFIX}/query/openapi.json",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(consistent_read)],
    )
    app.state.engine = engine
    app.state.settings = settings
    install_error_envelope(app)
    routes = (status, copros, auth, health, incidents, maintenances, tickets, members)
    for module in (*routes, expenses, statistics, audit, ops):
        app.include_router(module.router, prefix=API_PREFIX)
    return app
