from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.structure import EquipmentChanges, EquipmentInstallation, StatusChange

router = APIRouter(tags=["equipment"])


@router.post(
    "/copros/{copro_id}/equipment",
    status_code=201,
    response_model=Receipt,
)
def install_equipment(
    copro_id: UUID, body: EquipmentInstallation, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Installs a piece of equipment in one of the condo's buildings."""
    return receipt(condos.install_equipment(actor, copro_id, **body.model_dump()))


@router.patch("/equipment/{equipment_id}", response_model=Receipt)
def edit_equipment(
    equipment_id: UUID, body: EquipmentChanges, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Edits a piece of equipment, or moves it to another building."""
    return receipt(
        condos.edit_equipment(actor, equipment_id, body.changes(), body.expected_version)
    )


@router.post("/equipment/{equipment_id}/retire", response_model=Receipt)
def retire_equipment(equipment_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Retires a piece of equipment; its history stays."""
    return receipt(condos.retire_equipment(actor, equipment_id))


@router.put("/equipment/{equipment_id}/status", response_model=Receipt)
def set_status(
    equipment_id: UUID, body: StatusChange, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Sets the status a manager sees for a piece of equipment."""
    return receipt(condos.set_equipment_status(actor, equipment_id, **body.model_dump()))
