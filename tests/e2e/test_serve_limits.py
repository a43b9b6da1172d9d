"""`copro serve` alone, with nothing in front: what a client writes in headers changes no limit."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import Server


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_a_forwarded_for_header_is_not_believed_without_a_proxy(server: Server) -> None:
    codes = [
        httpx.post(
            f"{server.url}/api/v1/auth/login",
            data={"username": "who@example.org", "password": "not the password"},
            headers={"X-Forwarded-For": f"203.0.113.{i}"},
        ).status_code
        for i in range(12)
    ]
    assert codes == [401] * 10 + [429] * 2


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_a_20_mb_body_is_refused_before_it_is_parsed(server: Server) -> None:
    answer = httpx.post(
        f"{server.url}/api/v1/copros",
        content=b"[" + b"1," * 10_000_000 + b"1]",
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    assert answer.json()["code"] == "payload_too_large"
