"""What the commands on people share: the email key, finding an account by its email, claiming an
email for a new account, and the claims of the accounts opened before email claims.

The application is given the platform's email key (by its settings: the domain holds no secret)
and computes each email's claim id with it (`domain.email_claim`). An account is found by its
email through the claim's holder, never by deriving its id from the email.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.account import Account, normalise_email
from domain.base import Actor
from domain.commands.plumbing import ConcurrentWrite, CondosBase
from domain.email_claim import EmailClaim, email_claim_id
from domain.email_claims_upgrade import EmailClaimsUpgrade, upgrade_id
from domain.errors import Forbidden
from domain.people import PeopleStore, Person

# More records of its own than a store could have written by opening: it has been used.
ALONE = 8


class EmailCommands(CondosBase):
    def __init__(self, env: dict[str, str] | None = None, email_key: bytes | None = None) -> None:
        super().__init__(env)
        self._email_key = email_key

    def account_id_of(self, email: str) -> UUID | None:
        """The account this email opened, found through the email's claim; none once erased."""
        account = self._account_by_email(email)
        return account.id if account else None

    def person(self, person_id: UUID) -> Person | None:
        return cast(PeopleStore, self.recorder).select_person(person_id)

    def people_of(self, email: str) -> list[Person]:
        """Every row of the people store holding this email: its account's and reporters'."""
        return cast(PeopleStore, self.recorder).select_people_by_email(normalise_email(email))

    def give_email_claims(self, by: Actor) -> int:
        """Gives each account not holding its email's claim under this key (opened before email
        claims, or under another key) that claim, so that it is found by its email; answers how
        many. Done once per key: the record it leaves says so to the next start."""
        with self._command(by):
            if not by.is_system:
                raise Forbidden("the store gives email claims when it opens")
            done = upgrade_id(self._key())
            if self._find(EmailClaimsUpgrade, done) is not None:
                return 0
            given = sum(self._give_claim(account_id) for account_id in self._opened_accounts())
            self._save(EmailClaimsUpgrade(id=done, accounts=given))
            return given

    def is_new(self) -> bool:
        """Whether the store holds nothing but what it writes of itself when it opens (the
        records that its accounts hold their email claims): no condo, no account, nobody's
        event; what `copro demo --if-empty` asks."""
        # A record per key the store was ever opened with: a handful at most.
        first = self.recorder.select_notifications(start=1, limit=ALONE + 1)
        upgrades = get_topic(EmailClaimsUpgrade.Completed)
        return len(first) <= ALONE and all(n.topic == upgrades for n in first)

    # -- shared by the commands on people -----------------------------------------------------

    def _key(self) -> bytes:
        if self._email_key is None:
            raise RuntimeError("this application was given no email key (see copro.settings)")
        return self._email_key

    def _email_claim_id(self, email: str) -> UUID:
        return email_claim_id(self._key(), email)

    def _account_by_email(self, email: str) -> Account | None:
        claim = self._find(EmailClaim, self._email_claim_id(email))
        if claim is None or claim.holder_id is None:
            return None
        return self._find(Account, claim.holder_id)

    def _claim_email(self, email: str, account_id: UUID) -> EmailClaim:
        """The email's claim, held by this new account. Its callers have just found the email
        free: held now (or when saved, `_explain_collision`), it was claimed by a command saved
        meanwhile, and this one runs again and meets that account (a sign-up is answered alike,
        an appointment invites, a platform account is given its role)."""
        claim = self._find(EmailClaim, self._email_claim_id(email))
        if claim is None:
            return EmailClaim(id=self._email_claim_id(email), holder_id=account_id)
        if claim.holder_id is not None:
            raise ConcurrentWrite()
        claim.reclaim(account_id)
        return claim

    def _new_person(
        self,
        account_id: UUID,
        email: str,
        first_name: str,
        last_name: str,
        password_hash: str | None,
    ) -> Person:
        return Person(
            id=account_id,
            email=normalise_email(email),
            first_name=first_name,
            last_name=last_name,
            password_hash=password_hash,
            email_claim=self._email_claim_id(email),
        )

    def _answers_to(self, account: Account) -> set[UUID | None]:
        """The ids an invitation to this account may name: its own (old invitations) and its
        email's claim."""
        person = self.person(account.id)
        return {account.id, person.email_claim if person else None}

    def _give_claim(self, account_id: UUID) -> int:
        person = self.person(account_id)
        if person is None:  # erased: its email is free
            return 0
        claim_id = self._email_claim_id(person.email)
        claim = self._find(EmailClaim, claim_id)
        if claim is not None and claim.holder_id not in (None, account_id):
            # Another account holds the email (opened meanwhile by a process of an older
            # version): it keeps it, and this one is found by its id only.
            return 0
        if claim is not None and claim.holder_id == account_id and person.email_claim == claim_id:
            return 0
        if claim is None:
            claim = EmailClaim(id=claim_id, holder_id=account_id)
        elif claim.holder_id is None:
            claim.reclaim(account_id)
        self._save(claim, people=[replace(person, email_claim=claim_id)])
        return 1

    def _opened_accounts(self) -> Iterator[UUID]:
        topic = get_topic(Account.Opened)
        start = 1
        while batch := self.recorder.select_notifications(start, 1000, topics=[topic]):
            # SQLite's notifications name their aggregate by the uuid's text.
            yield from (UUID(str(notification.originator_id)) for notification in batch)
            start = batch[-1].id + 1
