"""Commands on accounts: opening them, signing up, activation, closing, passwords, erasure."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal
from uuid import UUID, uuid4

from eventsourcing.persistence import IntegrityError

from domain.account import Account, AccountStatus, Role, normalise_email, old_scheme_account_id
from domain.base import Actor, CondoAggregate
from domain.commands.members import MemberCommands
from domain.commands.plumbing import ConcurrentWrite, Receipt
from domain.condo import Condo
from domain.email_claim import EmailClaim
from domain.errors import Forbidden, NotAuthenticated, NotFound
from domain.people import Person

PlatformRole = Literal["admin", "operator"]


class AccountCommands(MemberCommands):
    def open_platform_account(
        self,
        by: Actor,
        *,
        role: PlatformRole,
        email: str,
        first_name: str,
        last_name: str,
        password_hash: str,
    ) -> Receipt:
        """Creates a platform admin or operator, or gives an existing account that role;
        running it again with the same email leaves one active account whose password is
        the one last given."""
        with self._command(by):
            if not by.is_system:
                raise Forbidden("platform accounts are created from the command line")
            account = self._account_by_email(email)
            if account is None:
                account = Account(
                    id=uuid4(),
                    status=AccountStatus.ACTIVE,
                    is_admin=role == "admin",
                    is_operator=role == "operator",
                )
                claim = self._claim_email(email, account.id)
                person = self._new_person(account.id, email, first_name, last_name, password_hash)
                return self._save(account, claim, people=[person])
            if role == "admin" and not account.is_admin:
                account.grant_admin()
            if role == "operator" and not account.is_operator:
                account.grant_operator()
            if account.status != AccountStatus.ACTIVE:
                account.activate()
            earlier = self.person(account.id)
            if earlier is None:
                person = self._new_person(account.id, email, first_name, last_name, password_hash)
            else:  # a new password: the sessions of the old one end
                person = sessions_ended(
                    earlier, first_name=first_name, last_name=last_name, password_hash=password_hash
                )
            return self._save(account, people=[person])

    def open_admin_account(
        self, by: Actor, *, email: str, first_name: str, last_name: str, password_hash: str
    ) -> Receipt:
        return self.open_platform_account(
            by,
            role="admin",
            email=email,
            first_name=first_name,
            last_name=last_name,
            password_hash=password_hash,
        )

    def sign_up(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        email: str,
        password_hash: str,
        first_name: str,
        last_name: str,
        building_id: UUID,
        lot: str | None = None,
        floor: str | None = None,
    ) -> Receipt:
        """A resident registers: their account stays pending until a manager of the condo
        activates it. An email that has an account is answered alike and changes nothing:
        whoever signs up learns nothing of it, and its owner loses nothing."""
        with self._command(by):
            condo = self._find(Condo, copro_id)
            if condo is None or condo.archived:
                raise NotFound("no such condo")
            self._building_of(copro_id, building_id, field="building_id")
            account = Account(id=uuid4(), status=AccountStatus.PENDING, is_admin=False)
            account.join(copro_id, Role.RESIDENT, building_id, lot, floor)
            # What a sign-up answers, whether it is saved or not: a new random id either way.
            alike = Receipt(account.id, account.version, self.recorder.max_notification_id() or 0)
            if self._account_by_email(email) is not None:
                return alike
            claim = self._claim_email(email, account.id)
            person = self._new_person(account.id, email, first_name, last_name, password_hash)
            return self._save(account, claim, people=[person])

    def activate_account(self, by: Actor, account_id: UUID) -> Receipt:
        """A manager activates a pending sign-up of their condo; re-opening a closed account
        is the platform admin's."""
        with self._command(by):
            if self._is_admin(by):
                account = self._get(Account, account_id)
            else:
                account, _ = self._managed_memberships(by, account_id)
                if account.status == AccountStatus.DEACTIVATED:
                    raise Forbidden("only a platform admin can re-open a closed account")
            account.activate()
            return self._save(account)

    def deactivate_account(self, by: Actor, account_id: UUID) -> Receipt:
        """A manager takes the person out of their condo; a platform admin closes the account
        itself, ending its sessions."""
        with self._command(by):
            if by.id == str(account_id):
                raise Forbidden("you cannot deactivate your own account")
            if not self._is_admin(by):
                return self._remove_member(by, account_id)
            account = self._get(Account, account_id)
            account.deactivate()
            person = self.person(account.id)  # none if erased: no token of theirs passes then
            return self._save(account, people=[sessions_ended(person)] if person else [])

    def change_password(self, by: Actor, *, password_hash: str) -> Receipt:
        """Sets the caller's new password (the API has checked the current one), ending the
        sessions opened with the old one."""
        with self._command(by):
            account = self._signed_in(by)
            person = self.person(account.id)
            if person is None:
                raise NotAuthenticated("this account cannot act")
            account.change_password()
            return self._save(account, people=[sessions_ended(person, password_hash=password_hash)])

    def erase_person(self, by: Actor, *, email: str) -> Erasure:
        """Erases a person's name, email, phone and password hash: every row of their email in
        the people store (their account's and their anonymous reports'). Their account, if any,
        is closed for good and its email released, free to open a new one. The events stay
        as they are (a platform admin)."""
        with self._command(by):
            self._require_admin(by)
            found = self.people_of(email)
            account = self._account_by_email(email)
            closed: list[CondoAggregate] = []
            if account is not None:
                if by.id == str(account.id):
                    raise Forbidden("you cannot erase your own account")
                claim = self._get(EmailClaim, self._email_claim_id(email))
                account.erase()
                claim.release()
                closed = [account, claim]
            try:
                recordings = self.save(*closed, erased_email=normalise_email(email))
            except IntegrityError:
                raise ConcurrentWrite() from None
            return Erasure(
                account_id=account.id if account else None,
                people_erased=len(found),
                old_scheme_id=account is not None and account.id == old_scheme_account_id(email),
                position=max(
                    (r.notification.id for r in recordings),
                    default=self.recorder.max_notification_id() or 0,
                ),
            )

    def account(self, account_id: UUID) -> Account | None:
        return self._find(Account, account_id)

    def _is_admin(self, by: Actor) -> bool:
        return by.is_system or self._signed_in(by).is_admin


@dataclass(frozen=True)
class Erasure:
    """What an erasure did: the account it closed (if the email had one), how many rows of the
    people store it deleted, and whether that account's id is of the old scheme (a UUIDv5 of
    the email, which stays in the log and computable from the email)."""

    account_id: UUID | None
    people_erased: int
    old_scheme_id: bool
    position: int


def sessions_ended(person: Person, **changes: Any) -> Person:
    """The person with these changes and their session generation moved on: the tokens issued
    before end, on both APIs at once."""
    return replace(person, session_generation=person.session_generation + 1, **changes)
