"""One settings object for every Copro process, read from `COPRO_*` environment variables."""

from __future__ import annotations

import base64
import hmac
from hashlib import sha256
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Only ever accepted with COPRO_ENV=dev: tokens signed with it are worthless elsewhere.
DEV_SECRET_KEY = "copro-dev-only-secret-do-not-use-in-production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COPRO_", extra="ignore")

    env: Literal["dev", "production"] = "production"
    database_url: str | None = None
    data_dir: Path = Path("var")
    secret_key: SecretStr | None = None
    token_lifetime_minutes: int = 60
    log_level: str = "INFO"
    # How long a projector sleeps between polls when nothing wakes it.
    poll_interval_seconds: float = 1.0
    # How often the scheduler looks for maintenance windows to start or complete.
    scheduler_interval_seconds: float = 5.0
    # Events per projector transaction.
    projector_batch_size: int = 500
    # Events per transaction of a rebuild's shadow tables: bigger batches, fewer writes.
    projector_rebuild_batch_size: int = 5000
    # How long a query carrying X-Copro-After may wait for the read models.
    read_wait_seconds: float = 5.0
    # Login attempts one client address may make per minute.
    login_attempts_per_minute: int = 10
    # Tickets one client address may submit anonymously per hour.
    anonymous_tickets_per_hour: int = 20
    # Request bodies larger than this are refused (413) before they are parsed.
    max_body_bytes: int = 1_048_576
    frontend_dir: Path = Path(__file__).resolve().parent.parent / "frontend" / "dist"
    # Where the site is reached from outside (`https://copro.example.org`), for the absolute
    # links of the feed and the QR code; unset, each request's own origin.
    public_url: str | None = None
    # How often a live stream of the status page sends a heartbeat (a comment) to keep proxies
    # and clients from closing it.
    stream_heartbeat_seconds: float = 15.0
    # The platform's Ed25519 key that signs the log's head (`copro audit head`): its 32-byte
    # private seed, as 64 hex digits or base64 (e.g. `openssl rand -hex 32`). Required to sign
    # with PostgreSQL; without a database URL a key file is made in the data dir on first use.
    audit_key: SecretStr | None = None
    # The key of the email claims (`domain.email_claim`): without it nobody can tell which
    # email a claim in the log is of. Its life is the data's (change it and the next start
    # gives every account a claim under the new key, but invitations waiting for an email
    # with no account are lost), unlike the token key, which may be changed at will: unset,
    # it is derived from COPRO_SECRET_KEY, so set it before ever changing that one.
    email_key: SecretStr | None = None

    @model_validator(mode="after")
    def _refuse_missing_secret(self) -> Settings:
        if self.secret_key is None:
            if self.env != "dev":
                raise ValueError(
                    "COPRO_SECRET_KEY is required (at least 32 characters); "
                    "only COPRO_ENV=dev may run without one"
                )
            self.secret_key = SecretStr(DEV_SECRET_KEY)
        elif self.env != "dev" and (
            len(self.secret_key.get_secret_value()) < 32
            or self.secret_key.get_secret_value() == DEV_SECRET_KEY
        ):
            raise ValueError("COPRO_SECRET_KEY must be at least 32 characters and not the dev key")
        if self.database_url and not self.database_url.startswith(("postgresql://", "postgres://")):
            raise ValueError("COPRO_DATABASE_URL must be a postgresql:// URL (or unset for SQLite)")
        if self.audit_key is not None:
            audit_seed(self.audit_key.get_secret_value())  # refused at start-up, not when signing
        if self.email_key is not None and len(self.email_key.get_secret_value()) < 32:
            raise ValueError("COPRO_EMAIL_KEY must be at least 32 characters")
        return self

    @property
    def uses_postgres(self) -> bool:
        return bool(self.database_url)

    @property
    def signing_key(self) -> str:
        assert self.secret_key is not None
        return self.secret_key.get_secret_value()

    @property
    def email_claims_key(self) -> bytes:
        """COPRO_EMAIL_KEY, or a key derived from COPRO_SECRET_KEY (which production requires;
        only dev runs on the dev one)."""
        if self.email_key is not None:
            return self.email_key.get_secret_value().encode()
        return hmac.new(self.signing_key.encode(), b"copro/email-claims-key", sha256).digest()

    @property
    def audit_seed(self) -> bytes | None:
        """The 32-byte seed of COPRO_AUDIT_KEY, if set."""
        return None if self.audit_key is None else audit_seed(self.audit_key.get_secret_value())

    def event_store_env(self) -> dict[str, str]:
        """The `eventsourcing` library's settings for this store."""
        # Aggregates stay cached in the process and are fast-forwarded with the events saved
        # since (by any process), so a long-lived lift is not replayed from its first event on
        # every command.
        cache = {"AGGREGATE_CACHE_MAXSIZE": "10000", "AGGREGATE_CACHE_FASTFORWARD": "y"}
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return cache | {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.data_dir / "events.sqlite"),
                "APPLICATION_RECORDER_TOPIC": "copro.event_store:SQLiteRecorder",
            }
        url = urlsplit(self.database_url)
        return cache | {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": url.path.lstrip("/") or "postgres",
            "POSTGRES_HOST": url.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(url.port or 5432),
            "POSTGRES_USER": unquote(url.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(url.password or ""),
            "POSTGRES_POOL_SIZE": "10",
            "POSTGRES_MAX_OVERFLOW": "10",
            "POSTGRES_CONNECT_TIMEOUT": "5",
            "APPLICATION_RECORDER_TOPIC": "copro.event_store:PostgresRecorder",
        }

    def read_store_url(self) -> str:
        """SQLAlchemy URL of the read tables: beside the events."""
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return f"sqlite:///{(self.data_dir / 'read.sqlite').resolve()}"
        return "postgresql+psycopg://" + self.database_url.split("://", 1)[1]


def audit_seed(text: str) -> bytes:
    """COPRO_AUDIT_KEY's 32 bytes, from 64 hex digits or base64."""
    text = text.strip()
    try:
        seed = bytes.fromhex(text) if len(text) == 64 else base64.b64decode(text, validate=True)
    except ValueError:  # binascii.Error is one
        seed = b""
    if len(seed) != 32:
        raise ValueError(
            "COPRO_AUDIT_KEY must be an Ed25519 private seed: 32 bytes as 64 hex digits or base64"
        )
    return seed
