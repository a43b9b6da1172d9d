"""An account: a person's access to the platform and their roles per condo.

An account's id is random: it tells nothing of the person's email, and stays in the log
forever. One email opens one account because the account claims its email in the same save
(`domain.email_claim`). Accounts opened before email claims have a UUIDv5 of their email as id
(`old_scheme_account_id`): that id is in the log and stays computable from the email. The
email, names and password hash are personal data and live in the erasable people store.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.base import CondoAggregate, one_of
from domain.errors import Forbidden, NotFound, RuleBroken

ACCOUNTS_NAMESPACE = uuid5(NAMESPACE_URL, "https://copro.example/accounts")


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def old_scheme_account_id(email: str) -> UUID:
    """The id an account of this email was opened under before email claims."""
    return uuid5(ACCOUNTS_NAMESPACE, normalise_email(email))


class Role(StrEnum):
    RESIDENT = "resident"
    MANAGER = "manager"
    AUDITOR = "auditor"


class AccountStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


class Account(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        RoleGranted: ClassVar[type[Any]]
        AdminGranted: ClassVar[type[Any]]
        OperatorGranted: ClassVar[type[Any]]
        PasswordChanged: ClassVar[type[Any]]
        Erased: ClassVar[type[Any]]
        Activated: ClassVar[type[Any]]
        Deactivated: ClassVar[type[Any]]

    class Opened(CondoAggregate.Created):
        # v2 added platform operators; accounts opened before were not operators.
        class_version = 2

        status: str
        is_admin: bool
        is_operator: bool

        @staticmethod
        def upcast_v1_v2(state: dict[str, object]) -> None:
            state["is_operator"] = False

    @event(Opened)
    def __init__(self, id: UUID, status: str, is_admin: bool, is_operator: bool = False) -> None:
        self.status = one_of(AccountStatus, status, "status")
        self.is_admin = is_admin
        self.is_operator = is_operator
        self.erased = False
        # copro id (str, so the state stays JSON-friendly) → role and home in that condo
        self.memberships: dict[str, dict[str, object]] = {}

    def join(
        self,
        copro_id: UUID,
        role: str,
        building_id: UUID | None,
        lot: str | None,
        floor: str | None,
    ) -> None:
        """Gives the account a role and a home in a condo it is not a member of yet; a role
        held there changes only through `change_role`."""
        self.check_not_member(copro_id)
        self.grant_role(copro_id=copro_id, role=role, building_id=building_id, lot=lot, floor=floor)

    @event("RoleGranted")
    def grant_role(
        self,
        copro_id: UUID,
        role: str,
        building_id: UUID | None,
        lot: str | None,
        floor: str | None,
    ) -> None:
        # Replaces what was held there: stored histories granted roles again before a role
        # change was its own command, and must replay as they happened. Commands use `join`.
        self.memberships[str(copro_id)] = {
            "role": one_of(Role, role, "role"),
            "building_id": building_id,
            "lot": lot,
            "floor": floor,
        }

    class RoleChanged(CondoAggregate.Event):
        copro_id: UUID
        role: str

    @event(RoleChanged)
    def change_role(self, copro_id: UUID, role: str) -> None:
        """Gives a member of the condo another role there; their home stays."""
        self.check_member(copro_id)
        self.memberships[str(copro_id)]["role"] = one_of(Role, role, "role")

    class MembershipEnded(CondoAggregate.Event):
        copro_id: UUID

    @event(MembershipEnded)
    def end_membership(self, copro_id: UUID) -> None:
        """Takes the account out of one condo; its other memberships and itself stay."""
        self.check_member(copro_id)
        del self.memberships[str(copro_id)]

    @event("AdminGranted")
    def grant_admin(self) -> None:
        self.is_admin = True

    @event("OperatorGranted")
    def grant_operator(self) -> None:
        self.is_operator = True

    @event("PasswordChanged")
    def change_password(self) -> None:
        """Records that the password changed; the hash itself lives with the person."""
        self.check_can_act()

    def erase(self) -> None:
        """Closes the account for good: its person's data is erased from the people store, so
        no one signs in as them again; its history stays, naming it by id."""
        self.check_not_erased()
        if self.status != AccountStatus.DEACTIVATED:
            self.deactivate()
        self.record_erasure()

    @event("Erased")
    def record_erasure(self) -> None:
        self.erased = True

    @event("Activated")
    def activate(self) -> None:
        self.check_not_erased()
        if self.status == AccountStatus.ACTIVE:
            raise AccountStateConflict("this account is already active")
        self.status = AccountStatus.ACTIVE.value

    @event("Deactivated")
    def deactivate(self) -> None:
        if self.status == AccountStatus.DEACTIVATED:
            raise AccountStateConflict("this account is already deactivated")
        self.status = AccountStatus.DEACTIVATED.value

    def check_can_act(self) -> None:
        if not self.can_log_in:
            raise AccountStateConflict(f"this account is {self.status}")

    def check_can_log_in(self) -> None:
        """For one who proved who they are (their password): why they may not sign in."""
        if self.status == AccountStatus.PENDING:
            raise AccountPending("this account awaits activation by a manager of its condo")
        if self.status == AccountStatus.DEACTIVATED:
            raise AccountDeactivated("this account is deactivated")

    def check_not_erased(self) -> None:
        if self.erased:
            raise AccountErased("this account's person was erased")

    def check_member(self, copro_id: UUID) -> None:
        if self.role_in(copro_id) is None:
            raise NotAMember("no such member")

    def check_not_member(self, copro_id: UUID) -> None:
        if self.role_in(copro_id) is not None:
            raise AlreadyMember("this person is already a member of this condo")

    @property
    def can_log_in(self) -> bool:
        return self.status == AccountStatus.ACTIVE

    def role_in(self, copro_id: UUID) -> str | None:
        membership = self.memberships.get(str(copro_id))
        return str(membership["role"]) if membership else None


class AccountStateConflict(RuleBroken):
    code = "account_state_conflict"


class AccountErased(RuleBroken):
    code = "account_erased"


class AlreadyMember(RuleBroken):
    code = "already_member"


class NotAMember(NotFound):
    """Said alike of an account that is not a member and of one that does not exist."""


class AccountPending(Forbidden):
    code = "account_pending"


class AccountDeactivated(Forbidden):
    code = "account_deactivated"
