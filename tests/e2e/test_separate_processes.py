"""The production shape: command API, query API and projector as three processes on PostgreSQL."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO
from tests.e2e.conftest import COPRO, Server, free_port, server_env


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    raise AssertionError(f"{url} did not come up:\n{log.read_text()}")


@pytest.fixture
def stack(postgres_url: str, tmp_path: Path) -> Iterator[tuple[str, str, Server]]:
    env = server_env(tmp_path, postgres_url)
    # A long polling interval: only LISTEN/NOTIFY can wake the projector in time.
    env["COPRO_POLL_INTERVAL_SECONDS"] = "30"
    command_port, query_port = free_port(), free_port()
    processes = []
    try:
        for args, name in (
            (["command-api", "--port", str(command_port)], "command"),
            (["query-api", "--port", str(query_port)], "query"),
            (["projector"], "projector"),
        ):
            log = tmp_path / f"{name}.log"
            processes.append(
                (
                    subprocess.Popen(
                        [COPRO, *args],
                        env=env,
                        cwd=REPO,
                        stdout=log.open("w"),
                        stderr=subprocess.STDOUT,
                    ),
                    log,
                )
            )
        command_url, query_url = (
            f"http://127.0.0.1:{command_port}",
            f"http://127.0.0.1:{query_port}",
        )
        wait_until_up(command_url, *processes[0])
        wait_until_up(query_url, *processes[1])
        time.sleep(1.0)  # the projector has set up its tables and is listening
        yield command_url, query_url, Server(command_url, env)
    finally:
        for process, _ in processes:
            process.terminate()
        for process, _ in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_write_is_readable_from_the_query_process_within_a_second(
    stack: tuple[str, str, Server],
) -> None:
    command_url, query_url, server = stack
    server.cli(
        "admin", "create", "--email", "admin@copro-e2e.org", "--password", "correct horse battery"
    )
    token = httpx.post(
        f"{command_url}/api/v1/auth/login",
        data={"username": "admin@copro-e2e.org", "password": "correct horse battery"},
    ).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    condo = httpx.post(
        f"{command_url}/api/v1/copros",
        headers=auth,
        json={"name": "Le Parc", "address": "1 rue", "postal_code": "75001", "city": "Paris"},
    )
    assert condo.status_code == 201, condo.text

    began = time.monotonic()
    page = httpx.get(
        f"{query_url}/api/v1/status/le-parc",
        headers={"X-Copro-After": str(condo.json()["position"])},
        timeout=10,
    )
    waited = time.monotonic() - began

    assert page.status_code == 200, page.text
    assert page.json()["copro"]["name"] == "Le Parc"
    assert waited < 1.0, f"the projector was not woken by NOTIFY (waited {waited:.2f} s)"
