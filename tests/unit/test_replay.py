"""Any history replays to the state it produced, and refused commands leave no trace."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Actor, acting_as
from domain.building import Building, BuildingArchived, BuildingHasActiveEquipment
from domain.equipment import Equipment, EquipmentRetired
from domain.errors import InvalidValue

from .builders import COPRO_ID, rebuild, stamps
from .strategies import (
    Command,
    any_equipment_command,
    building_commands,
    equipment_commands,
    equipment_installations,
    refused_equipment_commands,
    run,
)

PROPERTY = settings(max_examples=60, deadline=None)

actors = st.builds(
    Actor, id=st.sampled_from(["system", "anonymous", "manager-1"]), request_id=st.uuids().map(str)
)


def state(aggregate: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(aggregate).items() if k != "_pending_events"}


def expected_equipment(
    install: dict[str, Any], commands: list[Command], retired: bool
) -> dict[str, Any]:
    """What a manager expects to read after these commands, worked out without the aggregate."""
    expected = dict(install, manual_status="operational", status_note=None, retired=retired)
    for name, kwargs in commands:
        if name == "set_status":
            expected.update(manual_status=kwargs["status"], status_note=kwargs["note"])
        elif name == "edit":
            expected.update(kwargs["changes"])
        elif name == "move":
            expected.update(building_id=kwargs["building_id"])
    return expected


class TestEquipmentReplay:
    @PROPERTY
    @given(
        install=equipment_installations(),
        commands=st.lists(equipment_commands, max_size=15),
        retire=st.booleans(),
        actor=actors,
    )
    def test_rebuilt_from_its_events_alone_it_is_the_same_equipment(
        self, install: dict[str, Any], commands: list[Command], retire: bool, actor: Actor
    ) -> None:
        with acting_as(actor):
            lift = Equipment(**install)
            for command in commands:
                run(lift, command)
            if retire:
                lift.retire()
        events = lift.collect_events()

        assert len(events) == lift.version == 1 + len(commands) + retire
        assert set(stamps(events)) == {(actor.id, actor.request_id)}
        assert rebuild(events) == lift
        expected = expected_equipment(install, commands, retire)
        assert {k: getattr(lift, k) for k in expected} == expected

    @PROPERTY
    @given(
        install=equipment_installations(),
        commands=st.lists(equipment_commands, min_size=1, max_size=10),
    )
    def test_replaying_part_of_the_history_shows_the_equipment_as_it_was_then(
        self, install: dict[str, Any], commands: list[Command]
    ) -> None:
        with acting_as(Actor.system()):
            lift = Equipment(**install)
            states = [deepcopy(state(lift))]
            for command in commands:
                run(lift, command)
                states.append(deepcopy(state(lift)))
        events = lift.collect_events()

        for instant, then in enumerate(states):
            assert state(rebuild(events[: instant + 1])) == then

    @PROPERTY
    @given(
        install=equipment_installations(),
        commands=st.lists(
            st.tuples(st.booleans(), equipment_commands, refused_equipment_commands), max_size=12
        ),
    )
    def test_refused_commands_leave_no_event_and_no_change(
        self, install: dict[str, Any], commands: list[tuple[bool, Command, Command]]
    ) -> None:
        with acting_as(Actor.system()):
            lift = Equipment(**install)
            accepted = 0
            for valid, good, bad in commands:
                if valid:
                    run(lift, good)
                    accepted += 1
                    continue
                before = deepcopy(state(lift))
                with pytest.raises(InvalidValue) as refused:
                    run(lift, bad)
                assert refused.value.field in {"status", "category"}
                assert state(lift) == before
        events = lift.collect_events()

        assert len(events) == 1 + accepted
        assert rebuild(events) == lift

    @PROPERTY
    @given(
        install=equipment_installations(),
        history=st.lists(equipment_commands, max_size=8),
        attempt=any_equipment_command,
    )
    def test_a_retired_equipment_refuses_every_command_and_stays_as_it_was(
        self, install: dict[str, Any], history: list[Command], attempt: Command
    ) -> None:
        with acting_as(Actor.system()):
            lift = Equipment(**install)
            for command in history:
                run(lift, command)
            lift.retire()
            lift.collect_events()
            before = deepcopy(vars(lift))
            with pytest.raises(EquipmentRetired) as refused:
                run(lift, attempt)

        assert refused.value.code == "equipment_retired"
        assert vars(lift) == before
        assert lift.pending_events == []


class TestBuildingReplay:
    @PROPERTY
    @given(commands=st.lists(building_commands, max_size=20), archive=st.booleans(), actor=actors)
    def test_rebuilt_from_its_events_alone_it_is_the_same_building(
        self, commands: list[Command], archive: bool, actor: Actor
    ) -> None:
        housed: set[Any] = set()
        with acting_as(actor):
            building = Building(copro_id=COPRO_ID, name="Bâtiment A", description="", order=0)
            for name, kwargs in commands:
                run(building, (name, kwargs))
                if name == "house":
                    housed.add(kwargs["equipment_id"])
                elif name == "release":
                    housed.discard(kwargs["equipment_id"])
            archived = archive and not housed
            if archived:
                building.archive()
        events = building.collect_events()

        assert building.equipment_ids == housed
        assert building.archived is archived
        assert len(events) == building.version == 1 + len(commands) + archived
        assert set(stamps(events)) == {(actor.id, actor.request_id)}
        assert rebuild(events) == building

    @PROPERTY
    @given(commands=st.lists(building_commands, min_size=1, max_size=20))
    def test_archiving_is_refused_exactly_while_equipment_is_housed(
        self, commands: list[Command]
    ) -> None:
        with acting_as(Actor.system()):
            building = Building(copro_id=COPRO_ID, name="Bâtiment A", description="", order=0)
            for command in commands:
                run(building, command)
            if building.equipment_ids:
                with pytest.raises(BuildingHasActiveEquipment) as refused:
                    building.archive()
                assert refused.value.code == "building_has_active_equipment"
                assert building.archived is False
            else:
                building.archive()
                assert building.archived is True

    @PROPERTY
    @given(attempt=building_commands.filter(lambda c: c[0] != "release"))
    def test_an_archived_building_refuses_changes_and_new_equipment(self, attempt: Command) -> None:
        with acting_as(Actor.system()):
            building = Building(copro_id=COPRO_ID, name="Bâtiment A", description="", order=0)
            building.archive()
            before = deepcopy(vars(building))
            with pytest.raises(BuildingArchived):
                run(building, attempt)
        assert vars(building) == before
