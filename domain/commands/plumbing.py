"""What every command shares: finding aggregates, checking who asks, claiming names, saving.

Each command method takes the `Actor` asking for it first (`by`), then ids and plain values,
and answers a `Receipt` carrying the position of its last event in the log, so that a reader can
wait until the read models have caught up with it.

A command that meets a concurrent write to one of its aggregates is run again from the start
(re-reading the aggregates and re-checking their rules), a few times: a caller who read nothing
has nothing to be told about. Only a command carrying `expected_version` can be refused with a
version conflict, by its own check on the run that sees the newer version.
"""

from __future__ import annotations

import functools
import inspect
import random
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, Recording

from domain.account import Account, Role
from domain.base import Actor, CondoAggregate, acting_as
from domain.building import Building
from domain.equipment import Equipment
from domain.errors import (
    DomainError,
    Forbidden,
    InvalidValue,
    NotAuthenticated,
    NotFound,
    RuleBroken,
    VersionConflict,
)
from domain.name_claim import NameClaim, claim_id, duplicate
from domain.people import Person

A = TypeVar("A", bound=CondoAggregate)

PLATFORM = "platform"

# How many times a command meeting concurrent writes is run before the caller is asked to retry.
ATTEMPTS = 10


@dataclass(frozen=True)
class Receipt:
    """What every command answers: the aggregate it touched and where its events landed."""

    id: UUID
    version: int
    position: int


class CondosBase(Application):
    """The event-sourced write side's plumbing; the commands live in the parts beside it."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Every command of a part (a public method whose first parameter is `by`) is retried
        on a concurrent write."""
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            parameters = list(inspect.signature(member).parameters)
            if parameters[1:2] == ["by"]:
                setattr(cls, name, retried_on_concurrent_writes(member))

    def __init__(self, env: dict[str, str] | None = None) -> None:
        super().__init__(env)
        self._saved_listeners: list[Callable[[int], None]] = []

    # -- notifications to in-process readers ----------------------------------------------

    def on_saved(self, listener: Callable[[int], None]) -> None:
        """Calls `listener(position)` after each save: wakes an in-process projector."""
        self._saved_listeners.append(listener)

    def _notify(self, recordings: list[Recording[Any]]) -> None:
        if recordings:
            position = max(r.notification.id for r in recordings)
            for listener in self._saved_listeners:
                listener(position)

    # -- the plumbing every command shares --------------------------------------------------

    @contextmanager
    def _command(self, by: Actor) -> Iterator[None]:
        with acting_as(by):
            yield

    def _find(self, cls: type[A], aggregate_id: UUID) -> A | None:
        try:
            aggregate: CondoAggregate = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return aggregate if isinstance(aggregate, cls) else None

    def _get(self, cls: type[A], aggregate_id: UUID) -> A:
        aggregate = self._find(cls, aggregate_id)
        if aggregate is None:
            raise NotFound(f"no such {what(cls)}")
        return aggregate

    def _building_of(self, copro_id: UUID, building_id: UUID, *, field: str) -> Building:
        building = self._find(Building, building_id)
        if building is None or building.copro_id != copro_id:
            raise InvalidValue(field, "no such building in this condo")
        building.check_not_archived()
        return building

    def _in_service(self, copro_id: UUID, equipment_id: UUID) -> bool:
        equipment = self._find(Equipment, equipment_id)
        return equipment is not None and equipment.copro_id == copro_id and not equipment.retired

    def _check_in_service(self, copro_id: UUID, equipment_ids: Iterable[UUID], field: str) -> None:
        for equipment_id in equipment_ids:
            if not self._in_service(copro_id, equipment_id):
                raise InvalidValue(field, f"no equipment {equipment_id} in service in this condo")

    def _signed_in(self, by: Actor) -> Account:
        if by.is_anonymous:
            raise NotAuthenticated("sign in first")
        account = self._find(Account, UUID(by.id))
        if account is None or not account.can_log_in:
            raise NotAuthenticated("this account cannot act")
        return account

    def _require_admin(self, by: Actor) -> None:
        if by.is_system:
            return
        if not self._signed_in(by).is_admin:
            raise Forbidden("only a platform admin can do this")

    def _require_role(self, by: Actor, copro_id: UUID, *roles: Role) -> None:
        """A caller with no role in the condo learns nothing of it: not found, not forbidden."""
        if by.is_system:
            return
        account = self._signed_in(by)
        if account.is_admin:
            return
        role = account.role_in(copro_id)
        if role is None:
            raise NotFound("no such condo")
        if role not in roles:
            raise Forbidden(f"this needs the role: {', '.join(roles)}")

    def _claim(self, scope: str, kind: str, name: str, holder_id: UUID) -> NameClaim:
        claim = self._find(NameClaim, claim_id(scope, kind, name))
        if claim is None:
            return NameClaim(
                id=claim_id(scope, kind, name),
                scope=scope,
                kind=kind,
                name=name,
                holder_id=holder_id,
            )
        claim.reclaim(name=name, holder_id=holder_id)
        return claim

    def _release_claim(self, scope: str, kind: str, name: str | None) -> list[NameClaim]:
        claim = self._find(NameClaim, claim_id(scope, kind, name)) if name else None
        if claim is None:
            return []
        claim.release()
        return [claim]

    def _move_claim(
        self, scope: str, kind: str, old: str | None, new: str | None, holder_id: UUID
    ) -> list[NameClaim]:
        """Claims the new name and frees the old one; a change of case keeps one claim."""
        old_id = claim_id(scope, kind, old) if old else None
        new_id = claim_id(scope, kind, new) if new else None
        if old_id == new_id:
            return []
        moved = self._release_claim(scope, kind, old)
        if new:
            moved.append(self._claim(scope, kind, new, holder_id))
        return moved

    def _save(self, *aggregates: CondoAggregate, people: list[Person] | None = None) -> Receipt:
        try:
            recordings = self.save(*aggregates, people=people or [])
        except IntegrityError:
            raise self._explain_collision(aggregates) from None
        first = aggregates[0]
        position = (
            max(r.notification.id for r in recordings)
            if recordings
            else self.recorder.max_notification_id() or 0
        )
        return Receipt(id=first.id, version=first.version, position=position)

    def _explain_collision(self, aggregates: tuple[CondoAggregate, ...]) -> DomainError:
        """Someone saved first: say which rule their write now enforces on ours."""
        for aggregate in aggregates:
            if isinstance(aggregate, NameClaim):
                current = self._find(NameClaim, aggregate.id)
                if current is not None and current.holder_id not in (None, aggregate.holder_id):
                    return duplicate(aggregate.kind, aggregate.name)
        # Anything else, an email claimed meanwhile among it, is run again: every command that
        # claims an email checked first that it was free, and run again meets that account
        # (`EmailCommands._claim_email`).
        return ConcurrentWrite()


