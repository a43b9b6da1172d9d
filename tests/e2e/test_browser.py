"""A resident opens the demo condo's status page in a real browser (Debian's chromium)."""

from __future__ import annotations

import json
import subprocess

import httpx
import pytest

from tests.conftest import REPO, chromium_ready, need
from tests.e2e.conftest import Server


@pytest.mark.browser
@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_the_status_page_names_a_broken_lift_in_words(server: Server) -> None:
    need(
        "browser",
        chromium_ready(),
        "chromium, node or frontend/node_modules/playwright-core missing",
    )
    server.cli("demo")
    page = httpx.get(f"{server.url}/api/v1/status/les-tilleuls", timeout=10).json()
    lift = next(e for b in page["buildings"] for e in b["equipment"] if e["name"] == "Ascenseur B2")

    done = subprocess.run(
        [
            "node",
            "e2e/status-page.mjs",
            "--url",
            server.url,
            "--slug",
            "les-tilleuls",
            "--equipment-id",
            lift["id"],
            "--expect-status",
            "major_outage",
            "--expect-label",
            "Panne majeure",
        ],
        cwd=REPO / "frontend",
        capture_output=True,
        text=True,
        timeout=90,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "Panne majeure" in json.dumps(result, ensure_ascii=False)
