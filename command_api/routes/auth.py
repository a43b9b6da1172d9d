from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from command_api.deps import CondosDep, SettingsDep
from command_api.passwords import verify_password
from command_api.schemas.structure import Token
from copro.tokens import issue_token
from domain.account import account_id_for
from domain.errors import NotAuthenticated

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=Token, operation_id="auth-login")
def login(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    condos: CondosDep,
    settings: SettingsDep,
) -> Token:
    """Exchanges an email and password for an access token."""
    request.app.state.login_limiter.check(request.client.host if request.client else "-")
    account_id = account_id_for(form.username)
    person = condos.person(account_id)
    if not verify_password(form.password, person.password_hash if person else None):
        raise NotAuthenticated("wrong email or password")
    account = condos.account(account_id)
    if account is None or not account.can_log_in:
        # Same answer as a wrong password: a pending account's existence is not public.
        raise NotAuthenticated("wrong email or password")
    lifetime = timedelta(minutes=settings.token_lifetime_minutes)
    return Token(
        access_token=issue_token(account_id, settings.signing_key, lifetime),
        expires_in=int(lifetime.total_seconds()),
    )
