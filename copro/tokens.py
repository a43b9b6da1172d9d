"""Signed access tokens (JWT, HS256): issued by the command API, checked by both APIs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt

ALGORITHM = "HS256"


class InvalidToken(Exception):
    pass


def issue_token(account_id: UUID, key: str, lifetime: timedelta) -> str:
    issued = datetime.now(UTC)
    claims = {"sub": str(account_id), "iat": issued, "exp": issued + lifetime}
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def account_of(token: str, key: str) -> UUID:
    """The account a valid, unexpired token speaks for."""
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
        return UUID(claims["sub"])
    except (jwt.PyJWTError, ValueError) as error:
        raise InvalidToken(str(error)) from None
