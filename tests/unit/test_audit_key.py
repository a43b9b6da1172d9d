"""COPRO_AUDIT_KEY: the platform's Ed25519 seed, read from hex or base64 and refused at start-up
when it is not 32 bytes."""

from __future__ import annotations

import base64

import pytest
from pydantic import ValidationError

from copro.settings import Settings

SEED = bytes(range(32))


def settings(audit_key: str) -> Settings:
    return Settings(env="dev", audit_key=audit_key)  # type: ignore[arg-type]


class TestAuditKey:
    def test_a_seed_is_read_from_64_hex_digits(self) -> None:
        assert settings(SEED.hex()).audit_seed == SEED

    def test_a_seed_is_read_from_base64(self) -> None:
        assert settings(base64.b64encode(SEED).decode()).audit_seed == SEED

    @pytest.mark.parametrize("wrong", ["", "abc", "zz" * 32, base64.b64encode(b"short").decode()])
    def test_a_key_that_is_not_32_bytes_is_refused_at_start_up(self, wrong: str) -> None:
        with pytest.raises(ValidationError, match="COPRO_AUDIT_KEY must be an Ed25519"):
            settings(wrong)

    def test_no_key_is_no_seed(self) -> None:
        assert Settings(env="dev").audit_seed is None
