"""What the browser journeys share: the frontend built from its sources, one `copro serve` on
PostgreSQL seeded with `copro demo`, and a Playwright spec run against it."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import POSTGRES_UP, REPO, chromium_ready, create_database, drop_database, need
from tests.e2e.conftest import COPRO, Server, free_port, server_env

FRONTEND = REPO / "frontend"
# Sources whose change means frontend/dist must be built again before the browser sees them.
SOURCES = ["src", "public", "index.html", "vite.config.ts", "tsconfig.json", "package.json"]


# The spec that only takes pictures for a person to look at.
SCREENSHOTS = "screenshots.spec.ts"


def specs_in(folder: Path) -> list[object]:
    """The Playwright specs of `folder`, as parameters of a test. A spec that only takes
    pictures for a person to look at (`screenshots.spec.ts`) asserts nothing: it is marked
    `screenshots`, left out of `make test` and run by `make screenshots`."""
    return [
        pytest.param(p.name, marks=[pytest.mark.screenshots] if p.name == SCREENSHOTS else [])
        for p in sorted(folder.glob("*.spec.ts"))
    ]


def built_frontend_is_stale() -> bool:
    built = FRONTEND / "dist" / ".vite" / "manifest.json"
    if not built.exists():
        return True
    paths = [FRONTEND / name for name in SOURCES]
    files = [p for p in paths if p.is_file()]
    files += [f for p in paths if p.is_dir() for f in p.rglob("*")]
    newest = max(f.stat().st_mtime for f in files if f.is_file())
    return newest > built.stat().st_mtime


def build_frontend() -> None:
    if built_frontend_is_stale():
        done = subprocess.run(
            ["npm", "run", "build"], cwd=FRONTEND, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stdout + done.stderr


def wait_for_demo(url: str, deadline: float) -> None:
    """Until the read models show the demo condo with its three buildings."""
    while time.monotonic() < deadline:
        try:
            answer = httpx.get(f"{url}/api/v1/status/les-tilleuls", timeout=2)
            if answer.status_code == 200 and len(answer.json()["buildings"]) >= 3:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("the demo condo never showed on the status page")


@contextmanager
def demo_server(tmp_path: Path) -> Iterator[Server]:
    """`copro serve` on a new PostgreSQL database seeded with `copro demo`, until the block ends."""
    need("browser", chromium_ready(), "chromium, node or frontend/node_modules missing")
    need("postgres", POSTGRES_UP, "PostgreSQL unreachable")
    build_frontend()
    database_url = create_database()
    env = server_env(tmp_path, database_url)
    # The journeys sign in and report many times from one address within a minute.
    env.update(COPRO_LOGIN_ATTEMPTS_PER_MINUTE="1000", COPRO_ANONYMOUS_TICKETS_PER_HOUR="1000")
    log_path = tmp_path / "serve.log"
    log = open(log_path, "w")
    process: subprocess.Popen[bytes] | None = None
    try:
        seeded = subprocess.run(
            [COPRO, "demo"], env=env, cwd=REPO, capture_output=True, text=True, timeout=300
        )
        assert seeded.returncode == 0, seeded.stdout + seeded.stderr
        port = free_port()
        process = subprocess.Popen(
            [COPRO, "serve", "--port", str(port)],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v1/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("copro serve did not start:\n" + log_path.read_text())
            time.sleep(0.1)
        wait_for_demo(url, deadline)
        yield Server(url, env, log_path)
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
        drop_database(database_url)


def run_spec(server: Server, spec: str) -> None:
    """Runs one Playwright spec (a path under frontend/) against the server; fails with
    Playwright's own account of what went wrong."""
    env = {
        **os.environ,
        "COPRO_E2E_URL": server.url,
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
        "CI": "",
    }
    done = subprocess.run(
        ["npx", "--no-install", "playwright", "test", spec],
        cwd=FRONTEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert done.returncode == 0, f"{spec} failed:\n{done.stdout}\n{done.stderr}"
