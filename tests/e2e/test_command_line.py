"""The operator's command line, read as an operator reads it: in a terminal or a log."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from uuid import uuid4

from tests.e2e.conftest import COPRO, server_env


def copro(tmp_path: Path, *args: str) -> str:
    done = subprocess.run(
        [COPRO, *args], env=server_env(tmp_path, None), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_help_shows_no_value_type_after_flags(tmp_path: Path) -> None:
    for command in (["demo"], ["projections", "rebuild"], ["admin", "create"]):
        shown = copro(tmp_path, *command, "--help")
        assert "--help" in shown and "<bool>" not in shown, shown


def test_projections_status_is_not_cut_when_written_to_a_log(tmp_path: Path) -> None:
    shown = copro(tmp_path, "projections", "status")
    assert "maintenance_calendar" in shown and "last error" in shown, shown
    assert "…" not in shown, shown


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COPRO, *args],
        env=server_env(tmp_path, None) | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_audit_export_of_a_store_never_served_says_the_condo_is_unknown(
    tmp_path: Path,
) -> None:
    done = run(tmp_path, "audit", "export", "--condo", str(uuid4()), "--out", str(tmp_path / "x"))
    assert done.returncode == 2, done.stderr
    assert "in the audit index" in done.stdout and "Traceback" not in done.stderr


def test_an_audit_export_loads_no_server_nor_aggregates(tmp_path: Path) -> None:
    # An export of a condo's years streams in constant memory: what the command loads is most
    # of what it holds, and the APIs, their server and the write side would add some 25 MB.
    done = run(
        tmp_path,
        "audit",
        "export",
        "--condo",
        str(uuid4()),
        "--out",
        str(tmp_path / "x"),
        PYTHONPROFILEIMPORTTIME="1",
    )
    loaded = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "copro.audit.commands" in loaded  # the profile was read
    assert not loaded & {"fastapi", "uvicorn", "starlette", "domain.application"}


def test_a_persons_export_from_a_store_never_served_holds_nothing(tmp_path: Path) -> None:
    shown = json.loads(copro(tmp_path, "people", "export", "--email", "nobody@example.org"))
    assert shown == {"people": [], "account": None, "tickets": []}