def check_version(aggregate: CondoAggregate, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != aggregate.version:
        raise VersionConflict(aggregate.version)


def only_changed(
    aggregate: object, changes: dict[str, Any], allowed: tuple[str, ...]
) -> dict[str, Any]:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise InvalidValue(sorted(unknown)[0], "cannot be changed")
    return {k: v for k, v in changes.items() if getattr(aggregate, k) != v}


def what(cls: type) -> str:
    return {"Condo": "condo", "NameClaim": "name"}.get(cls.__name__, cls.__name__.lower())


def retried_on_concurrent_writes(command: Callable[..., Receipt]) -> Callable[..., Receipt]:
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Receipt:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return command(*args, **kwargs)
            except ConcurrentWrite:
                if attempt == ATTEMPTS:
                    raise Contention() from None
                # Apart, so that the writers who met do not meet again at once.
                time.sleep(random.uniform(0, 0.003 * attempt))
        raise AssertionError("unreachable")

    return run


class ConcurrentWrite(RuleBroken):
    """Another command saved one of this command's aggregates first; never leaves the
    application: the command is run again."""

    code = "concurrent_write"

    def __init__(self) -> None:
        super().__init__("saved by another command at the same moment")


class Contention(DomainError):
    """The command met concurrent writes on every attempt: the caller may retry it (HTTP 503)."""

    code = "contention"

    def __init__(self) -> None:
        super().__init__("too many changes to this at the same moment, try again", retry_after=1)
