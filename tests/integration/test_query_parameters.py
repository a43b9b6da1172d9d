"""What a careless client sends the query API: integers past 64 bits, dates outside the condo's
years, control characters. Each is refused with a 422 naming the parameter, never a 500; and a
500, should one happen, logs where it broke but never the statement's parameters."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import text

from copro.bootstrap import create_site
from copro.settings import Settings
from domain.base import Actor
from query_api.views import status as status_views
from tests.e2e.conftest import free_port
from tests.integration.api import Api, condo

BIG = "999999999999999999999"
PAST_64_BITS = str(2**63)
YEAR_ONE_EAST = "0001-01-01T00:00:00+14:00"
C = "{copro}"  # the condo's id, filled in by the test
A = "{aggregate}"  # an aggregate of the condo (the condo itself)

REFUSED = [
    (f"/copros/{C}/tickets?offset={BIG}", "offset"),
    (f"/copros/{C}/maintenances?from={YEAR_ONE_EAST}", "from"),
    (f"/copros/{C}/maintenances?to=9999-12-31T00:00:00Z", "to"),
    (f"/copros/{C}/audit/events?from={YEAR_ONE_EAST}", "from"),
    (f"/copros/{C}/audit/events?to=9999-12-31", "to"),
    (f"/copros/{C}/audit/events?to=9999-12-31T23:59:59-14:00", "to"),
    (f"/copros/{C}/audit/export.jsonl?to=9999-12-31", "to"),
    (f"/audit/aggregates/{A}?at=0001-01-01T00:00:00%2B01:00", "at"),
    (f"/audit/aggregates/{A}?version=99999999999999999999", "version"),
    (f"/copros/{C}/budgets/{BIG}", "year"),
    (f"/copros/{C}/budgets/2147483648", "year"),
    (f"/copros/{C}/statistics?to=0001-01-01", "to"),
    (f"/copros/{C}/statistics?to=9999-12-31", "to"),
    (f"/copros/{C}/statistics?from=0001-01-01", "from"),
    (f"/copros/{C}/expenses?from=0001-01-01", "from"),
    (f"/copros/{C}/expenses?to=9999-12-31", "to"),
    (f"/copros/{C}/expenses.csv?to=9999-12-31", "to"),
    *(
        (f"{path}?offset={PAST_64_BITS}", "offset")
        for path in (
            f"/copros/{C}/tickets",
            f"/copros/{C}/incidents",
            f"/copros/{C}/maintenances",
            f"/copros/{C}/expenses",
            f"/copros/{C}/audit/events",
            f"/copros/{C}/members",
            "/me/tickets",
        )
    ),
    (f"/copros/{C}/tickets?q=Panne%00ascenseur", "q"),
    (f"/copros/{C}/tickets?q=Panne%01ascenseur", "q"),
    (f"/copros/{C}/audit/events?actor_id=sys%00tem", "actor_id"),
    (f"/copros/{C}/audit/events?type=Recorded&type=Reco%00rded", "type.1"),
    ("/status/les%00tilleuls", "slug"),
    ("/status/les%1Btilleuls/history", "slug"),
]


@pytest.fixture
def copro(api: Api, admin: dict[str, str]) -> str:
    receipt = condo(api, admin)
    assert api.read(f"/copros/{receipt['id']}", admin, after=receipt["position"]).status_code == 200
    return str(receipt["id"])


@pytest.mark.parametrize(("path", "field"), REFUSED, ids=[p for p, _ in REFUSED])
def test_a_bad_query_parameter_is_refused_with_422_naming_it(
    api: Api, admin: dict[str, str], copro: str, path: str, field: str
) -> None:
    answer = api.read(path.format(copro=copro, aggregate=copro), admin)

    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "validation_error"
    assert [e["field"] for e in answer.json()["detail"]] == [field]


def test_an_after_position_past_64_bits_is_refused_naming_the_header(
    api: Api, admin: dict[str, str], copro: str
) -> None:
    answer = api.client.get(
        f"/api/v1/copros/{copro}/incidents", headers={**admin, "X-Copro-After": BIG}
    )

    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["detail"]] == ["X-Copro-After"]


def test_the_condos_years_are_accepted_to_their_last_day(
    api: Api, admin: dict[str, str], copro: str
) -> None:
    for path in (
        f"/copros/{copro}/statistics?from=2099-01-01&to=2099-12-31",
        f"/copros/{copro}/audit/events?from=2000-01-01&to=2099-12-31",
        f"/copros/{copro}/maintenances?from=2000-01-01T00:00:00Z&to=2099-12-31T23:59:59Z",
        f"/copros/{copro}/tickets?offset={2**63 - 1}",
    ):
        assert api.read(path, admin).status_code == 200, path
    assert api.read(f"/copros/{copro}/budgets/2099", admin).status_code == 404


@pytest.fixture
def served(settings: Settings) -> Iterator[tuple[str, Any]]:
    """The site under a real server: what it logs is what an operator would read."""
    site = create_site(settings)
    server = uvicorn.Server(uvicorn.Config(site, port=free_port(), log_level="info"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{server.config.port}", site
    server.should_exit = True
    thread.join(timeout=10)


def test_an_internal_error_logs_where_it_broke_and_never_the_statements_parameters(
    served: tuple[str, Any], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url, site = served
    receipt = site.condos.register_copro(
        Actor.system(), name="Le Parc", address="1 rue", postal_code="75001", city="Paris"
    )

    def failing_page(conn: Any, *_: Any) -> Any:
        conn.execute(
            text("SELECT * FROM no_such_table WHERE email = :email"),
            {"email": "claire.martin@example.org"},
        )

    monkeypatch.setattr(status_views, "status_page", failing_page)
    with caplog.at_level(logging.INFO):
        answer = httpx.get(
            f"{url}/api/v1/status/le-parc",
            headers={"X-Copro-After": str(receipt.position)},
            timeout=10,
        )
        time.sleep(0.2)  # what the server logs once it has answered

    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal error", "code": "internal_error"}
    assert "internal error" in caplog.text and "failing_page" in caplog.text
    assert "claire.martin@example.org" not in caplog.text
    assert "no_such_table" not in caplog.text


def test_an_internal_error_of_a_command_logs_no_personal_data_either(
    served: tuple[str, Any], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url, site = served

    def failing_sign_up(*_: Any, **fields: Any) -> Any:
        # As a driver's error quotes the values of the statement that failed.
        raise RuntimeError(f"duplicate key value (email)=({fields['email']})")

    monkeypatch.setattr(type(site.condos), "sign_up", failing_sign_up)
    body = {
        "email": "claire.martin@example.org",
        "password": "a long password",
        "first_name": "Claire",
        "last_name": "Martin",
        "copro_id": "00000000-0000-0000-0000-000000000001",
        "building_id": "00000000-0000-0000-0000-000000000002",
    }
    with caplog.at_level(logging.INFO):
        answer = httpx.post(f"{url}/api/v1/auth/register", json=body, timeout=10)
        time.sleep(0.2)  # what the server logs once it has answered

    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal error", "code": "internal_error"}
    assert "failing_sign_up" in caplog.text
    assert "claire.martin@example.org" not in caplog.text
