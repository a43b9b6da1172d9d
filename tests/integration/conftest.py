from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from copro.bootstrap import create_site, open_condos, read_engine
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from tests.integration.api import ADMIN, Api


@pytest.fixture
def condos(settings: Settings) -> Iterator[Condos]:
    app = open_condos(settings)
    yield app
    app.close()


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = read_engine(settings)
    yield engine
    engine.dispose()


@cache
def admin_password_hash() -> str:
    """Hashed once per test process: argon2id takes a seventh of a second, a thousand tests
    open a store with the admin."""
    from command_api.passwords import hash_password

    return hash_password(ADMIN[1])


@pytest.fixture
def api(settings: Settings) -> Iterator[Api]:
    settings.read_wait_seconds = 3.0
    site = create_site(settings)
    assert site.condos is not None
    site.condos.open_admin_account(
        Actor.system(),
        email=ADMIN[0],
        first_name="Ada",
        last_name="Min",
        password_hash=admin_password_hash(),
    )
    with TestClient(site) as client:
        yield Api(client)


@pytest.fixture
def admin(api: Api) -> dict[str, str]:
    return api.login(*ADMIN)
