"""Commands on accounts: opening them, signing up, activation, closing, passwords."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal, cast
from uuid import UUID

from domain.account import Account, AccountStatus, Role, account_id_for, normalise_email
from domain.base import Actor
from domain.commands.members import MemberCommands
from domain.commands.plumbing import AccountExists, Receipt
from domain.condo import Condo
from domain.errors import Forbidden, NotAuthenticated, NotFound
from domain.people import PeopleStore, Person

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
            person = Person(
                id=account_id_for(email),
                email=normalise_email(email),
                first_name=first_name,
                last_name=last_name,
                password_hash=password_hash,
            )
            earlier = self.person(person.id)
            if earlier is not None:  # a new password: the sessions of the old one end
                person = sessions_ended(
                    earlier, first_name=first_name, last_name=last_name, password_hash=password_hash
                )
            account = self._find(Account, person.id)
            if account is None:
                account = Account(
                    id=person.id,
                    status=AccountStatus.ACTIVE,
                    is_admin=role == "admin",
                    is_operator=role == "operator",
                )
            else:
                if role == "admin" and not account.is_admin:
                    account.grant_admin()
                if role == "operator" and not account.is_operator:
                    account.grant_operator()
                if account.status != AccountStatus.ACTIVE:
                    account.activate()
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
            account = Account(
                id=account_id_for(email), status=AccountStatus.PENDING, is_admin=False
            )
            account.join(copro_id, Role.RESIDENT, building_id, lot, floor)
            # What a sign-up answers, whether it is saved or not.
            alike = Receipt(account.id, account.version, self.recorder.max_notification_id() or 0)
            if self._find(Account, account.id) is not None:
                return alike
            person = Person(
                id=account.id,
                email=normalise_email(email),
                first_name=first_name,
                last_name=last_name,
                password_hash=password_hash,
            )
            try:
                return self._save(account, people=[person])
            except AccountExists:  # opened by a sign-up at the same moment
                return alike

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

    def account(self, account_id: UUID) -> Account | None:
        return self._find(Account, account_id)

    def person(self, person_id: UUID) -> Person | None:
        return cast(PeopleStore, self.recorder).select_person(person_id)

    def _is_admin(self, by: Actor) -> bool:
        return by.is_system or self._signed_in(by).is_admin


def sessions_ended(person: Person, **changes: Any) -> Person:
    """The person with these changes and their session generation moved on: the tokens issued
    before end, on both APIs at once."""
    return replace(person, session_generation=person.session_generation + 1, **changes)
