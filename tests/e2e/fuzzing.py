"""Schemathesis against an OpenAPI document of a real `copro serve`: whatever a client sends,
with no token, a manager's or the platform admin's, the answer is never a 5xx and always one
its document promises (status, content type, body shape).

Bounded and deterministic (a fixed number of examples per operation), so that a failure comes
back the same on the next run. The coverage phase (boundary values: the largest integers, the
earliest dates, NUL in strings) runs with the manager's token, which reaches the deepest code;
without a token most operations stop at 401, so random inputs suffice. The platform admin's
run reaches what a manager is refused (the log's head, the operators' board, a person's export,
registering a condo, erasing a person).

Test files of their own (`test_fuzz_command_api.py`, and the query API's, longer, one per store:
`test_fuzz_query_api_on_*.py`), so that they run on different test workers: together they take
minutes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from tests.e2e.conftest import Server

ST = str(Path(sys.executable).parent / "st")
# Per-operation settings (the status stream's read time).
CONFIG = Path(__file__).with_name("schemathesis.toml")
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    ]
)


def fuzz(
    server: Server, document: str, phases: str, *headers: str
) -> subprocess.CompletedProcess[str]:
    command = [
        ST,
        "--config-file",
        str(CONFIG),
        "run",
        f"{server.url}/api/v1/{document}/openapi.json",
        "--checks",
        CHECKS,
        "--phases",
        phases,
        "--max-examples",
        "10",
        "--generation-deterministic",
        # One thread: CPython 3.11's AST constructor is not thread-safe, and hypothesis parses
        # lambdas' sources to describe strategies; two threads failed a fresh-clone CI run with
        # "SystemError: AST constructor recursion depth mismatch" (python/cpython#106905).
        "--workers",
        "1",
        "--suppress-health-check",
        "all",
        "--no-color",
        *(part for header in headers for part in ("-H", header)),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def answers_as_its_document_says(server: Server, document: str) -> None:
    """Fuzzes `document` without a token, then with a manager's of the demo condo, then with
    the demo's platform admin's."""
    server.cli("demo")
    manager = login(server, "gestion@les-tilleuls.example", "tilleuls-gestion")
    admin = login(server, "admin@copro.example", "copro-admin-demo")
    runs = [
        ("examples,fuzzing", ()),
        ("examples,coverage,fuzzing", (f"Authorization: Bearer {manager}",)),
        ("examples,fuzzing", (f"Authorization: Bearer {admin}",)),
    ]
    for phases, headers in runs:
        done = fuzz(server, document, phases, *headers)
        assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


def login(server: Server, email: str, password: str) -> str:
    answer = httpx.post(
        f"{server.url}/api/v1/auth/login", data={"username": email, "password": password}
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])
