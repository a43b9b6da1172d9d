"""What the query API asks its database: for tests that count it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from tests.integration.api import Api


@contextmanager
def statements_of(api: Api) -> Iterator[list[str]]:
    """Every statement the query API sends to its database meanwhile."""
    engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def of_table(statements: list[str], table: str) -> int:
    """How many of the statements name the table."""
    return sum(table in s for s in statements)
