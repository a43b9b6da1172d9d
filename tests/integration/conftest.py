from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from copro.bootstrap import open_condos, read_engine
from copro.settings import Settings
from domain.application import Condos


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
