"""The command API's FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from command_api.errors import install_error_handlers
from command_api.rate_limit import SlidingWindowLimiter
from command_api.routes import (
    accounts,
    auth,
    buildings,
    copros,
    equipment,
    expenses,
    incidents,
    maintenances,
    tickets,
)
from copro.settings import Settings
from domain.application import Condos

API_PREFIX = "/api/v1"


def create_command_app(condos: Condos, settings: Settings) -> FastAPI:
    app = FastAPI(
        title="Copro command API",
        version="1",
        openapi_url=f"{API_PREFIX}/command/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.condos = condos
    app.state.settings = settings
    app.state.login_limiter = SlidingWindowLimiter(settings.login_attempts_per_minute, 60.0)
    app.state.anonymous_ticket_limiter = SlidingWindowLimiter(
        settings.anonymous_tickets_per_hour, 3600.0
    )
    install_error_handlers(app)
    routes = (
        auth,
        accounts,
        copros,
        buildings,
        equipment,
        tickets,
        incidents,
        maintenances,
        expenses,
    )
    for module in routes:
        app.include_router(module.router, prefix=API_PREFIX)
    return app
