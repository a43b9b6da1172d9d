"""The frontend's API types follow the OpenAPI documents the APIs serve: the committed documents
(frontend/openapi/*.json) and the TypeScript generated from them (frontend/src/types/api/*.ts)
must be what `frontend/openapi/dump.py` and `npm run gen:api` write today."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

FRONTEND = REPO / "frontend"
DOCUMENTS = ("query", "command")
REGENERATE = ".venv/bin/python frontend/openapi/dump.py && (cd frontend && npm run gen:api)"


def dump(out: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(FRONTEND / "openapi" / "dump.py"), str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_committed_openapi_documents_match_the_apis(tmp_path: Path) -> None:
    dump(tmp_path)
    for name in DOCUMENTS:
        committed = (FRONTEND / "openapi" / f"{name}.json").read_text(encoding="utf-8")
        assert (tmp_path / f"{name}.json").read_text(encoding="utf-8") == committed, (
            f"frontend/openapi/{name}.json is stale: run `{REGENERATE}`"
        )


def test_generated_typescript_matches_the_committed_documents(tmp_path: Path) -> None:
    generator = FRONTEND / "node_modules" / ".bin" / "openapi-typescript"
    if not (shutil.which("node") and generator.exists()):
        pytest.skip("node or frontend/node_modules/openapi-typescript missing")
    for name in DOCUMENTS:
        out = tmp_path / f"{name}.ts"
        done = subprocess.run(
            [str(generator), f"openapi/{name}.json", "-o", str(out)],
            cwd=FRONTEND,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        committed = (FRONTEND / "src" / "types" / "api" / f"{name}.ts").read_text(encoding="utf-8")
        assert out.read_text(encoding="utf-8") == committed, (
            f"frontend/src/types/api/{name}.ts is stale: run `{REGENERATE}`"
        )
