"""The compose topology as local processes (`make stack`): real nginx from `infra/nginx.conf` in
front of the two APIs, the projector and the scheduler on PostgreSQL."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from infra.stack import Stack, running
from tests.conftest import POSTGRES_UP, create_database, drop_database, need


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    need("postgres", POSTGRES_UP, "PostgreSQL unreachable")
    need("nginx", Path("/usr/sbin/nginx").exists(), "nginx is not installed")
    url = create_database()
    # The APIs trusting every proxy is the worst case: nginx alone must make the address right.
    try:
        with running(url, tmp_path_factory.mktemp("stack"), FORWARDED_ALLOW_IPS="*") as stack:
            yield stack
    finally:
        drop_database(url)


def test_a_spoofed_forwarded_for_does_not_dodge_the_login_limit(stack: Stack) -> None:
    codes = [
        httpx.post(
            f"{stack.url}/api/v1/auth/login",
            data={"username": "who@example.org", "password": "not the password"},
            headers={"X-Forwarded-For": f"203.0.113.{i}, 198.51.100.7"},
        ).status_code
        for i in range(25)
    ]
    assert codes[:10] == [401] * 10
    assert set(codes[10:]) == {429}


def test_a_body_over_one_megabyte_is_refused_by_nginx(stack: Stack) -> None:
    answer = httpx.post(
        f"{stack.url}/api/v1/copros",
        content=b"{" + b" " * 20_000_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413


def test_both_openapi_documents_are_on_the_one_origin(stack: Stack) -> None:
    for part, title in (("command", "Copro command API"), ("query", "Copro query API")):
        answer = httpx.get(f"{stack.url}/api/v1/{part}/openapi.json")
        assert answer.status_code == 200, (part, answer.text[:200])
        assert answer.json()["info"]["title"] == title


def test_the_interactive_docs_and_their_assets_come_through_nginx(stack: Stack) -> None:
    page = httpx.get(f"{stack.url}/api/v1/docs")
    assert page.status_code == 200 and "/api/v1/command/openapi.json" in page.text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        answer = httpx.get(f"{stack.url}/api/v1/docs/assets/{asset}")
        assert answer.status_code == 200 and len(answer.content) > 10_000, asset


def test_json_is_compressed(stack: Stack) -> None:
    answer = httpx.get(
        f"{stack.url}/api/v1/query/openapi.json", headers={"Accept-Encoding": "gzip"}
    )
    assert answer.headers["content-encoding"] == "gzip"
    assert json.loads(answer.content)["openapi"].startswith("3.")
    raw = httpx.get(f"{stack.url}/api/v1/query/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert len(gzip.compress(raw.content)) < len(raw.content)


def test_hashed_assets_are_immutable_and_the_page_is_revalidated(stack: Stack) -> None:
    page = httpx.get(f"{stack.url}/c/les-tilleuls")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-cache"
    asset = next(
        part.split('"')[0] for part in page.text.split('src="')[1:] if part.startswith("/assets/")
    )
    answer = httpx.get(f"{stack.url}{asset}")
    assert answer.status_code == 200
    assert "immutable" in answer.headers["cache-control"]
    assert "max-age=31536000" in answer.headers["cache-control"]
