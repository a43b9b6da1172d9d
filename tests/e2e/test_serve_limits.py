"""`copro serve` alone, with nothing in front: what a client writes in headers changes no limit."""

from __future__ import annotations

import http.client
import time

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


def ask_twice_on_one_connection(url: str, pause: float) -> list[int | str]:
    """Two GETs on one kept-alive connection, `pause` seconds apart: their status codes, or what
    went wrong when the server had hung up meanwhile."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    answers: list[int | str] = []
    try:
        for wait in (0.0, pause):
            time.sleep(wait)
            try:
                connection.request("GET", "/api/v1/healthz")
                answer = connection.getresponse()
                answer.read()
                answers.append(answer.status)
            except (OSError, http.client.HTTPException) as error:
                answers.append(type(error).__name__)
    finally:
        connection.close()
    return answers


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_an_idle_kept_alive_connection_outlives_a_clients_pause(server: Server) -> None:
    # A client that pauses a few seconds between two requests (a browser tab, Playwright's request
    # context) reuses its socket; had the server closed it meanwhile, the request in flight
    # would meet a reset (ECONNRESET) instead of an answer.
    assert ask_twice_on_one_connection(server.url, pause=6.0) == [200, 200]
