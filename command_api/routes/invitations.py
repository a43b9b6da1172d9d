from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.accounts import InvitationSending
from command_api.schemas.common import Receipt, receipt

router = APIRouter(tags=["invitations"])


@router.post(
    "/copros/{copro_id}/invitations",
    status_code=201,
    response_model=Receipt,
)
def send_invitation(
    copro_id: UUID, body: InvitationSending, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Invites the owner of an email to join the condo with a role (a manager); answered
    alike whether the email has an account or not."""
    return receipt(condos.invite_member(actor, copro_id, **body.model_dump()))


@router.post("/invitations/{invitation_id}/accept", response_model=Receipt)
def accept_invitation(invitation_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Joins the condo with the role offered (the invited account, signed in)."""
    return receipt(condos.accept_invitation(actor, invitation_id))


@router.post(
    "/invitations/{invitation_id}/decline",
    response_model=Receipt,
)
def decline_invitation(invitation_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Turns the invitation down (the invited account, signed in)."""
    return receipt(condos.decline_invitation(actor, invitation_id))


@router.post("/invitations/{invitation_id}/cancel", response_model=Receipt)
def cancel_invitation(invitation_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Withdraws an invitation not answered yet (a manager of its condo)."""
    return receipt(condos.cancel_invitation(actor, invitation_id))
