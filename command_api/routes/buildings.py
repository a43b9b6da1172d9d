from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.structure import BuildingAddition, BuildingChanges

router = APIRouter(tags=["buildings"])


@router.post(
    "/copros/{copro_id}/buildings",
    status_code=201,
    response_model=Receipt,
)
def add_building(
    copro_id: UUID, body: BuildingAddition, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Adds a building; its name must be unique within the condo."""
    return receipt(condos.add_building(actor, copro_id, **body.model_dump()))


@router.patch("/buildings/{building_id}", response_model=Receipt)
def update_building(
    building_id: UUID, body: BuildingChanges, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Renames, describes or reorders a building."""
    return receipt(condos.update_building(actor, building_id, **body.model_dump()))


@router.post("/buildings/{building_id}/archive", response_model=Receipt)
def archive_building(building_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Archives a building that no longer houses active equipment."""
    return receipt(condos.archive_building(actor, building_id))
