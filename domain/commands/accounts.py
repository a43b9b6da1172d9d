"""Commands on accounts: opening them, roles per condo, access."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from domain.account import Account, AccountStatus, Role, account_id_for, normalise_email
from domain.base import Actor
from domain.commands.plumbing import CondosBase, Receipt
from domain.condo import Condo
from domain.errors import (
    Forbidden,
)
from domain.people import PeopleStore, Person


class AccountCommands(CondosBase):
    # -- accounts and members -----------------------------------------------------------

    def open_admin_account(
        self, by: Actor, *, email: str, first_name: str, last_name: str, password_hash: str
    ) -> Receipt:
        """Creates a platform admin, or makes an existing account one; running it again with
        the same email leaves one active admin whose password is the one last given."""
        with self._command(by):
            if not by.is_system:
                raise Forbidden("platform admins are created from the command line")
            person = Person(
                id=account_id_for(email),
                email=normalise_email(email),
                first_name=first_name,
                last_name=last_name,
                password_hash=password_hash,
            )
            account = self._find(Account, person.id)
            if account is None:
                account = Account(id=person.id, status=AccountStatus.ACTIVE, is_admin=True)
            else:
                if not account.is_admin:
                    account.grant_admin()
                if account.status != AccountStatus.ACTIVE:
                    account.activate()
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

    def account(self, account_id: UUID) -> Account | None:
        return self._find(Account, account_id)

    def person(self, person_id: UUID) -> Person | None:
        return cast(PeopleStore, self.recorder).select_person(person_id)
