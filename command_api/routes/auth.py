from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from command_api.deps import CondosDep, CurrentActor, SettingsDep
from command_api.passwords import hash_password, verify_password
from command_api.schemas.accounts import PasswordChange, SignUp
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.structure import Token
from copro.http_errors import RATE_LIMITED
from copro.tokens import issue_token
from domain.errors import NotAuthenticated

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=Token, operation_id="auth-login", responses=RATE_LIMITED)
def login(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    condos: CondosDep,
    settings: SettingsDep,
) -> Token:
    """Exchanges an email and password for an access token."""
    request.app.state.login_limiter.check(client_of(request))
    account_id = condos.account_id_of(form.username)
    person = condos.person(account_id) if account_id else None
    right = verify_password(form.password, person.password_hash if person else None)
    account = condos.account(account_id) if account_id else None
    if not right or person is None or account is None:
        raise NotAuthenticated("wrong email or password")
    # The password proved who asks: a pending or closed account is told why it cannot sign in.
    account.check_can_log_in()
    lifetime = timedelta(minutes=settings.token_lifetime_minutes)
    token = issue_token(account.id, person.session_generation, settings.signing_key, lifetime)
    return Token(access_token=token, expires_in=int(lifetime.total_seconds()))


@router.post(
    "/register",
    status_code=201,
    response_model=Receipt,
    operation_id="auth-register",
    responses=RATE_LIMITED,
)
def register(request: Request, body: SignUp, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Opens a resident's account, pending until a manager of the condo activates it; an email
    that has an account is answered alike, and its account left as it was."""
    request.app.state.login_limiter.check(client_of(request))
    fields = body.model_dump(exclude={"password", "copro_id"})
    return receipt(
        condos.sign_up(actor, body.copro_id, password_hash=hash_password(body.password), **fields)
    )


@router.post(
    "/password", response_model=Receipt, operation_id="auth-change-password", responses=RATE_LIMITED
)
def change_password(
    request: Request, body: PasswordChange, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Changes the signed-in account's password (the current one must be given), ending its
    earlier sessions."""
    request.app.state.login_limiter.check(client_of(request))
    person = None if actor.is_anonymous else condos.person(UUID(actor.id))
    if not verify_password(body.current_password, person.password_hash if person else None):
        raise NotAuthenticated("wrong current password")
    return receipt(condos.change_password(actor, password_hash=hash_password(body.new_password)))


def client_of(request: Request) -> str:
    return request.client.host if request.client else "-"
