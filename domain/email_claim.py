"""An email held by one account: how one email opens one account across the platform, while the
account's id says nothing of its email.

The claim's id is a keyed hash of the normalised email (HMAC-SHA256 with the platform's email
key, which the application is given: the domain holds no secret), so only a holder of the key
can tell which email a claim is of. Two concurrent openings with one email both write version 1
(or the same next version) of that claim, and the event store's primary key lets exactly one
through. Its events name the account, never the email.

Erasing a person releases their claim: the email may open a new account. The released claim
stays in the log, its id computable from the email only with the key.
"""

from __future__ import annotations

import hmac
from hashlib import sha256
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import event

from domain.account import normalise_email
from domain.base import CondoAggregate
from domain.errors import RuleBroken


def email_claim_id(key: bytes, email: str) -> UUID:
    digest = hmac.new(key, b"copro/email-claim/" + normalise_email(email).encode(), sha256)
    return keyed_uuid(digest.digest())


def keyed_uuid(digest: bytes) -> UUID:
    """The first 16 bytes of a keyed hash as a UUID of version 8 (RFC 9562: "custom"): it is
    neither random (v4) nor a name's unkeyed hash (v5)."""
    value = int.from_bytes(digest[:16], "big")
    value = (value & ~(0xF << 76)) | (0x8 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    return UUID(int=value)


class EmailClaim(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Released: ClassVar[type[Any]]

    class Claimed(CondoAggregate.Created):
        holder_id: UUID

    @event(Claimed)
    def __init__(self, id: UUID, holder_id: UUID) -> None:
        self.holder_id: UUID | None = holder_id

    class Reclaimed(CondoAggregate.Event):
        holder_id: UUID

    @event(Reclaimed)
    def reclaim(self, holder_id: UUID) -> None:
        """Gives a released email to a new account."""
        self.check_free()
        self.holder_id = holder_id

    @event("Released")
    def release(self) -> None:
        self.holder_id = None

    def check_free(self) -> None:
        if self.holder_id is not None:
            raise AccountExists("an account with this email already exists")


class AccountExists(RuleBroken):
    code = "account_exists"
