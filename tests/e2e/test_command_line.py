"""The operator's command line, read as an operator reads it: in a terminal or a log."""

from __future__ import annotations

import subprocess
from pathlib import Path

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
