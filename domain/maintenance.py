"""A maintenance window: planned work on some equipment, from its start to its end.

It starts and completes on time by itself (the scheduler issues the commands as `system`), or
earlier by a manager's hand. When it really started or completed is the timestamp of the event
that says so, not a value anyone typed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.errors import InvalidValue, RuleBroken


class State(StrEnum):
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


# The states each command is allowed from; any other is a refused transition.
ALLOWED_FROM: dict[str, tuple[State, ...]] = {
    "edit": (State.SCHEDULED,),
    "start": (State.SCHEDULED,),
    "extend": (State.SCHEDULED, State.IN_PROGRESS),
    "complete": (State.IN_PROGRESS,),
    "cancel": (State.SCHEDULED, State.IN_PROGRESS),
}

DONE = {
    "edit": "edited",
    "start": "started",
    "extend": "extended",
    "complete": "completed",
    "cancel": "cancelled",
}

EDITABLE_FIELDS = ("title", "description", "equipment_ids", "starts_at", "ends_at")


class Maintenance(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Scheduled: ClassVar[type[Any]]
        Edited: ClassVar[type[Any]]
        Extended: ClassVar[type[Any]]
        Cancelled: ClassVar[type[Any]]

    @event("Scheduled")
    def __init__(
        self,
        copro_id: UUID,
        title: str,
        description: str,
        equipment_ids: list[UUID],
        starts_at: datetime,
        ends_at: datetime,
    ) -> None:
        check_equipment(equipment_ids)
        check_period(starts_at, ends_at, "ends_at")
        self.copro_id = copro_id
        self.title = title
        self.description = description
        self.equipment_ids = list(equipment_ids)
        self.starts_at = starts_at
        self.ends_at = ends_at
        self.state = State.SCHEDULED.value
        self.started_at: datetime | None = None
        self.completed_at: datetime | None = None
        self.cancel_reason: str | None = None

    @event("Edited")
    def edit(self, changes: dict[str, Any]) -> None:
        """Changes the plan before it starts; `changes` holds only what differs."""
        self.check_allowed("edit")
        if "equipment_ids" in changes:
            check_equipment(changes["equipment_ids"])
        # A moved start is named when the end was left as it was.
        blamed = "ends_at" if "ends_at" in changes else "starts_at"
        check_period(
            changes.get("starts_at", self.starts_at), changes.get("ends_at", self.ends_at), blamed
        )
        for name, value in changes.items():
            setattr(self, name, list(value) if name == "equipment_ids" else value)

    class Started(CondoAggregate.Event):
        def apply(self, aggregate: Any) -> None:
            aggregate.started_at = self.timestamp

    @event(Started)
    def start(self) -> None:
        self.check_allowed("start")
        self.state = State.IN_PROGRESS.value

    @event("Extended")
    def extend(self, ends_at: datetime) -> None:
        self.check_allowed("extend")
        check_aware(ends_at, "ends_at")
        if ends_at <= self.ends_at:
            raise InvalidValue("ends_at", "must be later than the current end")
        self.ends_at = ends_at

    class Completed(CondoAggregate.Event):
        def apply(self, aggregate: Any) -> None:
            aggregate.completed_at = self.timestamp

    @event(Completed)
    def complete(self) -> None:
        self.check_allowed("complete")
        self.state = State.COMPLETED.value

    @event("Cancelled")
    def cancel(self, reason: str | None) -> None:
        self.check_allowed("cancel")
        self.state = State.CANCELLED.value
        self.cancel_reason = reason

    def check_allowed(self, command: str) -> None:
        if self.state not in ALLOWED_FROM[command]:
            raise MaintenanceTransitionNotAllowed(
                f"a maintenance that is {self.state} cannot be {DONE[command]}", state=self.state
            )


def check_aware(value: datetime, field: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidValue(field, "must say its time zone (UTC ISO 8601)")


def in_utc(value: datetime, field: str) -> datetime:
    """The same instant in UTC; a time without a zone could mean any instant."""
    check_aware(value, field)
    return value.astimezone(UTC)


def check_period(starts_at: datetime, ends_at: datetime, field: str) -> None:
    check_aware(starts_at, "starts_at")
    check_aware(ends_at, "ends_at")
    if ends_at <= starts_at:
        raise InvalidValue(field, "the end must come after the start")


def check_equipment(equipment_ids: list[UUID]) -> None:
    if not equipment_ids:
        raise InvalidValue("equipment_ids", "name at least one piece of equipment")
    if len(set(equipment_ids)) != len(equipment_ids):
        raise InvalidValue("equipment_ids", "names the same equipment twice")


class MaintenanceTransitionNotAllowed(RuleBroken):
    code = "maintenance_transition_not_allowed"
