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
    invitations,
    maintenances,
    people,
    tickets,
)
from copro.api_docs import operation_id
from copro.body_limit import BodyLimit
from copro.http_errors import error_responses
from copro.metrics import RecordRequests
from copro.settings import Settings
from domain.application import Condos

API_PREFIX = "/api/v1"
# What any command may answer besides its success; the routes limited per address add 429.
COMMAND_ERRORS = error_responses(401, 403, 404, 409, 413, 422, 503)


def create_command_app(condos: Condos, settings: Settings) -> FastAPI:
    app = FastAPI(
        title="Copro command API",
        version="1",
        openapi_url=f"{API_PREFIX}/command/openapi.json",
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    app.state.condos = condos
    app.state.settings = settings
    app.state.login_limiter = SlidingWindowLimiter(settings.login_attempts_per_minute, 60.0)
    app.state.anonymous_ticket_limiter = SlidingWindowLimiter(
        settings.anonymous_tickets_per_hour, 3600.0
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RecordRequests, api="command")
    routes = (
        auth,
        accounts,
        copros,
        invitations,
        buildings,
        equipment,
        tickets,
        incidents,
        maintenances,
        expenses,
        people,
    )
    for module in routes:
        app.include_router(module.router, prefix=API_PREFIX, responses=COMMAND_ERRORS)
    return app
