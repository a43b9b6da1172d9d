"""Request bodies of maintenance windows. Times must say their zone; they are kept in UTC."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import AwareDatetime, Field

from command_api.schemas.common import Body, text

Title = Annotated[str, text(3, 200)]
Description = Annotated[str, text(0, 5000)]
EquipmentIds = Annotated[list[UUID], Field(min_length=1, max_length=100)]


class MaintenancePlan(Body):
    title: Title
    description: Description = ""
    equipment_ids: EquipmentIds
    starts_at: AwareDatetime
    ends_at: AwareDatetime


class MaintenanceChanges(Body):
    title: Title | None = None
    description: Description | None = None
    equipment_ids: EquipmentIds | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    expected_version: int | None = None


class MaintenanceExtension(Body):
    ends_at: AwareDatetime


class MaintenanceCancellation(Body):
    reason: Annotated[str, text(3, 500)] | None = None
