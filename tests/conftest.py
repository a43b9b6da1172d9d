"""Stores for the tests: SQLite in a temporary folder, and a fresh PostgreSQL database.

Under CI=true an unreachable PostgreSQL (or a missing browser) fails the run; elsewhere those
tests are skipped and the summary says so loudly.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
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


def create_database(template: str | None = None) -> str:
    """A new database, empty or a copy of `template`; answers its URL."""
    name = f"copro_test_{uuid4().hex[:12]}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template is not None:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(create)
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@cache
def schema_template() -> str:
    """A database holding every table the code creates, with no row in any of them: made once
    per test process, then copied for each test. Creating the tables takes PostgreSQL about
    0.35 s; copying them with the database, about 0.2 s."""
    from copro.bootstrap import open_condos, read_engine
    from projections.engine import create_tables
    from projections.registry import PROJECTIONS
    from projections.state import metadata as state_metadata

    url = create_database()
    name = url.rsplit("/", 1)[1]
    atexit.register(drop_database, url)
    settings = settings_for(Path(tempfile.mkdtemp()) / "var", url)
    condos = open_condos(settings)  # the event store's tables
    engine = read_engine(settings)
    create_tables(engine, state_metadata, *(p.metadata for p in PROJECTIONS))
    condos.close()
    engine.dispose()
    with psycopg.connect(url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
            " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
        if tables:
            # As if nothing had ever been written: what opening the store wrote (its first
            # event and that event's hash row) is written again by the code under test.
            listed = ", ".join(table for (table,) in tables)
            conn.execute(f"TRUNCATE {listed} RESTART IDENTITY")  # type: ignore[arg-type]
    return name


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A database of its own for the test: a copy of the schema template, or, for a test
    marked `empty_database` (a store laid out as an older version did), an empty one."""
    need("postgres", POSTGRES_UP, f"PostgreSQL unreachable at {ADMIN_URL}")
    empty = request.node.get_closest_marker("empty_database") is not None
    url = create_database(None if empty else schema_template())
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
