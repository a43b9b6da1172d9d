from __future__ import annotations

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.people import Erased, PersonErasure, erased

router = APIRouter(prefix="/people", tags=["people"])


@router.post("/erase", response_model=Erased)
def erase_person(body: PersonErasure, condos: CondosDep, actor: CurrentActor) -> Erased:
    """Erases a person's name, email, phone and password hash everywhere (the right to
    erasure): their account can never sign in again and their email may open a new one; the
    events stay as they are (a platform admin)."""
    return erased(condos.erase_person(actor, email=str(body.email)))
