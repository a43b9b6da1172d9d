"""Who manages a condo: the one aggregate every change of a condo's managers writes.

A condo always keeps at least one manager. Roles live on each account, so two managers demoting
each other at the same moment would each still see the other one; both changes also write this
roster, at the same next version, and the event store's primary key lets only one through. Its
id is derived from the condo's, so two commands creating it at once collide the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.errors import RuleBroken

ROSTERS_NAMESPACE = uuid5(NAMESPACE_URL, "https://copro.example/manager-rosters")


def roster_id(copro_id: UUID) -> UUID:
    return uuid5(ROSTERS_NAMESPACE, str(copro_id))


class ManagerRoster(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        ManagerAdded: ClassVar[type[Any]]
        ManagerRemoved: ClassVar[type[Any]]

    class DrawnUp(CondoAggregate.Created):
        copro_id: UUID
        managers: list[UUID]

    @event(DrawnUp)
    def __init__(self, id: UUID, copro_id: UUID, managers: list[UUID]) -> None:
        """The condo's managers as they stand when the roster begins: none for a new condo,
        those its accounts' history names for a condo registered before rosters."""
        self.copro_id = copro_id
        self.managers = list(managers)

    @event("ManagerAdded")
    def add(self, account_id: UUID) -> None:
        if account_id not in self.managers:
            self.managers.append(account_id)

    @event("ManagerRemoved")
    def remove(self, account_id: UUID) -> None:
        self.check_keeps_a_manager(without=account_id)
        self.managers.remove(account_id)

    def check_keeps_a_manager(self, without: UUID) -> None:
        if self.managers == [without]:
            raise LastManager("a condo keeps at least one manager: appoint another one first")


class LastManager(RuleBroken):
    code = "last_manager"
