"""The auditor's desk and the operators' board in a real browser: the Playwright journeys of
frontend/e2e/oversight run against one `copro serve` on PostgreSQL, seeded with `copro demo`
and given a platform operator (`copro admin create --operator`), for the whole module.

Each spec file is a test here; a failing spec fails with Playwright's own account of it.
The accessibility spec also takes pictures of each screen as it checks it; they land in
frontend/e2e-results/screenshots/oversight (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.browser_server import FRONTEND, demo_server, run_spec, specs_in
from tests.e2e.conftest import Server

SPECS = specs_in(FRONTEND / "e2e" / "oversight")
# The operator frontend/e2e/oversight/oversight-support.ts signs in as.
OPERATOR = ("operateur@copro.example", "copro-operateur-e2e")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def oversight_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with demo_server(tmp_path_factory.mktemp("oversight")) as server:
        email, password = OPERATOR
        server.cli("admin", "create", "--operator", "--email", email, "--password", password)
        yield server


@pytest.mark.parametrize("spec", SPECS)
def test_oversight_spec_passes_against_a_real_server(oversight_server: Server, spec: str) -> None:
    run_spec(oversight_server, f"e2e/oversight/{spec}")
