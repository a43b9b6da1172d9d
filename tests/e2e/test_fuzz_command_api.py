"""Schemathesis against the command API's document (see `tests.e2e.fuzzing`), on both stores."""

from __future__ import annotations

from tests.e2e.conftest import Server
from tests.e2e.fuzzing import answers_as_its_document_says


def test_the_command_api_answers_as_its_document_says(server: Server) -> None:
    answers_as_its_document_says(server, "command")
