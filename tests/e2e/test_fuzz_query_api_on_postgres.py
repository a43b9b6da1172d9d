"""Schemathesis against the query API's document (see `tests.e2e.fuzzing`), on PostgreSQL.

One file per store: each takes about 40 s, and `--dist loadfile` gives a file whole to one
worker, so the two stores' runs can go to both workers at once."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Server
from tests.e2e.fuzzing import answers_as_its_document_says


@pytest.mark.parametrize("server", ["postgres"], indirect=True)
def test_the_query_api_answers_as_its_document_says(server: Server) -> None:
    answers_as_its_document_says(server, "query")
