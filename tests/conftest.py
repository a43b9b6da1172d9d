"""Stores for the tests: SQLite in a temporary folder, and a fresh PostgreSQL database.

Under CI=true an unreachable PostgreSQL (or a missing browser) fails the run; elsewhere those
tests are skipped and the summary says so loudly.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from psycopg import sql

from copro.settings import Settings

IN_CI = os.environ.get("CI", "").lower() == "true"
ADMIN_URL = os.environ.get(
    "COPRO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
SECRET = "test-secret-key-that-is-long-enough-for-hs256"
REPO = Path(__file__).resolve().parent.parent

_skipped_for: dict[str, int] = {}


def _postgres_reachable() -> bool:
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


POSTGRES_UP = _postgres_reachable()


def need(what: str, available: bool, why: str) -> None:
    if available:
        return
    if IN_CI:
        pytest.fail(f"{why} (CI=true: this is a failure, not a skip)", pytrace=False)
    _skipped_for[what] = _skipped_for.get(what, 0) + 1
    pytest.skip(why)


def settings_for(data_dir: Path, database_url: str | None = None) -> Settings:
    return Settings(
        env="production",
        secret_key=SECRET,
        data_dir=data_dir,
        database_url=database_url,
        poll_interval_seconds=0.2,
        login_attempts_per_minute=1000,
    )


def create_database() -> str:
    """A new empty database; answers its URL."""
    name = f"copro_test_{uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture
def postgres_url() -> Iterator[str]:
    need("postgres", POSTGRES_UP, f"PostgreSQL unreachable at {ADMIN_URL}")
    url = create_database()
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture(params=["sqlite", "postgres"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """The same test on embedded SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield settings_for(tmp_path / "var")
    else:
        yield settings_for(tmp_path / "var", request.getfixturevalue("postgres_url"))


def chromium_ready() -> bool:
    return (
        bool(shutil.which("chromium") or Path("/usr/bin/chromium").exists())
        and bool(shutil.which("node"))
        and (REPO / "frontend" / "node_modules" / "playwright-core").exists()
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for what, count in _skipped_for.items():
        terminalreporter.write_line(
            f"!!! {count} test(s) needing {what} were SKIPPED: {what} is not available here. "
            "Under CI=true they run, and fail if it is missing. !!!",
            red=True,
            bold=True,
        )
