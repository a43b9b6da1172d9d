"""A building: its name, description and order, and the equipment it houses."""

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

import pytest

from domain.building import Building, BuildingArchived, BuildingHasActiveEquipment

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, new_building


def archived_building() -> Building:
    building = new_building()
    with as_manager():
        building.archive()
    return building


class TestAdd:
    def test_records_an_active_building_housing_nothing(self) -> None:
        building = new_building(name="Bâtiment B", description="Côté cour", order=2)
        assert building.copro_id == COPRO_ID
        assert (building.name, building.description, building.order) == (
            "Bâtiment B",
            "Côté cour",
            2,
        )
        assert building.archived is False
        assert building.equipment_ids == set()

    def test_records_an_added_event_by_the_manager(self) -> None:
        event = last_event(new_building())
        assert type(event).__name__ == "Added"
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)


EDITS: dict[str, tuple[Callable[[Building], None], str, str, object]] = {
    "rename": (lambda b: b.rename(name="Bâtiment C"), "Renamed", "name", "Bâtiment C"),
    "describe": (
        lambda b: b.describe(description="Au fond"),
        "Described",
        "description",
        "Au fond",
    ),
    "reorder": (lambda b: b.reorder(order=7), "Reordered", "order", 7),
}


class TestRenameDescribeReorder:
    @pytest.mark.parametrize("command", EDITS)
    def test_changes_the_building_and_records_it(self, command: str) -> None:
        run, event_name, attribute, expected = EDITS[command]
        building = new_building()
        with as_manager():
            run(building)
        assert getattr(building, attribute) == expected
        assert type(last_event(building)).__name__ == event_name
        assert last_event(building).actor == MANAGER.id

    @pytest.mark.parametrize("command", EDITS)
    def test_refuses_an_archived_building(self, command: str) -> None:
        run, _, attribute, _ = EDITS[command]
        building = archived_building()
        before = getattr(building, attribute)
        with as_manager(), pytest.raises(BuildingArchived) as refused:
            run(building)
        assert refused.value.code == "building_archived"
        assert getattr(building, attribute) == before
        assert building.version == 2


class TestHouse:
    def test_the_building_now_houses_the_equipment(self) -> None:
        building, lift = new_building(), uuid4()
        with as_manager():
            building.house(equipment_id=lift)
        assert building.equipment_ids == {lift}
        assert type(last_event(building)).__name__ == "EquipmentHoused"
        assert last_event(building).equipment_id == lift

    def test_housing_the_same_equipment_twice_counts_it_once(self) -> None:
        building, lift = new_building(), uuid4()
        with as_manager():
            building.house(equipment_id=lift)
            building.house(equipment_id=lift)
        assert building.equipment_ids == {lift}

    def test_refuses_an_archived_building(self) -> None:
        building = archived_building()
        with as_manager(), pytest.raises(BuildingArchived) as refused:
            building.house(equipment_id=uuid4())
        assert refused.value.code == "building_archived"
        assert building.equipment_ids == set()


class TestRelease:
    def test_the_building_no_longer_houses_the_equipment(self) -> None:
        building, lift, light = new_building(), uuid4(), uuid4()
        with as_manager():
            building.house(equipment_id=lift)
            building.house(equipment_id=light)
            building.release(equipment_id=lift)
        assert building.equipment_ids == {light}
        assert type(last_event(building)).__name__ == "EquipmentReleased"

    def test_releasing_equipment_it_does_not_house_keeps_the_others(self) -> None:
        building, lift = new_building(), uuid4()
        with as_manager():
            building.house(equipment_id=lift)
            building.release(equipment_id=uuid4())
        assert building.equipment_ids == {lift}


class TestArchive:
    def test_archives_a_building_housing_nothing(self) -> None:
        building = archived_building()
        assert building.archived is True
        assert event_names(building) == ["Added", "Archived"]
        assert last_event(building).request_id == MANAGER.request_id

    def test_refuses_a_building_that_still_houses_equipment(self) -> None:
        building = new_building()
        with as_manager():
            building.house(equipment_id=uuid4())
            building.house(equipment_id=uuid4())
            with pytest.raises(BuildingHasActiveEquipment) as refused:
                building.archive()
        assert refused.value.code == "building_has_active_equipment"
        assert "2 piece(s) of equipment" in refused.value.message
        assert building.archived is False
        assert event_names(building) == ["Added", "EquipmentHoused", "EquipmentHoused"]

    def test_archives_once_all_its_equipment_has_moved_out(self) -> None:
        building, lift = new_building(), uuid4()
        with as_manager():
            building.house(equipment_id=lift)
            building.release(equipment_id=lift)
            building.archive()
        assert building.archived is True

    def test_refuses_a_building_already_archived(self) -> None:
        building = archived_building()
        with as_manager(), pytest.raises(BuildingArchived) as refused:
            building.archive()
        assert refused.value.code == "building_archived"
        assert building.version == 2
