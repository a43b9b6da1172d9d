"""What read routes receive: a connection, the caller, and the read-your-writes wait."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine

from copro.tokens import InvalidToken, account_of
from query_api import queries

bearer = HTTPBearer(auto_error=False)

POSITION_HEADER = "X-Copro-Position"
AFTER_HEADER = "X-Copro-After"


def get_engine(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


def connection(request: Request) -> Iterator[Connection]:
    with get_engine(request).connect() as conn:
        yield conn


def _position(engine: Engine) -> int:
    with engine.connect() as conn:
        return queries.read_position(conn)


async def consistent_read(request: Request, response: Response) -> None:
    """Answers with the position the read tables reflect; with `X-Copro-After: N`, first waits
    (bounded) until they have passed N, so a client reads its own writes."""
    engine = get_engine(request)
    after_header = request.headers.get(AFTER_HEADER)
    try:
        after = int(after_header) if after_header else 0
    except ValueError:
        raise HTTPException(422, f"{AFTER_HEADER} must be a log position (an integer)") from None
    wait = request.app.state.settings.read_wait_seconds
    deadline = time.monotonic() + wait
    delay = 0.003
    position = await run_in_threadpool(_position, engine)
    while position < after:
        if time.monotonic() >= deadline:
            raise HTTPException(
                503,
                f"the read models have not reached position {after} yet (at {position})",
                headers={"Retry-After": "1", POSITION_HEADER: str(position)},
            )
        await asyncio.sleep(delay)
        # Fine-grained at first (a projector usually needs a few ms), coarser if it lags.
        delay = 0.003 if time.monotonic() < deadline - wait + 0.2 else 0.02
        position = await run_in_threadpool(_position, engine)
    response.headers[POSITION_HEADER] = str(position)


def optional_account(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> UUID | None:
    if credentials is None:
        return None
    try:
        return account_of(credentials.credentials, request.app.state.settings.signing_key)
    except InvalidToken:
        raise HTTPException(
            401, "invalid or expired token", headers={"WWW-Authenticate": "Bearer"}
        ) from None


def required_account(account_id: Annotated[UUID | None, Depends(optional_account)]) -> UUID:
    if account_id is None:
        raise HTTPException(401, "sign in first", headers={"WWW-Authenticate": "Bearer"})
    return account_id


Db = Annotated[Connection, Depends(connection)]
MaybeAccount = Annotated[UUID | None, Depends(optional_account)]
SignedIn = Annotated[UUID, Depends(required_account)]


def member_of(conn: Connection, account_id: UUID, copro_id: UUID) -> dict[str, Any]:
    """The condo, if the caller holds a role in it (or is an admin); else 404, never 403:
    a condo outside the caller's reach does not exist for them."""
    copro = queries.copro_by_id(conn, copro_id)
    caller = queries.account(conn, account_id)
    if (
        copro is None
        or caller is None
        or caller["status"] != "active"
        or not (caller["is_admin"] or queries.role_in(conn, account_id, copro_id))
    ):
        raise HTTPException(404, "no such condo")
    return copro
