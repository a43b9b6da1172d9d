"""Settings refuse to run in production without a real secret."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from copro.settings import DEV_SECRET_KEY, Settings


def test_production_refuses_to_start_without_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_SECRET_KEY", raising=False)
    monkeypatch.delenv("COPRO_ENV", raising=False)
    with pytest.raises(ValidationError, match="COPRO_SECRET_KEY is required"):
        Settings()


@pytest.mark.parametrize("secret", ["short", DEV_SECRET_KEY])
def test_production_refuses_a_short_or_the_dev_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(env="production", secret_key=secret)


def test_dev_runs_without_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_SECRET_KEY", raising=False)
    assert Settings(env="dev").signing_key == DEV_SECRET_KEY


def test_a_database_url_must_be_postgresql() -> None:
    with pytest.raises(ValidationError, match="postgresql://"):
        Settings(env="dev", database_url="mysql://x")


def test_without_a_database_url_both_stores_are_sqlite_files_in_the_data_dir(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(env="dev", data_dir=tmp_path)
    assert settings.event_store_env()["SQLITE_DBNAME"] == str(tmp_path / "events.sqlite")
    assert settings.read_store_url().endswith(f"{tmp_path}/read.sqlite")
