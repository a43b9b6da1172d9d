"""An invitation to join a condo, sent by one of its managers to a person by their email.

A person who already has an account joins another condo only by accepting; until then the
condo learns nothing about them. The invitation never names the email (personal data stays out
of events): its `account_id` is the id its invitee answers to, the claim of their email
(`domain.email_claim`), which is the same whether or not the email has an account yet, so an
email without one is invited alike and the invitation waits for its owner to sign up.
Invitations sent before email claims named an account's old-scheme id (a UUIDv5 of the email)
there, which is where the field's name comes from: an account answers to its own id too.

There is one invitation per condo and invitee (its id is derived from both), so inviting
twice at the same moment collides in the event store, and inviting again after an answer
renews it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.account import Role
from domain.base import CondoAggregate, one_of
from domain.errors import RuleBroken

INVITATIONS_NAMESPACE = uuid5(NAMESPACE_URL, "https://copro.example/invitations")


def invitation_id_for(copro_id: UUID, invitee_id: UUID) -> UUID:
    return uuid5(INVITATIONS_NAMESPACE, f"{copro_id}/{invitee_id}")


class InvitationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class Invitation(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Accepted: ClassVar[type[Any]]
        Declined: ClassVar[type[Any]]
        Cancelled: ClassVar[type[Any]]

    class Sent(CondoAggregate.Created):
        copro_id: UUID
        account_id: UUID
        role: str
        building_id: UUID | None
        lot: str | None
        floor: str | None

    @event(Sent)
    def __init__(
        self,
        id: UUID,
        copro_id: UUID,
        account_id: UUID,
        role: str,
        building_id: UUID | None,
        lot: str | None,
        floor: str | None,
    ) -> None:
        self.copro_id = copro_id
        self.account_id = account_id
        self._offer(role, building_id, lot, floor)

    class Renewed(CondoAggregate.Event):
        role: str
        building_id: UUID | None
        lot: str | None
        floor: str | None

    @event(Renewed)
    def renew(
        self, role: str, building_id: UUID | None, lot: str | None, floor: str | None
    ) -> None:
        """Invites again, with this role and home, once the last invitation was answered."""
        if self.status == InvitationStatus.PENDING:
            raise AlreadyInvited("this person's invitation awaits their answer")
        self._offer(role, building_id, lot, floor)

    @event("Accepted")
    def accept(self) -> None:
        self._answer(InvitationStatus.ACCEPTED)

    @event("Declined")
    def decline(self) -> None:
        self._answer(InvitationStatus.DECLINED)

    @event("Cancelled")
    def cancel(self) -> None:
        self._answer(InvitationStatus.CANCELLED)

    def _offer(
        self, role: str, building_id: UUID | None, lot: str | None, floor: str | None
    ) -> None:
        self.role = one_of(Role, role, "role")
        self.building_id = building_id
        self.lot = lot
        self.floor = floor
        self.status = InvitationStatus.PENDING.value

    def _answer(self, status: InvitationStatus) -> None:
        if self.status != InvitationStatus.PENDING:
            raise InvitationClosed(f"this invitation is {self.status}")
        self.status = status.value


class AlreadyInvited(RuleBroken):
    code = "already_invited"


class InvitationClosed(RuleBroken):
    code = "invitation_closed"
