from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt

router = APIRouter(prefix="/accounts", tags=["accounts"])


@router.post("/{account_id}/activate", response_model=Receipt)
def activate_account(account_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Lets a pending sign-up sign in (a manager of its condo); re-opens a closed account
    (a platform admin)."""
    return receipt(condos.activate_account(actor, account_id))


@router.post("/{account_id}/deactivate", response_model=Receipt)
def deactivate_account(account_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Takes the person out of the caller's condo (a manager), or closes the account and ends
    its sessions (a platform admin)."""
    return receipt(condos.deactivate_account(actor, account_id))
