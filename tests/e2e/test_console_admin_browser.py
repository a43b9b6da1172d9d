"""Buildings and equipment, members, expenses and budget, and statistics in the manager's
console, in a real browser: the Playwright journeys of frontend/e2e/console-admin run against one
`copro serve` on PostgreSQL, seeded with `copro demo`, for the whole module.

Each spec file is a test here; a failing spec fails with Playwright's own account of it.
`make screenshots` runs the spec that only takes pictures (marked `screenshots`, not
part of `make test`); they land in frontend/e2e-results/screenshots/console-admin (git-ignored).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest

from tests.conftest import chromium_ready, need
from tests.e2e.browser_server import FRONTEND, build_frontend, demo_server, run_spec, specs_in
from tests.e2e.conftest import Server

SPECS = specs_in(FRONTEND / "e2e" / "console-admin")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with demo_server(tmp_path_factory.mktemp("console-admin")) as server:
        yield server


@pytest.mark.parametrize("spec", SPECS)
def test_console_admin_spec_passes_against_a_real_server(admin_server: Server, spec: str) -> None:
    run_spec(admin_server, f"e2e/console-admin/{spec}")


def test_the_chart_library_is_fetched_only_by_the_pages_with_charts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    need("browser", chromium_ready(), "node or frontend/node_modules missing")
    build_frontend()
    manifest = json.loads((FRONTEND / "dist" / ".vite" / "manifest.json").read_text())
    library = "components/ui/chart/chart-library.ts"
    charts = [chunk for key, chunk in manifest.items() if key.endswith(library)]
    assert len(charts) == 1, "Chart.js is one chunk of its own"
    chart = charts[0]
    assert chart.get("isDynamicEntry"), "the chart library is imported on demand only"

    # Every chunk the entry loads before any lazy page: the chart library is never among them.
    entry = next(k for k, c in manifest.items() if c.get("isEntry") and k.endswith("index.html"))
    first: set[str] = set()
    waiting = [entry]
    while waiting:
        key = waiting.pop()
        if manifest[key]["file"] not in first:
            first.add(manifest[key]["file"])
            waiting.extend(manifest[key].get("imports", []))
    assert chart["file"] not in first

    size = len(gzip.compress((FRONTEND / "dist" / chart["file"]).read_bytes(), compresslevel=9))
    with capsys.disabled():
        print(f"\nchart library chunk {chart['file']} (gzip): {size} bytes")
