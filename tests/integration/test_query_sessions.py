"""Who the query API reads as its caller: a token of the person's current session only (its `gen`
claim equal to the people store's `session_generation`), read once per request. On SQLite and
PostgreSQL; the generation is moved on here by writing the store's column, as a password change
or a platform-wide deactivation does in its command's transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import jwt
import psycopg
import pytest

from copro.settings import Settings
from copro.tokens import issue_token
from tests.conftest import SECRET
from tests.integration.api import Api, account_id, condo, manager_of
from tests.integration.statements import of_table, statements_of

EMAIL = "claire@tilleuls.fr"


def people_store(settings: Settings, statement: str, person: UUID) -> None:
    """Runs `statement` (one `?` for the person's id) on the event store's people table."""
    if settings.database_url is None:
        with sqlite3.connect(settings.event_store_env()["SQLITE_DBNAME"]) as conn:
            conn.execute(statement, (str(person),))
        return
    with psycopg.connect(settings.database_url, autocommit=True) as conn:
        conn.execute(statement.replace("?", "%s"), (person,))  # type: ignore[arg-type]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def copro(api: Api, admin: dict[str, str]) -> dict[str, Any]:
    receipt = condo(api, admin)
    manager_of(api, admin, receipt["id"], EMAIL)
    return receipt


def test_a_token_of_an_ended_session_is_refused_as_an_invalid_one_and_a_current_one_read(
    api: Api, settings: Settings, copro: dict[str, Any]
) -> None:
    person = account_id(api, EMAIL)
    ended = bearer(issue_token(person, 0, SECRET, timedelta(hours=1)))
    current = bearer(issue_token(person, 1, SECRET, timedelta(hours=1)))
    mine = f"/copros/{copro['id']}"
    # Read once the account is in the access model (on a busy machine it may not be yet).
    appointed = api.client.app.condos.recorder.max_notification_id()  # type: ignore[attr-defined]
    assert api.read(mine, ended, after=appointed).status_code == 200

    people_store(settings, "UPDATE people SET session_generation = 1 WHERE id = ?", person)

    refused = api.read(mine, ended)
    invalid = api.read(mine, bearer("not-a-token"))
    assert refused.status_code == invalid.status_code == 401
    assert (
        refused.json()
        == invalid.json()
        == {
            "detail": "invalid or expired token",
            "code": "not_authenticated",
        }
    )
    assert api.read("/status/residence-les-tilleuls", ended).status_code == 200
    assert api.read(mine, current).status_code == 200


def test_a_token_without_a_generation_is_of_the_first_session(
    api: Api, settings: Settings, copro: dict[str, Any]
) -> None:
    person = account_id(api, EMAIL)
    now = datetime.now(UTC)
    claims = {"sub": str(person), "iat": now, "exp": now + timedelta(minutes=5)}
    older = bearer(jwt.encode(claims, SECRET, algorithm="HS256"))
    assert api.read(f"/copros/{copro['id']}", older).status_code == 200

    people_store(settings, "UPDATE people SET session_generation = 1 WHERE id = ?", person)
    assert api.read(f"/copros/{copro['id']}", older).status_code == 401


def test_someone_the_people_store_no_longer_holds_cannot_sign_in(
    api: Api, settings: Settings, copro: dict[str, Any]
) -> None:
    person = account_id(api, EMAIL)
    token = bearer(issue_token(person, 0, SECRET, timedelta(hours=1)))
    people_store(settings, "DELETE FROM people WHERE id = ?", person)

    answer = api.read(f"/copros/{copro['id']}", token)

    assert answer.status_code == 401
    assert answer.json()["detail"] == "this account cannot sign in"


def test_the_caller_is_read_once_per_request(
    api: Api, admin: dict[str, str], copro: dict[str, Any]
) -> None:
    manager = bearer(issue_token(account_id(api, EMAIL), 0, SECRET, timedelta(hours=1)))
    for path in (f"/copros/{copro['id']}/tickets", f"/copros/{copro['id']}/incidents"):
        with statements_of(api) as statements:
            assert api.read(path, manager).status_code == 200
        assert of_table(statements, "access_accounts") == 1, path
        assert of_table(statements, "access_memberships") == 1, path
        assert of_table(statements, "people") == 1, path
