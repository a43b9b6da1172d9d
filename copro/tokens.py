"""Signed access tokens (JWT, HS256): issued by the command API, checked by both APIs.

A token names its account (`sub`) and the session generation it was issued in (`gen`, an
integer): the people store keeps each person's current generation, moved on by a password
change or a platform-wide deactivation, and a token of an older generation is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt

ALGORITHM = "HS256"


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class Session:
    account_id: UUID
    generation: int


def issue_token(account_id: UUID, generation: int, key: str, lifetime: timedelta) -> str:
    issued = datetime.now(UTC)
    claims = {"sub": str(account_id), "gen": generation, "iat": issued, "exp": issued + lifetime}
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def session_of(token: str, key: str) -> Session:
    """The session a valid, unexpired token speaks for; one issued before generations were
    counted is of generation 0."""
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
        generation = claims.get("gen", 0)
        if type(generation) is not int:
            raise InvalidToken("gen must be an integer")
        return Session(UUID(claims["sub"]), generation)
    except (jwt.PyJWTError, ValueError) as error:
        raise InvalidToken(str(error)) from None
