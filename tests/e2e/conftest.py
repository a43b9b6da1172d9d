"""A real `copro serve` process on a free port, with its own store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, SECRET

COPRO = str(Path(sys.executable).parent / "copro")


@dataclass
class Server:
    url: str
    env: dict[str, str]
    log: Path | None = None

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [COPRO, *args], env=self.env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(tmp_path: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPRO_")}
    env.update(
        COPRO_ENV="production",
        COPRO_SECRET_KEY=SECRET,
        COPRO_DATA_DIR=str(tmp_path / "var"),
        COPRO_POLL_INTERVAL_SECONDS="0.5",
    )
    if database_url:
        env["COPRO_DATABASE_URL"] = database_url
        # As production is configured: on PostgreSQL the log's head is signed with this key
        # (without it, `GET /audit/head` answers 503 audit_key_missing, tested in-process).
        # Embedded, the key file made on first use stays what is exercised.
        env["COPRO_AUDIT_KEY"] = "5e" * 32
    return env


@pytest.fixture(params=["sqlite", "postgres"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    database_url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    env = server_env(tmp_path, database_url)
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen(
        [COPRO, "serve", "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/api/v1/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    "copro serve did not start:\n" + (tmp_path / "serve.log").read_text()
                )
            time.sleep(0.1)
        yield Server(url, env, tmp_path / "serve.log")
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
