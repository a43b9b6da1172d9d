"""Maintenance windows, as the condo's members and the public page read them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import exact

MaintenanceState = Literal["scheduled", "in_progress", "completed", "cancelled"]


@exact
class MaintenanceEquipment(TypedDict):
    """A piece of equipment a window names (its name None once it is no longer known)."""

    id: UUID
    name: str | None


@exact
class MaintenanceWindow(TypedDict):
    """A maintenance window: its planned period, its state and when it really started, was
    completed or cancelled; `version` for `expected_version`."""

    id: UUID
    copro_id: UUID
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    state: MaintenanceState
    started_at: datetime | None
    completed_at: datetime | None
    cancelled_at: datetime | None
    equipment: list[MaintenanceEquipment]
    version: int


@exact
class MaintenancesOnPage(TypedDict):
    """The windows in progress, and those planned within 30 days."""

    in_progress: list[MaintenanceWindow]
    planned: list[MaintenanceWindow]
