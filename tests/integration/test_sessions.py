"""Sessions end on both APIs at once, on SQLite and PostgreSQL: a token issued before a password
change, or before its account was closed platform-wide, is refused the moment after, with no
read model to wait for; and a store created before sessions could end gains their column."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt
import psycopg
import pytest

from copro.bootstrap import open_condos
from copro.settings import Settings
from tests.integration.api import Api, account_id, condo, member

PASSWORD_CHANGE = {"current_password": "a long password", "new_password": "another long one"}


def refused_everywhere(api: Api, token: dict[str, str], copro_id: str) -> dict[str, int]:
    """What a token gets from each API, asked at once (no `X-Copro-After`)."""
    command = api.client.patch(f"/api/v1/copros/{copro_id}", json={"city": "Lyon"}, headers=token)
    query = api.client.get("/api/v1/copros", headers=token)
    return {"command": command.status_code, "query": query.status_code}


@pytest.fixture
def copro_id(api: Api, admin: dict[str, str]) -> str:
    return condo(api, admin)["id"]  # type: ignore[no-any-return]


class TestCommandApi:
    def test_a_token_from_before_a_password_change_is_refused_at_once(
        self, api: Api, copro_id: str, admin: dict[str, str]
    ) -> None:
        manager = member(api, admin, copro_id, "m@example.org", "manager")
        api.command("POST", "/auth/password", manager, PASSWORD_CHANGE)
        refused = api.command("PATCH", f"/copros/{copro_id}", manager, {"city": "Lyon"}, 401)
        assert refused["code"] == "not_authenticated"
        fresh = api.login("m@example.org", "another long one")
        api.command("PATCH", f"/copros/{copro_id}", fresh, {"city": "Lyon"})

    def test_a_token_from_before_its_account_was_closed_stays_refused_once_reopened(
        self, api: Api, copro_id: str, admin: dict[str, str]
    ) -> None:
        manager = member(api, admin, copro_id, "m@example.org", "manager")
        deputy = member(api, admin, copro_id, "d@example.org", "manager")
        account = account_id(api, "m@example.org")
        api.command("POST", f"/accounts/{account}/deactivate", admin)
        api.command("PATCH", f"/copros/{copro_id}", manager, {"city": "Lyon"}, 401)
        api.command("POST", f"/accounts/{account}/activate", admin)
        api.command("PATCH", f"/copros/{copro_id}", manager, {"city": "Lyon"}, 401)
        api.command("PATCH", f"/copros/{copro_id}", deputy, {"city": "Lyon"})

    def test_a_token_issued_before_generations_were_counted_is_of_generation_0(
        self, api: Api, copro_id: str, admin: dict[str, str]
    ) -> None:
        member(api, admin, copro_id, "m@example.org", "manager")
        key = api.client.app.command_app.state.settings.signing_key  # type: ignore[attr-defined]
        now = datetime.now(UTC)
        claims = {"sub": str(account_id(api, "m@example.org")), "iat": now}
        old = jwt.encode({**claims, "exp": now + timedelta(minutes=5)}, key, algorithm="HS256")
        token = {"Authorization": f"Bearer {old}"}
        api.command("PATCH", f"/copros/{copro_id}", token, {"city": "Lyon"})
        api.command("POST", "/auth/password", token, PASSWORD_CHANGE)
        api.command("PATCH", f"/copros/{copro_id}", token, {"city": "Lyon"}, 401)


class TestBothApis:
    def test_a_password_change_ends_earlier_tokens_on_both_apis_at_once(
        self, api: Api, copro_id: str, admin: dict[str, str]
    ) -> None:
        manager = member(api, admin, copro_id, "m@example.org", "manager")
        changed = api.command("POST", "/auth/password", manager, PASSWORD_CHANGE)
        api.read("/copros", admin, after=changed["position"])  # even once projected
        assert refused_everywhere(api, manager, copro_id) == {"command": 401, "query": 401}

    def test_closing_an_account_ends_its_tokens_on_both_apis_at_once(
        self, api: Api, copro_id: str, admin: dict[str, str]
    ) -> None:
        manager = member(api, admin, copro_id, "m@example.org", "manager")
        account = account_id(api, "m@example.org")
        api.command("POST", f"/accounts/{account}/deactivate", admin)
        assert refused_everywhere(api, manager, copro_id) == {"command": 401, "query": 401}


class TestStoresFromBefore:
    @pytest.mark.empty_database
    def test_a_store_created_before_sessions_could_end_gains_their_column(
        self, settings: Settings
    ) -> None:
        person_id = UUID("6d1b0a40-0000-4000-8000-000000000001")
        create_people_as_before(settings, person_id)
        condos = open_condos(settings)
        try:
            person = condos.person(person_id)
            assert person is not None and person.session_generation == 0
            assert person.email == "old@example.org"
        finally:
            condos.close()


def create_people_as_before(settings: Settings, person_id: UUID) -> None:
    """The people table as it was created before sessions could end, with one person."""
    create = (
        "CREATE TABLE people (id {} PRIMARY KEY, email TEXT NOT NULL, first_name TEXT NOT NULL, "
        "last_name TEXT NOT NULL, phone TEXT, password_hash TEXT)"
    )
    insert = "INSERT INTO people VALUES ({0}, 'old@example.org', 'O', 'L', NULL, NULL)"
    if settings.database_url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(settings.event_store_env()["SQLITE_DBNAME"]) as conn:
            conn.execute(create.format("TEXT"))
            conn.execute(insert.format("?"), (str(person_id),))
        return
    with psycopg.connect(settings.database_url, autocommit=True) as pg:
        pg.execute(create.format("uuid"))  # type: ignore[arg-type]
        pg.execute(insert.format("%s"), (person_id,))  # type: ignore[arg-type]
