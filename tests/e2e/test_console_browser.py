"""The manager's console in a real browser: the Playwright journeys of frontend/e2e/console run
against one `copro serve` on PostgreSQL, seeded with `copro demo`, for the whole module.

Each spec file is a test here; a failing spec fails with Playwright's own account of it.
`make screenshots` runs the spec that only takes pictures (marked `screenshots`, not
part of `make test`); they land in frontend/e2e-results/screenshots/console (git-ignored).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import chromium_ready, need
from tests.e2e.browser_server import FRONTEND, build_frontend, demo_server, run_spec, specs_in
from tests.e2e.conftest import Server

SPECS = specs_in(FRONTEND / "e2e" / "console")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def console_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with demo_server(tmp_path_factory.mktemp("console")) as server:
        yield server


@pytest.mark.parametrize("spec", SPECS)
def test_console_spec_passes_against_a_real_server(console_server: Server, spec: str) -> None:
    run_spec(console_server, f"e2e/console/{spec}")


# The console loads only when a signed-in manager needs it: the public page's first load must
# not carry any of it. Measured before the console: 127,436 bytes gzipped; 127,980 once the
# header linked residents to their condo's expenses and statistics and operators to /ops, and
# the live page and the page at an instant shared what they say of their moment.
FIRST_LOAD_BEFORE_CONSOLE = 128_000


def test_console_code_is_not_in_the_public_pages_first_load(
    capsys: pytest.CaptureFixture[str],
) -> None:
    need("browser", chromium_ready(), "node or frontend/node_modules missing")
    build_frontend()
    done = subprocess.run(
        ["node", "scripts/first-load-size.mjs", "--budget", str(FIRST_LOAD_BEFORE_CONSOLE)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=60,
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    manifest = json.loads((FRONTEND / "dist" / ".vite" / "manifest.json").read_text())
    first = {f["file"] for f in measured["files"]}
    console = {
        chunk["file"]
        for key, chunk in manifest.items()
        if "/routes/console/" in key or key.startswith("src/features/incidents/")
    }
    with capsys.disabled():
        print(f"\nfirst load of /c/:slug (gzip): {measured['gzip_bytes']} bytes")
    assert console and not (console & first), f"console chunks in the first load: {console & first}"
    assert done.returncode == 0, f"the first load grew: {done.stdout}"
