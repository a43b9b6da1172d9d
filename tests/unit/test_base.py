"""Every event says who caused it and through which request."""

from __future__ import annotations

import pytest

from domain.base import ANONYMOUS, SYSTEM, Actor, acting_as
from domain.building import Building
from domain.equipment import EquipmentRetired

from .builders import COPRO_ID, MANAGER, last_event, new_equipment, stamps


class TestActingAs:
    def test_refuses_to_create_an_aggregate_outside_acting_as(self) -> None:
        with pytest.raises(RuntimeError, match="acting_as"):
            Building(copro_id=COPRO_ID, name="Bâtiment A", description="", order=0)

    def test_refuses_a_command_outside_acting_as_and_changes_nothing(self) -> None:
        lift = new_equipment()
        with pytest.raises(RuntimeError, match="acting_as"):
            lift.set_status(status="major_outage", note=None)
        assert lift.manual_status == "operational"
        assert lift.version == 1
        assert len(lift.pending_events) == 1

    def test_stamps_each_event_with_the_actor_and_request_of_the_command(self) -> None:
        lift = new_equipment()
        with acting_as(Actor("account-9", request_id="req-a")):
            lift.set_status(status="degraded", note=None)
        with acting_as(Actor.system("req-b")):
            lift.set_status(status="operational", note=None)
        assert stamps(lift.pending_events) == [
            (MANAGER.id, MANAGER.request_id),
            ("account-9", "req-a"),
            (SYSTEM, "req-b"),
        ]

    def test_an_inner_actor_gives_way_to_the_outer_one_when_it_ends(self) -> None:
        lift = new_equipment()
        with acting_as(Actor("outer", "req-outer")):
            with acting_as(Actor.anonymous("req-inner")):
                lift.set_status(status="degraded", note=None)
            lift.set_status(status="operational", note=None)
        assert stamps(lift.pending_events[1:]) == [(ANONYMOUS, "req-inner"), ("outer", "req-outer")]

    def test_the_actor_is_forgotten_even_when_the_command_is_refused(self) -> None:
        lift = new_equipment()
        with pytest.raises(EquipmentRetired), acting_as(Actor.system()):
            lift.retire()
            lift.retire()
        with pytest.raises(RuntimeError, match="acting_as"):
            lift.set_status(status="operational", note=None)
        assert len(lift.pending_events) == 2


class TestActor:
    def test_system_and_anonymous_are_recognised(self) -> None:
        assert Actor.system().is_system and not Actor.system().is_anonymous
        assert Actor.anonymous().is_anonymous and not Actor.anonymous().is_system
        assert not MANAGER.is_system and not MANAGER.is_anonymous

    def test_each_actor_gets_its_own_request_id_unless_one_is_given(self) -> None:
        assert Actor.system().request_id != Actor.system().request_id
        assert Actor.anonymous("req-1").request_id == "req-1"

    def test_the_request_id_is_carried_by_the_creation_event_too(self) -> None:
        assert last_event(new_equipment()).request_id == MANAGER.request_id
