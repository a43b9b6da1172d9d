"""Commands on accounts: opening them, roles per condo, activation, passwords."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal, cast
from uuid import UUID

from domain.account import Account, AccountStatus, Role, account_id_for, normalise_email
from domain.base import Actor
from domain.commands.plumbing import AccountExists, CondosBase, Receipt
from domain.condo import Condo
from domain.errors import Forbidden, NotAuthenticated, NotFound
from domain.people import PeopleStore, Person

PlatformRole = Literal["admin", "operator"]


class AccountCommands(CondosBase):
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
        activates it. One email, one account: a second sign-up is refused."""
        with self._command(by):
            condo = self._find(Condo, copro_id)
            if condo is None or condo.archived:
                raise NotFound("no such condo")
            self._building_of(copro_id, building_id, field="building_id")
            account_id = account_id_for(email)
            if self._find(Account, account_id) is not None:
                raise AccountExists("an account with this email already exists")
            account = Account(id=account_id, status=AccountStatus.PENDING, is_admin=False)
            account.grant_role(
                copro_id=copro_id,
                role=Role.RESIDENT,
                building_id=building_id,
                lot=lot,
                floor=floor,
            )
            person = Person(
                id=account_id,
                email=normalise_email(email),
                first_name=first_name,
                last_name=last_name,
                password_hash=password_hash,
            )
            return self._save(account, people=[person])

    def appoint_member(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        email: str,
        first_name: str,
        last_name: str,
        role: str,
        building_id: UUID | None = None,
        lot: str | None = None,
        floor: str | None = None,
        password_hash: str | None = None,
    ) -> Receipt:
        """Gives a person a role in this condo, opening their (active) account if needed.
        An existing account keeps its personal data and password: a manager cannot take
        over someone's account by appointing them."""
        with self._command(by):
            self._require_role(by, copro_id, Role.MANAGER)
            self._get(Condo, copro_id).check_active()
            if building_id is not None:
                self._building_of(copro_id, building_id, field="building_id")
            account_id = account_id_for(email)
            account = self._find(Account, account_id)
            people: list[Person] = []
            if account is None:
                account = Account(id=account_id, status=AccountStatus.ACTIVE, is_admin=False)
                people.append(
                    Person(
                        id=account_id,
                        email=normalise_email(email),
                        first_name=first_name,
                        last_name=last_name,
                        password_hash=password_hash,
                    )
                )
            account.grant_role(
                copro_id=copro_id, role=role, building_id=building_id, lot=lot, floor=floor
            )
            return self._save(account, people=people)

    def activate_account(self, by: Actor, account_id: UUID) -> Receipt:
        with self._command(by):
            account = self._managed_account(by, account_id)
            account.activate()
            return self._save(account)

    def deactivate_account(self, by: Actor, account_id: UUID) -> Receipt:
        with self._command(by):
            account = self._managed_account(by, account_id)
            if by.id == str(account_id):
                raise Forbidden("you cannot deactivate your own account")
            account.deactivate()
            return self._save(account)

    def change_password(self, by: Actor, *, password_hash: str) -> Receipt:
        """Sets the caller's new password (the API has checked the current one)."""
        with self._command(by):
            account = self._signed_in(by)
            person = self.person(account.id)
            if person is None:
                raise NotAuthenticated("this account cannot act")
            account.change_password()
            return self._save(account, people=[replace(person, password_hash=password_hash)])

    def account(self, account_id: UUID) -> Account | None:
        return self._find(Account, account_id)

    def person(self, person_id: UUID) -> Person | None:
        return cast(PeopleStore, self.recorder).select_person(person_id)

    def _managed_account(self, by: Actor, account_id: UUID) -> Account:
        """An account the caller manages: one holding a role in a condo the caller manages.
        Any other account does not exist for them."""
        account = self._find(Account, account_id)
        if account is None:
            raise NotFound("no such account")
        refused: Forbidden | None = None
        for copro_id in account.memberships:
            try:
                self._require_role(by, UUID(copro_id), Role.MANAGER)
                return account
            except Forbidden as error:
                refused = error
            except NotFound:
                continue
        # A member of the account's condo without the role learns it exists; others do not.
        raise refused or NotFound("no such account")
