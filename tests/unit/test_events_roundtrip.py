"""Events survive being written as JSON and read back: a history rebuilds the same state."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from uuid import uuid4

import pytest
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    UUIDAsHex,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Actor, acting_as
from domain.equipment import Equipment

from .builders import (
    as_manager,
    new_account,
    new_building,
    new_claim,
    new_condo,
    new_equipment,
    rebuild,
)
from .strategies import Command, equipment_commands, equipment_installations, run


def json_mapper() -> Mapper[Any]:
    """The transcodings the application registers, and nothing more."""
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DatetimeAsISO(), DecimalAsStr()):
        transcoder.register(transcoding)
    return Mapper(transcoder=transcoder)


def through_json(events: Sequence[Any]) -> list[Any]:
    mapper = json_mapper()
    stored = [mapper.to_stored_event(e) for e in events]
    return [mapper.to_domain_event(s) for s in stored]


def rich_lift_history() -> Any:
    lift = new_equipment(location=None)
    with acting_as(Actor("manager-1", "req-status")):
        lift.set_status(status="major_outage", note="Bloqué au 3ᵉ étage — « urgent »")
    with acting_as(Actor.system("req-scheduler")):
        lift.set_status(status="maintenance", note=None)
    with as_manager():
        lift.edit(
            changes={
                "name": "Ascenseur n°1",
                "category": "lift",
                "location": "Hall",
                "order": -2,
                "code": None,
            }
        )
        lift.move(building_id=uuid4())
        lift.set_status(status="operational", note="")
        lift.retire()
    return lift


def rich_building_history() -> Any:
    building, lift, light = new_building(), uuid4(), uuid4()
    with as_manager():
        building.rename(name="Bâtiment « Les Érables »")
        building.describe(description="Entrée\nrue Garibaldi")
        building.reorder(order=3)
        building.house(equipment_id=lift)
        building.house(equipment_id=light)
        building.release(equipment_id=lift)
        building.release(equipment_id=light)
        building.archive()
    return building


def rich_account_history() -> Any:
    account = new_account()
    with as_manager():
        account.grant_role(
            copro_id=uuid4(), role="resident", building_id=uuid4(), lot="12", floor="3"
        )
        account.grant_role(copro_id=uuid4(), role="auditor", building_id=None, lot=None, floor=None)
        account.activate()
        account.grant_admin()
        account.deactivate()
    return account


def rich_condo_history() -> Any:
    condo = new_condo()
    with as_manager():
        condo.update(
            changes={"slug": "tilleuls", "public_status_page": False, "country": "Belgique"}
        )
        condo.archive()
    return condo


def rich_claim_history() -> Any:
    claim = new_claim(kind="equipment", name="Ascenseur 1")
    with as_manager():
        claim.release()
        claim.reclaim(name="ASCENSEUR 1", holder_id=uuid4())
    return claim


HISTORIES = {
    "equipment": rich_lift_history,
    "building": rich_building_history,
    "account": rich_account_history,
    "condo": rich_condo_history,
    "name claim": rich_claim_history,
}


class TestJSONRoundTrip:
    @pytest.mark.parametrize("history", HISTORIES)
    def test_a_history_read_back_from_json_rebuilds_the_same_aggregate(self, history: str) -> None:
        aggregate = HISTORIES[history]()
        events = aggregate.collect_events()
        assert rebuild(through_json(events)) == aggregate

    @pytest.mark.parametrize("history", HISTORIES)
    def test_each_event_reads_back_with_its_class_actor_and_request(self, history: str) -> None:
        events = HISTORIES[history]().collect_events()
        for original, read_back in zip(events, through_json(events), strict=True):
            assert type(read_back) is type(original)
            assert vars(read_back) == vars(original)

    def test_the_stored_state_is_plain_json_naming_who_caused_the_event(self) -> None:
        events = rich_lift_history().collect_events()
        stored = json_mapper().to_stored_event(events[1])
        state = json.loads(stored.state)
        assert (state["actor"], state["request_id"]) == ("manager-1", "req-status")
        assert state["note"] == "Bloqué au 3ᵉ étage — « urgent »"
        assert stored.originator_version == 2

    def test_stored_events_are_filed_under_stable_topics(self) -> None:
        events = rich_lift_history().collect_events()
        topics = [json_mapper().to_stored_event(e).topic for e in events]
        assert topics == [
            f"domain.equipment:Equipment.{name}"
            for name in [
                "Installed",
                "StatusSet",
                "StatusSet",
                "Edited",
                "Moved",
                "StatusSet",
                "Retired",
            ]
        ]

    @settings(max_examples=50, deadline=None)
    @given(install=equipment_installations(), commands=st.lists(equipment_commands, max_size=12))
    def test_any_equipment_history_survives_json(
        self, install: dict[str, Any], commands: list[Command]
    ) -> None:
        with acting_as(Actor.system()):
            lift = Equipment(**install)
            for command in commands:
                run(lift, command)
        assert rebuild(through_json(lift.collect_events())) == lift
