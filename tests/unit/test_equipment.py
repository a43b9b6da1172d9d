"""A piece of equipment: its status, its edits and moves, and its retirement."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from uuid import uuid4

import pytest

from domain.equipment import Category, Equipment, EquipmentRetired, Status, worst
from domain.errors import InvalidValue

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, new_equipment


def retired_lift() -> Equipment:
    lift = new_equipment()
    with as_manager():
        lift.retire()
    return lift


class TestStatusSeverity:
    def test_orders_the_five_levels_from_best_to_worst(self) -> None:
        by_severity = sorted(Status, key=lambda s: s.severity)
        assert [s.value for s in by_severity] == [
            "operational",
            "maintenance",
            "degraded",
            "partial_outage",
            "major_outage",
        ]
        assert [s.severity for s in by_severity] == [0, 1, 2, 3, 4]

    @pytest.mark.parametrize(
        ("statuses", "expected"),
        [
            ([], "operational"),
            (["operational"], "operational"),
            (["operational", "maintenance"], "maintenance"),
            (["maintenance", "degraded", "operational"], "degraded"),
            (["major_outage", "maintenance"], "major_outage"),
            (["partial_outage", "degraded", "partial_outage"], "partial_outage"),
        ],
    )
    def test_worst_answers_the_most_severe_status(self, statuses: list[str], expected: str) -> None:
        assert worst(statuses) == expected

    def test_worst_does_not_follow_alphabetical_order(self) -> None:
        # "degraded" < "maintenance" as strings, yet it is the worse of the two.
        assert worst(["maintenance", "degraded"]) == "degraded"


class TestInstall:
    def test_records_equipment_in_service_and_operational(self) -> None:
        building_id = uuid4()
        lift = new_equipment(building_id=building_id, location="sous-sol", order=3)
        assert (lift.copro_id, lift.building_id) == (COPRO_ID, building_id)
        assert (lift.name, lift.code, lift.category) == ("Ascenseur 1", "ASC-A-01", "lift")
        assert (lift.location, lift.order) == ("sous-sol", 3)
        assert lift.manual_status == "operational"
        assert lift.status_note is None
        assert lift.retired is False

    def test_records_an_installed_event_by_the_manager(self) -> None:
        event = last_event(new_equipment())
        assert type(event).__name__ == "Installed"
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)

    def test_keeps_the_plain_category_value_when_given_a_category_member(self) -> None:
        light = new_equipment(category=Category.LIGHTING)
        assert light.category == "lighting"
        assert type(light.category) is str

    @pytest.mark.parametrize("category", ["Lift", "ascenseur", "", " lift"])
    def test_refuses_an_unknown_category_naming_the_category_field(self, category: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_equipment(category=category)
        assert refused.value.code == "invalid_value"
        assert refused.value.field == "category"
        assert "lift" in refused.value.message


class TestEdit:
    def test_changes_the_given_fields_only(self) -> None:
        lift = new_equipment()
        with as_manager():
            lift.edit(changes={"name": "Ascenseur principal", "order": 5, "location": None})
        assert (lift.name, lift.order, lift.location) == ("Ascenseur principal", 5, None)
        assert (lift.code, lift.category) == ("ASC-A-01", "lift")

    def test_records_what_changed(self) -> None:
        lift = new_equipment()
        with as_manager():
            lift.edit(changes={"category": "electricity", "code": "ELEC-A"})
        event = last_event(lift)
        assert type(event).__name__ == "Edited"
        assert event.changes == {"category": "electricity", "code": "ELEC-A"}
        assert event.actor == MANAGER.id
        assert lift.category == "electricity"

    def test_refuses_an_unknown_category_and_changes_nothing(self) -> None:
        lift = new_equipment()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            lift.edit(changes={"name": "Monte-charge", "category": "goods-lift"})
        assert refused.value.field == "category"
        assert (lift.name, lift.category) == ("Ascenseur 1", "lift")
        assert event_names(lift) == ["Installed"]


class TestMove:
    def test_the_equipment_now_belongs_to_the_other_building(self) -> None:
        lift, building_b = new_equipment(), uuid4()
        with as_manager():
            lift.move(building_id=building_b)
        assert lift.building_id == building_b
        assert type(last_event(lift)).__name__ == "Moved"
        assert last_event(lift).building_id == building_b


class TestSetStatus:
    @pytest.mark.parametrize("status", list(Status))
    def test_sets_any_of_the_five_statuses_by_hand(self, status: Status) -> None:
        lift = new_equipment()
        with as_manager():
            lift.set_status(status=status.value, note="vu par le gardien")
        assert lift.manual_status == status.value
        assert lift.status_note == "vu par le gardien"
        assert type(last_event(lift)).__name__ == "StatusSet"
        assert last_event(lift).request_id == MANAGER.request_id

    def test_a_new_status_without_a_note_clears_the_old_note(self) -> None:
        lift = new_equipment()
        with as_manager():
            lift.set_status(status="degraded", note="porte lente")
            lift.set_status(status="operational", note=None)
        assert (lift.manual_status, lift.status_note) == ("operational", None)

    @pytest.mark.parametrize("status", ["broken", "Major_Outage", "outage", ""])
    def test_refuses_an_unknown_status_naming_the_status_field(self, status: str) -> None:
        lift = new_equipment()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            lift.set_status(status=status, note="?")
        assert refused.value.code == "invalid_value"
        assert refused.value.field == "status"
        assert (lift.manual_status, lift.status_note) == ("operational", None)
        assert lift.version == 1


class TestRetire:
    def test_retires_the_equipment_and_keeps_its_history(self) -> None:
        lift = new_equipment()
        with as_manager():
            lift.set_status(status="major_outage", note=None)
            lift.retire()
        assert lift.retired is True
        assert event_names(lift) == ["Installed", "StatusSet", "Retired"]
        assert last_event(lift).actor == MANAGER.id


RETIRED_REFUSES: dict[str, Callable[[Equipment], None]] = {
    "edit": lambda e: e.edit(changes={"name": "Ascenseur neuf"}),
    "move": lambda e: e.move(building_id=uuid4()),
    "set_status": lambda e: e.set_status(status="operational", note=None),
    "retire": lambda e: e.retire(),
}


class TestRetiredEquipment:
    @pytest.mark.parametrize("command", RETIRED_REFUSES)
    def test_refuses_every_command_and_changes_nothing(self, command: str) -> None:
        lift = retired_lift()
        before = deepcopy(vars(lift))
        with as_manager(), pytest.raises(EquipmentRetired) as refused:
            RETIRED_REFUSES[command](lift)
        assert refused.value.code == "equipment_retired"
        assert vars(lift) == before
        assert event_names(lift) == ["Installed", "Retired"]
