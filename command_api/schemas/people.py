"""Request and answer of the right to erasure."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel

from command_api.schemas.common import Body
from copro.fields import HeldEmail
from domain.commands.accounts import Erasure


class PersonErasure(Body):
    email: HeldEmail


class Erased(BaseModel):
    """What was erased: the account closed for good (none if the email had none), how many
    rows of the people store (the account's and anonymous reports'), and whether the account's
    id is of the old scheme (a UUIDv5 of the email, still in the log); the position of the
    events saying so."""

    account_id: UUID | None
    people_erased: int
    old_scheme_id: bool
    position: int


def erased(erasure: Erasure) -> Erased:
    return Erased(
        account_id=erasure.account_id,
        people_erased=erasure.people_erased,
        old_scheme_id=erasure.old_scheme_id,
        position=erasure.position,
    )
