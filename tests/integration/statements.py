"""What the query API asks its database, and when: for tests that count it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import event

from tests.integration.api import Api


class Statement(NamedTuple):
    at: float  # time.monotonic() when it was sent
    text: str


@contextmanager
def statements_of(api: Api) -> Iterator[list[Statement]]:
    """Every statement the query API sends to its database meanwhile."""
    engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
    seen: list[Statement] = []

    def note(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        seen.append(Statement(time.monotonic(), statement))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def of_table(statements: list[Statement], table: str) -> int:
    """How many of the statements name the table."""
    return sum(table in s.text for s in statements)
