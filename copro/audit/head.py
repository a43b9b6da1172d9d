"""The platform's Ed25519 key and the log heads it signs.

The key is COPRO_AUDIT_KEY's seed. Without one, an embedded store (no database URL) keeps a key
file in its data dir, made on first use; with PostgreSQL there is no default: several processes
on several machines must sign with one key, and a key nobody chose is no one's to vouch for.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from copro.audit.models import SignedHead
from copro.settings import Settings

KEY_FILE = "audit-key.ed25519"


class AuditKeyMissing(Exception):
    """No key to sign with: a configuration error."""


class HeadRefused(Exception):
    """A head whose signature does not hold, or that another key signed."""


def platform_key(settings: Settings) -> Ed25519PrivateKey:
    seed = settings.audit_seed
    if seed is None:
        if settings.database_url:
            raise AuditKeyMissing(
                "COPRO_AUDIT_KEY is required with PostgreSQL (32 bytes, hex or base64: "
                "e.g. `openssl rand -hex 32`); it signs the log's head"
            )
        seed = _key_file(settings.data_dir / KEY_FILE)
    return Ed25519PrivateKey.from_private_bytes(seed)


def _key_file(path: Path) -> bytes:
    """The embedded store's seed, made on first use. Written beside its place and linked in,
    so that a process starting at the same moment reads a whole key or makes none."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it first: theirs is the key
        finally:
            draft.unlink()
    return bytes.fromhex(path.read_text().strip())


def public_hex(key: Ed25519PublicKey) -> str:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def message(position: int, log_hash: str, time: datetime) -> bytes:
    """What is signed: a few lines an auditor can write out again by hand."""
    return (
        f"copro audit head v1\nposition {position}\nlog_hash {log_hash}\n"
        f"time {time.astimezone(UTC).isoformat()}\n"
    ).encode()


def sign_head(key: Ed25519PrivateKey, position: int, log_hash: bytes) -> SignedHead:
    now = datetime.now(UTC)
    return SignedHead(
        position=position,
        log_hash=log_hash.hex(),
        time=now,
        public_key=public_hex(key.public_key()),
        signature=key.sign(message(position, log_hash.hex(), now)).hex(),
    )


def check_head(head: SignedHead, platform: Ed25519PublicKey) -> None:
    """Refuses a head the platform's key did not sign as it reads."""
    if head.public_key != public_hex(platform):
        raise HeadRefused(
            f"the head was signed with the key {head.public_key}, not this platform's "
            f"({public_hex(platform)})"
        )
    try:
        platform.verify(
            bytes.fromhex(head.signature), message(head.position, head.log_hash, head.time)
        )
    except InvalidSignature:
        raise HeadRefused("the head's signature does not hold: it is not as signed") from None
