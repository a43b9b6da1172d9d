"""A condo's managers roster: it always keeps one manager; condos registered before it existed
replay as such."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import StoredEvent

from domain.roster import LastManager, ManagerRoster, roster_id

from .builders import COPRO_ID, as_manager, new_condo, rebuild
from .test_events_roundtrip import json_mapper, through_json

CLAIRE, PAUL = uuid4(), uuid4()


def new_roster(*managers: UUID) -> ManagerRoster:
    with as_manager():
        return ManagerRoster(id=roster_id(COPRO_ID), copro_id=COPRO_ID, managers=list(managers))


class TestRemove:
    def test_a_manager_steps_down_while_another_one_stays(self) -> None:
        roster = new_roster(CLAIRE, PAUL)
        with as_manager():
            roster.remove(account_id=CLAIRE)
        assert roster.managers == [PAUL]

    def test_the_last_manager_cannot_be_removed(self) -> None:
        roster = new_roster(CLAIRE)
        with as_manager(), pytest.raises(LastManager) as refused:
            roster.remove(account_id=CLAIRE)
        assert refused.value.code == "last_manager"
        assert roster.managers == [CLAIRE]


class TestAdd:
    def test_a_manager_is_on_the_roster_once(self) -> None:
        roster = new_roster()
        with as_manager():
            roster.add(account_id=CLAIRE)
            roster.add(account_id=CLAIRE)
        assert roster.managers == [CLAIRE]

    def test_a_history_read_back_from_json_rebuilds_the_same_roster(self) -> None:
        roster = new_roster(CLAIRE)
        with as_manager():
            roster.add(account_id=PAUL)
            roster.remove(account_id=CLAIRE)
        assert rebuild(through_json(roster.collect_events())) == roster


class TestCondosRegisteredBeforeRosters:
    def test_a_new_condo_keeps_its_managers_on_a_roster(self) -> None:
        assert new_condo().managers_on_roster is True

    def test_a_condo_registered_before_rosters_replays_without_one(self) -> None:
        stored = json_mapper().to_stored_event(new_condo().collect_events()[0])
        # Condo.Registered as version 1 stored it: no `managers_on_roster`, no class_version.
        v1_state = stored.state.replace(b',"managers_on_roster":true', b"").replace(
            b',"class_version":2', b""
        )
        assert b"managers_on_roster" not in v1_state and b"class_version" not in v1_state
        old = StoredEvent(stored.originator_id, 1, stored.topic, v1_state)
        condo = rebuild([json_mapper().to_domain_event(old)])
        assert condo.managers_on_roster is False
        assert condo.name == "Résidence Les Tilleuls"
