"""The record that every account of the store holds its email's claim under one email key.

Accounts opened before email claims have a UUIDv5 of their email as id and no claim. When a
store opens, each account without its claim is given it (`give_email_claims`), and this record
says so, so that later starts do not walk the accounts again. Its id is derived from the key,
so a store opened with another key walks once more and gives each account its claim under
that key too (they keep signing in).
"""

from __future__ import annotations

import hmac
from hashlib import sha256
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.email_claim import keyed_uuid


def upgrade_id(key: bytes) -> UUID:
    return keyed_uuid(hmac.new(key, b"copro/email-claims-upgrade", sha256).digest())


class EmailClaimsUpgrade(CondoAggregate):
    class Completed(CondoAggregate.Created):
        accounts: int

    @event(Completed)
    def __init__(self, id: UUID, accounts: int) -> None:
        """`accounts`: how many were given their claim."""
        self.accounts = accounts
