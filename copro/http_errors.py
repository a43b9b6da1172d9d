"""The error envelope both APIs answer with: `{"detail": …, "code": …}`, never a traceback."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("copro.api")

CODE_OF_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    429: "rate_limited",
    503: "not_ready",
}


class FieldError(BaseModel):
    field: str
    message: str
    type: str


class Refusal(BaseModel):
    """Every error answer: a message (or one entry per field), a stable code, and what the code
    says more (`current_version`, `from`/`to`, `field`, `projection`, `retry_after`…)."""

    model_config = ConfigDict(extra="allow")

    detail: str | list[FieldError]
    code: str


WHY = {
    401: "Not signed in, or the token is invalid, expired or ended",
    403: "Signed in, but without the role this needs",
    404: "No such thing, or outside the caller's condos (the same answer)",
    409: "A rule of the condo refuses it in the current state (`code` says which)",
    413: "The request body is over the size limit",
    422: "Invalid input: `detail` names each field",
    429: "Too many attempts from this address: retry after `Retry-After` seconds",
    503: "Not ready (a read model that failed or lags, contention): retry after `Retry-After`",
}


# What a route's last path parameter names, for its 404 body.
KIND_OF_PARAMETER = {
    "copro_id": "condo",
    "slug": "condo",
    "building_id": "building",
    "equipment_id": "equipment",
    "ticket_id": "ticket",
    "incident_id": "incident",
    "maintenance_id": "maintenance window",
    "expense_id": "expense",
    "account_id": "account",
    "invitation_id": "invitation",
    "aggregate_id": "aggregate",
    "year": "budget",
}


def not_found_detail(request: Request) -> str:
    """The one 404 message of a route, whatever was missing: the thing its path names did not
    exist, or lay outside the caller's condos, or something it leads to did — a caller must not
    tell these apart."""
    route = request.scope.get("route")
    names = getattr(route, "param_convertors", {}) or {}
    kind = next(
        (KIND_OF_PARAMETER[n] for n in reversed(list(names)) if n in KIND_OF_PARAMETER), None
    )
    return f"no such {kind}" if kind else "not found"


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of some routes, for their OpenAPI document."""
    return {s: {"model": Refusal, "description": WHY[s]} for s in statuses}


# Added by the routes that count attempts per client address (login, sign-up, anonymous reports).
RATE_LIMITED = error_responses(429)


def field_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic's errors, each naming its field by its dotted path in the request."""
    named = []
    for error in errors:
        location = [
            str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")
        ]
        if error.get("type") == "json_invalid":
            # Its location is a character offset in the body, not a field.
            offset = location[0] if location else "?"
            named.append(
                {
                    "field": "body",
                    "message": f"malformed JSON at character {offset}: "
                    f"{error.get('ctx', {}).get('error', 'invalid')}",
                    "type": "json_invalid",
                }
            )
            continue
        named.append(
            {
                "field": ".".join(location) or "body",
                "message": error.get("msg", "invalid"),
                "type": error.get("type", "value_error"),
            }
        )
    return named


def install_error_envelope(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {"detail": field_errors(error.errors()), "code": "validation_error"}, status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        if error.status_code == 400:
            # A body that is not even text (FastAPI's "error parsing the body"): invalid input.
            invalid = [{"field": "body", "message": str(error.detail), "type": "body_invalid"}]
            return JSONResponse({"detail": invalid, "code": "validation_error"}, status_code=422)
        return JSONResponse(
            {"detail": error.detail, "code": CODE_OF_STATUS.get(error.status_code, "http_error")},
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        # Where it broke, not what it said: messages can carry personal data (a unique
        # violation quotes the email), the stack frames cannot.
        log.error(
            "internal error %s on %s %s request_id=%s\n%s",
            type(error).__name__,
            request.method,
            request.url.path,
            getattr(request.state, "request_id", "-"),
            "".join(traceback.format_tb(error.__traceback__)),
        )
        return JSONResponse({"detail": "internal error", "code": "internal_error"}, status_code=500)

    app.add_middleware(ContainErrors, handler=internal_error)


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
