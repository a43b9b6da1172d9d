"""What routes receive: the application, who asks, and the settings of this process."""

from __future__ import annotations

from typing import Annotated
from uuid import uuid4

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from copro.settings import Settings
from copro.tokens import InvalidToken, session_of
from domain.application import Condos
from domain.base import Actor
from domain.errors import NotAuthenticated

bearer = HTTPBearer(auto_error=False)


def get_condos(request: Request) -> Condos:
    return request.app.state.condos  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def request_id(request: Request) -> str:
    given = request.headers.get("x-request-id", "")
    # Only short opaque ids are trusted from clients: they land in every event and log line.
    rid = (
        given if given.isascii() and 8 <= len(given) <= 64 and given.isprintable() else uuid4().hex
    )
    request.state.request_id = rid
    return rid


def get_actor(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    rid: Annotated[str, Depends(request_id)],
) -> Actor:
    if credentials is None:
        return Actor.anonymous(rid)
    try:
        session = session_of(credentials.credentials, get_settings(request).signing_key)
    except InvalidToken:
        raise NotAuthenticated("invalid or expired token") from None
    # Read from the people store, not a read model: a token ends the moment its password
    # changes or its account is closed, with no projection to wait for.
    person = get_condos(request).person(session.account_id)
    if person is None or person.session_generation != session.generation:
        raise NotAuthenticated("invalid or expired token")
    return Actor(str(session.account_id), rid)


CondosDep = Annotated[Condos, Depends(get_condos)]
CurrentActor = Annotated[Actor, Depends(get_actor)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
