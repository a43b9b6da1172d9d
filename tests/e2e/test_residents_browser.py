"""The residents' side in a real browser: the Playwright journeys of frontend/e2e run against one
`copro serve` on PostgreSQL, seeded with `copro demo`, for the whole module.

Each spec file is a test here; a failing spec fails with Playwright's own account of it.
`make screenshots` runs the spec that only takes pictures (marked `screenshots`, not
part of `make test`); they land in frontend/e2e-results/screenshots (git-ignored).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import chromium_ready, need
from tests.e2e.browser_server import FRONTEND, build_frontend, demo_server, run_spec, specs_in
from tests.e2e.conftest import Server

SPECS = specs_in(FRONTEND / "e2e")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def residents_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with demo_server(tmp_path_factory.mktemp("residents")) as server:
        yield server


@pytest.mark.parametrize("spec", SPECS)
def test_playwright_spec_passes_against_a_real_server(residents_server: Server, spec: str) -> None:
    run_spec(residents_server, f"e2e/{spec}")


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
