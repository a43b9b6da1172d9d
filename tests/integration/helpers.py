"""Shared steps of the integration tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine, select

from domain.application import Condos
from domain.base import Actor
from projections.engine import Projection

T = TypeVar("T")
# The steps of a command that claims an email, after which another command's write may land:
# after it found the email free, and after it claimed it (its save then collides).
CLAIM_STEPS = ("_account_by_email", "_new_person")


def saved_meanwhile(
    monkeypatch: pytest.MonkeyPatch, condos: Condos, step: str, rival: Callable[[], T]
) -> list[T]:
    """Runs `rival` (a real command) right after the next command takes `step`, once: a race
    made to happen every time. Answers what `rival` answered, once it has run."""
    taken = getattr(condos, step)
    answered: list[T] = []

    def then_rival(*args: Any, **kwargs: Any) -> Any:
        found = taken(*args, **kwargs)
        monkeypatch.setattr(condos, step, taken)
        answered.append(rival())
        return found

    monkeypatch.setattr(condos, step, then_rival)
    return answered


def admin_actor(condos: Condos) -> Actor:
    receipt = condos.open_admin_account(
        Actor.system(),
        email="admin@copro.test",
        first_name="Ada",
        last_name="Min",
        password_hash="x",
    )
    return Actor(str(receipt.id))


def rows_of(engine: Engine, projection: Projection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the projection's tables, sorted: two runs can be compared."""
    with engine.connect() as conn:
        return {
            table.name: sorted(tuple(map(str, row)) for row in conn.execute(select(table)))
            for table in projection.metadata.sorted_tables
        }


def eventually(check: Callable[[], bool], timeout: float = 30) -> None:
    """Waits until `check()` holds, failing the test past `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.1)
