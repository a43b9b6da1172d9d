"""What every aggregate of the condo shares: who caused each event, and through which request.

The actor and request id are event attributes (so they are replayed, exported and audited
with the event), but commands do not pass them: the application sets them for the duration of
one command with `acting_as`, and every event triggered meanwhile carries them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from uuid import uuid4

from eventsourcing.domain import Aggregate

from domain.errors import InvalidValue

ANONYMOUS = "anonymous"
SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    """Who asks for a command: an account id, `anonymous` or `system`."""

    id: str
    request_id: str = field(default_factory=lambda: uuid4().hex)

    @classmethod
    def anonymous(cls, request_id: str | None = None) -> Actor:
        return cls(ANONYMOUS, request_id or uuid4().hex)

    @classmethod
    def system(cls, request_id: str | None = None) -> Actor:
        return cls(SYSTEM, request_id or uuid4().hex)

    @property
    def is_system(self) -> bool:
        return self.id == SYSTEM

    @property
    def is_anonymous(self) -> bool:
        return self.id == ANONYMOUS


_current_actor: ContextVar[Actor | None] = ContextVar("current_actor", default=None)


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    token = _current_actor.set(actor)
    try:
        yield
    finally:
        _current_actor.reset(token)


def _stamp(kwargs: dict[str, Any]) -> None:
    actor = _current_actor.get()
    if actor is None:
        # An event without its author would make the audit trail lie.
        raise RuntimeError("events can only be triggered inside acting_as(actor)")
    kwargs.setdefault("actor", actor.id)
    kwargs.setdefault("request_id", actor.request_id)


class CondoAggregate(Aggregate):
    """Base of every aggregate: its events carry `actor` and `request_id`."""

    class Event(Aggregate.Event):
        # Bumped with an `upcast_vN_vN+1(state)` static method whenever the shape changes,
        # so events stored in an older shape still replay.
        class_version = 1

        actor: str
        request_id: str

    class Created(Event, Aggregate.Created):
        pass

    @classmethod
    def _create(cls, event_class: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        _stamp(kwargs)
        return super()._create(event_class, **kwargs)

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        _stamp(kwargs)
        super().trigger_event(event_class, **kwargs)


def one_of(choices: type[StrEnum], value: str, field_name: str) -> str:
    """`value` if it names a member of `choices`, else a refusal naming the field."""
    try:
        return choices(value).value
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise InvalidValue(field_name, f"must be one of: {allowed}") from None
