"""Refusals of the domain as HTTP answers, in one place."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from command_api.rate_limit import RateLimited
from copro.http_errors import install_error_envelope, not_found_detail
from domain.commands.plumbing import Contention
from domain.errors import (
    DomainError,
    Forbidden,
    InvalidValue,
    NotAuthenticated,
    NotFound,
    RuleBroken,
)

STATUS_OF: list[tuple[type[DomainError], int]] = [
    (NotAuthenticated, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (InvalidValue, 422),
    (RuleBroken, 409),
    (Contention, 503),
]


def install_error_handlers(app: FastAPI) -> None:
    install_error_envelope(app)

    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> JSONResponse:
        status = next((s for cls, s in STATUS_OF if isinstance(error, cls)), 400)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if isinstance(error, RateLimited):
            status, headers = 429, {"Retry-After": str(error.retry_after)}
        if isinstance(error, Contention):
            headers = {"Retry-After": "1"}
        if isinstance(error, InvalidValue):
            detail: Any = [{"field": error.field, "message": error.message, "type": error.code}]
            return JSONResponse({"detail": detail, "code": "validation_error"}, status_code=422)
        message = not_found_detail(request) if isinstance(error, NotFound) else error.message
        body = {"detail": message, "code": error.code, **error.details}
        return JSONResponse(body, status_code=status, headers=headers)
