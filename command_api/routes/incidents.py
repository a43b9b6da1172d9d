from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.incidents import (
    Comment,
    IncidentChanges,
    IncidentOpening,
    TimelineUpdate,
)

router = APIRouter(tags=["incidents"])


@router.post(
    "/copros/{copro_id}/incidents",
    status_code=201,
    response_model=Receipt,
)
def open_incident(
    copro_id: UUID, body: IncidentOpening, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Publishes an incident on the affected equipment; it may be back-dated."""
    return receipt(condos.open_incident(actor, copro_id, **body.model_dump()))


@router.patch("/incidents/{incident_id}", response_model=Receipt)
def edit_incident(
    incident_id: UUID, body: IncidentChanges, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Changes an incident's title, message, location or impacts."""
    changes = body.model_dump(exclude_none=True, exclude={"expected_version"})
    return receipt(condos.edit_incident(actor, incident_id, changes, body.expected_version))


@router.post(
    "/incidents/{incident_id}/updates",
    response_model=Receipt,
)
def post_update(
    incident_id: UUID, body: TimelineUpdate, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Posts a public timeline update, changing the incident's status when one is given."""
    return receipt(condos.post_incident_update(actor, incident_id, **body.model_dump()))


@router.post(
    "/incidents/{incident_id}/comments",
    status_code=201,
    response_model=Receipt,
)
def add_comment(
    incident_id: UUID, body: Comment, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Adds an internal comment, for the condo's managers only."""
    return receipt(condos.comment_on_incident(actor, incident_id, text=body.text))
