"""A command sent without `expected_version` that meets concurrent writes is run again, a bounded
number of times; past that its caller is asked to retry (503 `contention`), never told of a
`version_conflict` about a version it never read."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from command_api.errors import install_error_handlers
from domain.commands.plumbing import (
    ATTEMPTS,
    ConcurrentWrite,
    Contention,
    retried_on_concurrent_writes,
)


def meeting_writes(times: int) -> tuple[list[int], object]:
    """A command that another writer beats `times` times before it saves."""
    attempts: list[int] = []

    @retried_on_concurrent_writes
    def command() -> str:
        attempts.append(len(attempts) + 1)
        if len(attempts) <= times:
            raise ConcurrentWrite()
        return "saved"

    return attempts, command


def test_a_command_beaten_by_other_writers_is_run_until_it_saves() -> None:
    attempts, command = meeting_writes(ATTEMPTS - 1)
    assert command() == "saved"  # type: ignore[operator]
    assert len(attempts) == ATTEMPTS


def test_a_command_beaten_on_every_attempt_gives_up_with_contention() -> None:
    attempts, command = meeting_writes(ATTEMPTS)
    with pytest.raises(Contention):
        command()  # type: ignore[operator]
    assert len(attempts) == ATTEMPTS


def test_contention_answers_503_asking_to_retry_in_a_second() -> None:
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/equipment/lift/status")
    def busy() -> None:
        raise Contention()

    answer = TestClient(app).post("/equipment/lift/status")
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "1"
    assert answer.json()["code"] == "contention"
