"""Personal data, kept out of events.

Events name a person by id; what identifies them (email, names, phone) and their password hash
sit in one erasable table keyed by that id, written in the same transaction as the events of
the command that introduced them. Erasing a person never rewrites history.
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


class PeopleStore(Protocol):
    """What the application needs of the recorder that keeps people beside the events."""

    def select_person(self, person_id: UUID) -> Person | None: ...
