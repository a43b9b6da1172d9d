"""A piece of equipment residents depend on. Never deleted: retired, its history kept."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate, one_of
from domain.errors import RuleBroken


class Category(StrEnum):
    LIFT = "lift"
    LIGHTING = "lighting"
    WATER = "water"
    HEATING = "heating"
    ELECTRICITY = "electricity"
    ACCESS = "access"
    SAFETY = "safety"
    OTHER = "other"


class Status(StrEnum):
    """From best to worst: the order of the members is the order of severity."""

    OPERATIONAL = "operational"
    MAINTENANCE = "maintenance"
    DEGRADED = "degraded"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"

    @property
    def severity(self) -> int:
        return SEVERITY[self]


SEVERITY: dict[str, int] = {status.value: rank for rank, status in enumerate(Status)}


def worst(statuses: Iterable[str]) -> str:
    """The worst of some statuses; `operational` when there are none."""
    # A table lookup, not enum arithmetic: the status page derives this for every event.
    return Status(max(statuses, key=SEVERITY.__getitem__, default=Status.OPERATIONAL))


class Equipment(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Installed: ClassVar[type[Any]]
        Edited: ClassVar[type[Any]]
        Moved: ClassVar[type[Any]]
        StatusSet: ClassVar[type[Any]]
        Retired: ClassVar[type[Any]]

    @event("Installed")
    def __init__(
        self,
        copro_id: UUID,
        building_id: UUID,
        name: str,
        code: str | None,
        category: str,
        location: str | None,
        order: int,
    ) -> None:
        self.copro_id = copro_id
        self.building_id = building_id
        self.name = name
        self.code = code
        self.category = one_of(Category, category, "category")
        self.location = location
        self.order = order
        self.manual_status = Status.OPERATIONAL.value
        self.status_note: str | None = None
        self.retired = False

    @event("Edited")
    def edit(self, changes: dict[str, object]) -> None:
        """Changes name, code, category, location or order; `changes` holds only what differs."""
        self.check_in_service()
        if "category" in changes:
            one_of(Category, str(changes["category"]), "category")
        for name, value in changes.items():
            setattr(self, name, value)

    @event("Moved")
    def move(self, building_id: UUID) -> None:
        self.check_in_service()
        self.building_id = building_id

    @event("StatusSet")
    def set_status(self, status: str, note: str | None) -> None:
        self.check_in_service()
        self.manual_status = one_of(Status, status, "status")
        self.status_note = note

    @event("Retired")
    def retire(self) -> None:
        self.check_in_service()
        self.retired = True

    def check_in_service(self) -> None:
        if self.retired:
            raise EquipmentRetired("this equipment is retired")


EDITABLE_FIELDS = ("name", "code", "category", "location", "order")


class EquipmentRetired(RuleBroken):
    code = "equipment_retired"
