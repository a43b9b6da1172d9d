"""Personal data, kept out of events.

Events name a person by id; what identifies them (email, names, phone) and their password hash
sit in one erasable table keyed by that id, written in the same transaction as the events of
the command that introduced them. Erasing a person deletes every row of their email, in the
transaction of the events saying so: it never rewrites history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True)
class Person:
    id: UUID
    email: str
    first_name: str
    last_name: str
    phone: str | None = None
    password_hash: str | None = None
    # Tokens carry the generation they were issued in; a password change or a platform-wide
    # deactivation moves it on, which ends every token issued before.
    session_generation: int = 0
    # An account's email claim (`domain.email_claim`): invitations sent to the email name it.
    # Kept here so that the read side, which has no key, finds them; none for a reporter.
    email_claim: UUID | None = None


class PeopleStore(Protocol):
    """What the application needs of the recorder that keeps people beside the events."""

    def select_person(self, person_id: UUID) -> Person | None: ...

    def select_people_by_email(self, email: str) -> list[Person]:
        """Every row of this normalised email: an account's and anonymous reporters'."""
        ...
