"""Password hashing: argon2id through passlib."""

from __future__ import annotations

from passlib.context import CryptContext

_context = CryptContext(schemes=["argon2"], deprecated="auto")

# Verified against when the email is unknown, so that a wrong email costs as long as a wrong
# password and timing does not tell which accounts exist.
_DUMMY_HASH = _context.hash("not-a-real-password-at-all")


def hash_password(password: str) -> str:
    return _context.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    if password_hash is None:
        _context.verify(password, _DUMMY_HASH)
        return False
    return _context.verify(password, password_hash)
