"""An email's claim: keyed by a secret, held by one account at a time, released on erasure."""

from __future__ import annotations

import hashlib
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

import pytest

from domain.account import ACCOUNTS_NAMESPACE
from domain.email_claim import AccountExists, EmailClaim, email_claim_id
from domain.email_claims_upgrade import upgrade_id
from domain.name_claim import CLAIMS_NAMESPACE

from .builders import as_manager, event_names, rebuild

KEY = b"a platform key of at least 32 bytes!"
EMAIL = "jeanne.dupont@example.fr"


def new_email_claim(holder_id: UUID | None = None) -> EmailClaim:
    with as_manager():
        return EmailClaim(id=email_claim_id(KEY, EMAIL), holder_id=holder_id or uuid4())


class TestEmailClaimId:
    def test_ignores_the_case_and_the_spaces_around_the_email(self) -> None:
        assert email_claim_id(KEY, " Jeanne.Dupont@EXAMPLE.fr\n") == email_claim_id(KEY, EMAIL)

    def test_two_emails_have_two_claims(self) -> None:
        assert email_claim_id(KEY, EMAIL) != email_claim_id(KEY, "jean.dupont@example.fr")

    def test_another_key_gives_another_claim(self) -> None:
        assert email_claim_id(KEY, EMAIL) != email_claim_id(KEY + b"!", EMAIL)

    def test_is_none_of_the_ids_computable_from_the_email_alone(self) -> None:
        claim = email_claim_id(KEY, EMAIL)
        unkeyed = {
            uuid5(ACCOUNTS_NAMESPACE, EMAIL),
            uuid5(CLAIMS_NAMESPACE, f"platform/email/{EMAIL}"),
            uuid5(NAMESPACE_URL, EMAIL),
            UUID(bytes=hashlib.sha256(EMAIL.encode()).digest()[:16]),
            UUID(bytes=hashlib.md5(EMAIL.encode()).digest()),
            email_claim_id(b"", EMAIL),
        }
        assert claim not in unkeyed
        assert (claim.version, claim.variant) == (8, "specified in RFC 4122")

    def test_the_record_of_an_upgrade_is_keyed_too(self) -> None:
        assert upgrade_id(KEY) != upgrade_id(KEY + b"!")


class TestClaim:
    def test_names_its_holder_never_the_email(self) -> None:
        holder = uuid4()
        claim = new_email_claim(holder)
        assert claim.holder_id == holder
        assert "jeanne" not in repr(claim.pending_events[0].__dict__).casefold()

    def test_a_held_email_is_refused_to_another_account(self) -> None:
        claim = new_email_claim()
        with as_manager(), pytest.raises(AccountExists) as refused:
            claim.reclaim(uuid4())
        assert refused.value.code == "account_exists"

    def test_a_released_email_goes_to_a_new_account(self) -> None:
        claim = new_email_claim()
        newcomer = uuid4()
        with as_manager():
            claim.release()
            claim.reclaim(newcomer)
        assert event_names(claim) == ["Claimed", "Released", "Reclaimed"]
        assert rebuild(claim.pending_events).holder_id == newcomer
