"""Request bodies of maintenance windows. Times must say their zone; they are kept in UTC."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import AwareDatetime, Field

from command_api.schemas.common import Body, ExpectedVersion, long_text, text
from copro.fields import IN_YEARS

Title = Annotated[str, text(3, 200)]
Description = Annotated[str, long_text(0, 5000)]
# A time that says its zone, within the years a condo lives in.
When = Annotated[AwareDatetime, IN_YEARS]
EquipmentIds = Annotated[list[UUID], Field(min_length=1, max_length=100)]


class MaintenancePlan(Body):
    title: Title
    description: Description = ""
    equipment_ids: EquipmentIds
    starts_at: When
    ends_at: When


class MaintenanceChanges(Body):
    title: Title | None = None
    description: Description | None = None
    equipment_ids: EquipmentIds | None = None
    starts_at: When | None = None
    ends_at: When | None = None
    expected_version: ExpectedVersion = None


class MaintenanceExtension(Body):
    ends_at: When


class MaintenanceCancellation(Body):
    reason: Annotated[str, long_text(3, 500)] | None = None
