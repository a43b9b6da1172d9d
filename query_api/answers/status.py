"""The public status page and its history strips, as anyone may read them."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import EquipmentCategory, EquipmentStatus, exact
from query_api.answers.copros import Copro
from query_api.answers.incidents import Incident
from query_api.answers.maintenances import MaintenancesOnPage
from query_api.answers.statistics import Days


@exact
class ShownEquipment(TypedDict):
    """A piece of equipment as the page shows it: its status and why (`reason`), and whether a
    maintenance window in progress names it, whatever status it shows."""

    id: UUID
    name: str
    code: str | None
    category: EquipmentCategory
    location: str | None
    status: EquipmentStatus
    reason: Literal["manual", "incident", "maintenance"]
    under_maintenance: bool


@exact
class ShownBuilding(TypedDict):
    """A building and its equipment, worst status first: its status is their worst."""

    id: UUID
    name: str
    description: str
    order: int
    status: EquipmentStatus
    equipment: list[ShownEquipment]


@exact
class StatusPage(TypedDict):
    """The condo's public page: its buildings worst first, the open incidents and those
    resolved within 90 days (latest first, with their timelines), the maintenance windows,
    and the rule the statuses follow."""

    copro: Copro
    overall_status: EquipmentStatus
    buildings: list[ShownBuilding]
    open_incidents: list[Incident]
    maintenances: MaintenancesOnPage
    recent_incidents: list[Incident]
    status_rule: str


@exact
class StripDay(TypedDict):
    """A UTC day of a strip: the worst status shown during it (None before the equipment's
    history begins), the minutes it was not available, the incidents on it."""

    date: date
    status: EquipmentStatus | None
    minutes_not_operational: int
    incident_ids: list[UUID]


@exact
class EquipmentStrip(TypedDict):
    """A piece of equipment in service and its days, oldest first."""

    id: UUID
    name: str
    building_id: UUID
    days: list[StripDay]


@exact
class StatusHistory(Days):
    """The last `days` UTC days (today included) of each piece of equipment in service."""

    days: int
    time_zone: Literal["UTC"]
    equipment: list[EquipmentStrip]
