from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.passwords import hash_password
from command_api.schemas.accounts import RoleChange
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.structure import CoproChanges, CoproRegistration, MemberAppointment

router = APIRouter(prefix="/copros", tags=["copros"])


@router.post("", status_code=201, response_model=Receipt)
def register_copro(body: CoproRegistration, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Registers a condo (platform admins)."""
    return receipt(condos.register_copro(actor, **body.model_dump()))


@router.patch("/{copro_id}", response_model=Receipt)
def update_copro(
    copro_id: UUID, body: CoproChanges, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Changes a condo's name, address, slug or status page visibility."""
    changes = body.model_dump(exclude_none=True, exclude={"expected_version"})
    return receipt(condos.update_copro(actor, copro_id, changes, body.expected_version))


@router.post("/{copro_id}/members", status_code=201, response_model=Receipt)
def appoint_member(
    copro_id: UUID, body: MemberAppointment, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Opens an active account with a role in the condo for a new email; an email that has
    an account is invited instead (answered as an invitation), and joins only if it accepts."""
    fields = body.model_dump(exclude={"password"})
    password_hash = hash_password(body.password) if body.password else None
    return receipt(condos.appoint_member(actor, copro_id, password_hash=password_hash, **fields))


@router.put("/{copro_id}/members/{account_id}/role", response_model=Receipt)
def change_role(
    copro_id: UUID, account_id: UUID, body: RoleChange, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Gives a member another role in the condo; its last manager keeps the role."""
    return receipt(condos.change_role(actor, copro_id, account_id, body.role))
