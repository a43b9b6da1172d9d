"""Request bodies over the limit are refused before they are read into the application."""

from __future__ import annotations

import json
from collections.abc import Iterator

from tests.integration.api import Api

LIMIT = 1_048_576


def huge_report(size: int) -> bytes:
    return json.dumps({"type": "request", "title": "x", "description": "y" * size}).encode()


class TestBodyLimit:
    def test_a_20_mb_body_is_refused_with_413(self, api: Api, admin: dict[str, str]) -> None:
        body = huge_report(20_000_000)
        answer = api.client.post(
            "/api/v1/copros", content=body, headers={**admin, "Content-Type": "application/json"}
        )
        assert answer.status_code == 413
        assert answer.json()["code"] == "payload_too_large"

    def test_a_body_sent_without_a_length_is_counted_too(self, api: Api) -> None:
        def chunks() -> Iterator[bytes]:
            for _ in range(30):
                yield b" " * 100_000

        answer = api.client.post(
            "/api/v1/auth/register", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 413

    def test_a_body_under_the_limit_is_read_and_validated(self, api: Api) -> None:
        answer = api.client.post(
            "/api/v1/auth/register",
            content=huge_report(LIMIT - 1000),
            headers={"Content-Type": "application/json"},
        )
        assert answer.status_code == 422
        assert answer.json()["code"] == "validation_error"

    def test_a_small_body_without_a_length_still_reaches_the_command(self, api: Api) -> None:
        def chunks() -> Iterator[bytes]:
            yield b'{"email": "x@example.org",'
            yield b' "password": "short"}'

        answer = api.client.post(
            "/api/v1/auth/register", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 422
        assert "password" in {e["field"] for e in answer.json()["detail"]}
