"""A building of the condo. It keeps the set of its active equipment so that the rule
"a building with active equipment cannot be archived" is checked on the write side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.errors import RuleBroken


class Building(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Added: ClassVar[type[Any]]
        Renamed: ClassVar[type[Any]]
        Described: ClassVar[type[Any]]
        Reordered: ClassVar[type[Any]]
        Archived: ClassVar[type[Any]]
        EquipmentHoused: ClassVar[type[Any]]
        EquipmentReleased: ClassVar[type[Any]]

    @event("Added")
    def __init__(self, copro_id: UUID, name: str, description: str, order: int) -> None:
        self.copro_id = copro_id
        self.name = name
        self.description = description
        self.order = order
        self.archived = False
        self.equipment_ids: set[UUID] = set()

    @event("Renamed")
    def rename(self, name: str) -> None:
        self.check_not_archived()
        self.name = name

    @event("Described")
    def describe(self, description: str) -> None:
        self.check_not_archived()
        self.description = description

    @event("Reordered")
    def reorder(self, order: int) -> None:
        self.check_not_archived()
        self.order = order

    @event("Archived")
    def archive(self) -> None:
        self.check_not_archived()
        if self.equipment_ids:
            raise BuildingHasActiveEquipment(
                f"{len(self.equipment_ids)} piece(s) of equipment still active here: "
                "retire or move them first"
            )
        self.archived = True

    @event("EquipmentHoused")
    def house(self, equipment_id: UUID) -> None:
        self.check_not_archived()
        self.equipment_ids.add(equipment_id)

    @event("EquipmentReleased")
    def release(self, equipment_id: UUID) -> None:
        self.equipment_ids.discard(equipment_id)

    def check_not_archived(self) -> None:
        if self.archived:
            raise BuildingArchived("this building is archived")


class BuildingArchived(RuleBroken):
    code = "building_archived"


class BuildingHasActiveEquipment(RuleBroken):
    code = "building_has_active_equipment"
