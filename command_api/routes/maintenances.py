from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.maintenance import (
    MaintenanceCancellation,
    MaintenanceChanges,
    MaintenanceExtension,
    MaintenancePlan,
)

router = APIRouter(tags=["maintenances"])


@router.post(
    "/copros/{copro_id}/maintenances",
    status_code=201,
    response_model=Receipt,
)
def schedule_maintenance(
    copro_id: UUID, body: MaintenancePlan, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Plans a maintenance window on some of the condo's equipment."""
    return receipt(condos.schedule_maintenance(actor, copro_id, **body.model_dump()))


@router.patch("/maintenances/{maintenance_id}", response_model=Receipt)
def edit_maintenance(
    maintenance_id: UUID, body: MaintenanceChanges, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Changes a maintenance window's plan before it starts."""
    changes = body.model_dump(exclude_none=True, exclude={"expected_version"})
    return receipt(condos.edit_maintenance(actor, maintenance_id, changes, body.expected_version))


@router.post(
    "/maintenances/{maintenance_id}/start",
    response_model=Receipt,
)
def start_maintenance(maintenance_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Starts a scheduled maintenance window now, early if need be."""
    return receipt(condos.start_maintenance(actor, maintenance_id))


@router.post(
    "/maintenances/{maintenance_id}/extend",
    response_model=Receipt,
)
def extend_maintenance(
    maintenance_id: UUID, body: MaintenanceExtension, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Moves a maintenance window's end later."""
    return receipt(condos.extend_maintenance(actor, maintenance_id, ends_at=body.ends_at))


@router.post(
    "/maintenances/{maintenance_id}/complete",
    response_model=Receipt,
)
def complete_maintenance(maintenance_id: UUID, condos: CondosDep, actor: CurrentActor) -> Receipt:
    """Completes a maintenance window in progress now, early if need be."""
    return receipt(condos.complete_maintenance(actor, maintenance_id))


@router.post(
    "/maintenances/{maintenance_id}/cancel",
    response_model=Receipt,
)
def cancel_maintenance(
    maintenance_id: UUID,
    condos: CondosDep,
    actor: CurrentActor,
    body: MaintenanceCancellation | None = None,
) -> Receipt:
    """Cancels a maintenance window before it ends, optionally saying why."""
    reason = body.reason if body else None
    return receipt(condos.cancel_maintenance(actor, maintenance_id, reason=reason))
