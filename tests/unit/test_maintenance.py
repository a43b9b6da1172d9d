"""A maintenance window: its plan, every transition allowed or refused, and its replay."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Actor, acting_as
from domain.errors import InvalidValue
from domain.maintenance import Maintenance, MaintenanceTransitionNotAllowed, in_utc

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, rebuild
from .test_events_roundtrip import through_json

START = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
END = START + timedelta(hours=4)
LIFT, LIGHT = UUID(int=1), UUID(int=2)


def new_window(**overrides: Any) -> Maintenance:
    fields: dict[str, Any] = {
        "copro_id": COPRO_ID,
        "title": "Révision annuelle de l'ascenseur",
        "description": "Ascenseur arrêté toute la matinée",
        "equipment_ids": [LIFT],
        "starts_at": START,
        "ends_at": END,
    }
    with as_manager():
        return Maintenance(**(fields | overrides))


# How to bring a new window into each state, and each command with valid arguments.
REACH: dict[str, list[str]] = {
    "scheduled": [],
    "in_progress": ["start"],
    "completed": ["start", "complete"],
    "cancelled": ["cancel"],
}

COMMANDS: dict[str, Callable[[Maintenance], None]] = {
    "edit": lambda w: w.edit(changes={"title": "Révision reportée"}),
    "start": lambda w: w.start(),
    "extend": lambda w: w.extend(ends_at=w.ends_at + timedelta(hours=2)),
    "complete": lambda w: w.complete(),
    "cancel": lambda w: w.cancel(reason="technicien malade"),
}


def window_in(state: str) -> Maintenance:
    window = new_window()
    with as_manager():
        for command in REACH[state]:
            COMMANDS[command](window)
    assert window.state == state
    return window


# The whole from × command matrix, written out: the state each allowed command leads to.
ALLOWED = [
    ("scheduled", "edit", "scheduled"),
    ("scheduled", "start", "in_progress"),
    ("scheduled", "extend", "scheduled"),
    ("scheduled", "cancel", "cancelled"),
    ("in_progress", "extend", "in_progress"),
    ("in_progress", "complete", "completed"),
    ("in_progress", "cancel", "cancelled"),
]
REFUSED = [
    ("scheduled", "complete"),
    ("in_progress", "edit"),
    ("in_progress", "start"),
    ("completed", "edit"),
    ("completed", "start"),
    ("completed", "extend"),
    ("completed", "complete"),
    ("completed", "cancel"),
    ("cancelled", "edit"),
    ("cancelled", "start"),
    ("cancelled", "extend"),
    ("cancelled", "complete"),
    ("cancelled", "cancel"),
]


class TestTransitionMatrix:
    def test_covers_every_state_and_command(self) -> None:
        pairs = {(s, c) for s, c, _ in ALLOWED} | set(REFUSED)
        assert pairs == {(s, c) for s in REACH for c in COMMANDS}
        assert len(pairs) == len(ALLOWED) + len(REFUSED) == 20

    @pytest.mark.parametrize(("state", "command", "after"), ALLOWED)
    def test_an_allowed_command_records_one_event_and_leads_to_its_state(
        self, state: str, command: str, after: str
    ) -> None:
        window = window_in(state)
        before = window.version
        with as_manager():
            COMMANDS[command](window)
        assert window.state == after
        assert window.version == before + 1
        assert last_event(window).actor == MANAGER.id

    @pytest.mark.parametrize(("state", "command"), REFUSED)
    def test_a_refused_command_is_a_conflict_and_changes_nothing(
        self, state: str, command: str
    ) -> None:
        window = window_in(state)
        before = deepcopy(vars(window))
        with as_manager(), pytest.raises(MaintenanceTransitionNotAllowed) as refused:
            COMMANDS[command](window)
        assert refused.value.code == "maintenance_transition_not_allowed"
        assert refused.value.details == {"state": state}
        assert state in refused.value.message
        assert vars(window) == before


class TestSchedule:
    def test_plans_a_window_that_has_not_started(self) -> None:
        window = new_window(equipment_ids=[LIFT, LIGHT])
        assert (window.copro_id, window.state) == (COPRO_ID, "scheduled")
        assert (window.starts_at, window.ends_at) == (START, END)
        assert window.equipment_ids == [LIFT, LIGHT]
        assert (window.started_at, window.completed_at, window.cancel_reason) == (None, None, None)
        assert event_names(window) == ["Scheduled"]
        assert last_event(window).actor == MANAGER.id

    @pytest.mark.parametrize("ends_at", [START, START - timedelta(minutes=1)])
    def test_refuses_an_end_that_is_not_after_the_start_naming_ends_at(
        self, ends_at: datetime
    ) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_window(ends_at=ends_at)
        assert refused.value.field == "ends_at"

    @pytest.mark.parametrize("field", ["starts_at", "ends_at"])
    def test_refuses_a_time_without_a_zone_naming_it(self, field: str) -> None:
        naive = {"starts_at": START, "ends_at": END}[field].replace(tzinfo=None)
        with pytest.raises(InvalidValue) as refused:
            new_window(**{field: naive})
        assert refused.value.field == field

    @pytest.mark.parametrize("equipment_ids", [[], [LIFT, LIFT]])
    def test_refuses_no_equipment_or_the_same_twice(self, equipment_ids: list[UUID]) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_window(equipment_ids=equipment_ids)
        assert refused.value.field == "equipment_ids"

    def test_a_time_in_another_zone_is_the_same_instant_in_utc(self) -> None:
        paris = timezone(timedelta(hours=1))
        converted = in_utc(datetime(2025, 3, 10, 9, 0, tzinfo=paris), "starts_at")
        assert converted == START and converted.tzinfo is UTC


class TestStartAndComplete:
    def test_the_events_say_when_it_really_started_and_completed_and_who_did_it(self) -> None:
        window = new_window()
        with acting_as(Actor.system("req-scheduler")):
            window.start()
        with as_manager():
            window.complete()
        started, completed = list[Any](window.pending_events)[1:]
        assert (window.started_at, window.completed_at) == (started.timestamp, completed.timestamp)
        assert (started.actor, started.request_id) == ("system", "req-scheduler")
        assert completed.actor == MANAGER.id
        assert event_names(window) == ["Scheduled", "Started", "Completed"]

    def test_starting_early_keeps_the_planned_start(self) -> None:
        soon = datetime.now(UTC) + timedelta(days=3)
        window = new_window(starts_at=soon, ends_at=soon + timedelta(hours=2))
        planned = window.starts_at
        with as_manager():
            window.start()
        assert window.starts_at == planned
        assert window.started_at is not None and window.started_at < planned


class TestExtend:
    @pytest.mark.parametrize("state", ["scheduled", "in_progress"])
    def test_moves_the_end_later(self, state: str) -> None:
        window = window_in(state)
        with as_manager():
            window.extend(ends_at=END + timedelta(hours=1))
        assert (window.ends_at, window.state) == (END + timedelta(hours=1), state)
        assert last_event(window).ends_at == END + timedelta(hours=1)

    @pytest.mark.parametrize("ends_at", [END, END - timedelta(hours=1), START - timedelta(days=1)])
    def test_refuses_an_end_that_is_not_later_naming_ends_at(self, ends_at: datetime) -> None:
        window = window_in("in_progress")
        with as_manager(), pytest.raises(InvalidValue) as refused:
            window.extend(ends_at=ends_at)
        assert refused.value.field == "ends_at"
        assert window.ends_at == END

    def test_refuses_a_time_without_a_zone(self) -> None:
        window = new_window()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            window.extend(ends_at=(END + timedelta(hours=1)).replace(tzinfo=None))
        assert refused.value.field == "ends_at"


class TestEdit:
    def test_changes_the_plan_and_records_only_the_changes(self) -> None:
        window = new_window()
        changes = {"equipment_ids": [LIGHT], "starts_at": START + timedelta(days=1)}
        changes["ends_at"] = END + timedelta(days=1)
        with as_manager():
            window.edit(changes=changes)
        assert (window.equipment_ids, window.starts_at) == ([LIGHT], START + timedelta(days=1))
        assert last_event(window).changes == changes
        assert window.title == "Révision annuelle de l'ascenseur"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"starts_at": END}, "starts_at"),
            ({"ends_at": START - timedelta(hours=1)}, "ends_at"),
            ({"starts_at": END, "ends_at": END}, "ends_at"),
            ({"equipment_ids": []}, "equipment_ids"),
        ],
    )
    def test_refuses_a_plan_that_ends_before_it_starts_naming_the_field_moved(
        self, changes: dict[str, Any], field: str
    ) -> None:
        window = new_window()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            window.edit(changes=changes)
        assert refused.value.field == field
        assert (window.starts_at, window.ends_at, window.version) == (START, END, 1)


class TestCancel:
    @pytest.mark.parametrize("reason", ["intervenant indisponible", None])
    def test_keeps_the_reason_when_given(self, reason: str | None) -> None:
        window = window_in("in_progress")
        with as_manager():
            window.cancel(reason=reason)
        assert (window.state, window.cancel_reason) == ("cancelled", reason)
        assert last_event(window).reason == reason


# -- any valid history replays to the same window ---------------------------------------------

texts = st.text(min_size=3, max_size=40)
equipment_lists = st.lists(
    st.sampled_from([UUID(int=n) for n in range(1, 6)]), min_size=1, max_size=4, unique=True
)
offsets = st.integers(min_value=1, max_value=10_000).map(lambda m: timedelta(minutes=m))


ALLOWED_IN = {command: {state for state, c, _ in ALLOWED if c == command} for command in COMMANDS}


@st.composite
def valid_command(draw: st.DrawFn, window: Maintenance) -> tuple[str, dict[str, Any]]:
    """A command this window accepts in its current state, with valid arguments."""
    options = [c for c in COMMANDS if window.state in ALLOWED_IN[c]]
    name = draw(st.sampled_from(options))
    if name == "edit":
        changes: dict[str, Any] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "title": texts,
                    "description": st.text(max_size=40),
                    "equipment_ids": equipment_lists,
                },
            )
        )
        if draw(st.booleans()):
            starts_at = window.starts_at + draw(offsets)
            changes |= {"starts_at": starts_at, "ends_at": starts_at + draw(offsets)}
        return name, {"changes": changes}
    if name == "extend":
        return name, {"ends_at": window.ends_at + draw(offsets)}
    if name == "cancel":
        return name, {"reason": draw(st.none() | texts)}
    return name, {}


class TestReplay:
    @settings(max_examples=60, deadline=None)
    @given(
        data=st.data(),
        steps=st.integers(min_value=0, max_value=12),
        actor=st.sampled_from(["system", "manager-1"]),
    )
    def test_any_valid_history_rebuilds_the_same_window(
        self, data: st.DataObject, steps: int, actor: str
    ) -> None:
        with acting_as(Actor(actor)):
            window = Maintenance(
                copro_id=uuid4(),
                title=data.draw(texts),
                description="",
                equipment_ids=data.draw(equipment_lists),
                starts_at=START,
                ends_at=START + data.draw(offsets),
            )
            for _ in range(steps):
                if window.state in ("completed", "cancelled"):
                    break
                name, kwargs = data.draw(valid_command(window))
                getattr(window, name)(**kwargs)
        events = list[Any](window.collect_events())

        first, *rest = events
        rebuilt = first.mutate(None)
        for later in rest:
            rebuilt = later.mutate(rebuilt)
        assert rebuilt == window
        assert rebuild(through_json(events)) == rebuilt
        assert {e.actor for e in events} == {actor}
