"""Projector processes on PostgreSQL: killed mid-rebuild, and two of them sharing the work."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from copro.bootstrap import open_condos, projectors, read_engine
from copro.demo import seed_demo
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from projections import status_page
from projections.engine import Projector
from tests.conftest import REPO, settings_for
from tests.e2e.conftest import COPRO, server_env
from tests.integration.helpers import rows_of


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


class Stack:
    def __init__(self, tmp_path: Path, url: str) -> None:
        self.tmp_path = tmp_path
        self.env = server_env(tmp_path, url) | {
            "COPRO_PROJECTOR_BATCH_SIZE": "20",
            "COPRO_PROJECTOR_REBUILD_BATCH_SIZE": "20",
            "COPRO_POLL_INTERVAL_SECONDS": "0.3",
        }
        self.settings: Settings = settings_for(tmp_path / "var", url)
        self.condos: Condos = open_condos(self.settings)
        self.engine: Engine = read_engine(self.settings)
        self.processes: list[subprocess.Popen[bytes]] = []

    def projector(self) -> subprocess.Popen[bytes]:
        log = (self.tmp_path / f"projector-{len(self.processes)}.log").open("w")
        process = subprocess.Popen(
            [COPRO, "projector"], env=self.env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append(process)
        return process

    def watched(self) -> list[Projector]:
        return projectors(self.condos, self.engine)

    def caught_up(self) -> bool:
        head = self.condos.recorder.max_notification_id() or 0
        try:
            return all(p.position() >= head and not p.rebuilding for p in self.watched())
        except Exception:  # noqa: BLE001 - the tables may not exist yet
            return False

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=15)
        self.condos.close()
        self.engine.dispose()


@pytest.fixture
def stack(postgres_url: str, tmp_path: Path) -> Iterator[Stack]:
    running = Stack(tmp_path, postgres_url)
    try:
        yield running
    finally:
        running.close()


def busy_history(condos: Condos, changes: int) -> None:
    demo = seed_demo(condos)
    lifts = list(demo.equipment.values())
    for i in range(changes):
        condos.set_equipment_status(
            Actor.system(),
            lifts[i % len(lifts)],
            status=["degraded", "operational", "major_outage"][i % 3],
        )


def test_a_projector_killed_mid_rebuild_finishes_it_on_restart_as_a_clean_rebuild_would(
    stack: Stack,
) -> None:
    busy_history(stack.condos, 3000)
    first = stack.projector()
    wait_for(stack.caught_up, 60, "the first catch-up")
    watcher = Projector(status_page.projection, stack.condos, stack.engine)

    watcher.start_rebuild()
    wait_for(
        lambda: (watcher.status().rebuild_position or 0) > 300, 30, "the rebuild to be under way"
    )
    first.send_signal(signal.SIGKILL)
    first.wait()
    interrupted_at = watcher.status().rebuild_position
    assert (
        interrupted_at is not None and interrupted_at < stack.condos.recorder.max_notification_id()
    )

    stack.projector()
    wait_for(stack.caught_up, 60, "the restarted projector to finish the rebuild")
    resumed = rows_of(stack.engine, status_page.projection)
    for process in stack.processes:
        process.terminate()
        process.wait(timeout=15)

    watcher.reset()
    watcher.catch_up()
    assert rows_of(stack.engine, status_page.projection) == resumed


def test_two_projectors_share_nothing_and_the_survivor_takes_over(stack: Stack) -> None:
    busy_history(stack.condos, 100)
    first = stack.projector()
    wait_for(stack.caught_up, 60, "the first projector")
    owners = {p.name: p.status().owner for p in stack.watched()}
    assert len(set(owners.values())) == 1 and str(first.pid) in next(iter(owners.values()))

    second = stack.projector()
    time.sleep(2.0)
    stack.condos.set_equipment_status(
        Actor.system(), next(iter(seed_ids(stack))), status="partial_outage"
    )
    wait_for(stack.caught_up, 10, "the first projector to apply a new event")
    assert {p.name: p.status().owner for p in stack.watched()} == owners

    first.send_signal(signal.SIGKILL)
    first.wait()
    receipt = stack.condos.set_equipment_status(
        Actor.system(), next(iter(seed_ids(stack))), status="degraded"
    )
    wait_for(stack.caught_up, 20, "the second projector to take over")
    assert all(str(second.pid) in (p.status().owner or "") for p in stack.watched())
    assert all(p.position() >= receipt.position for p in stack.watched())


def seed_ids(stack: Stack) -> list[Any]:
    from sqlalchemy import select

    with stack.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(status_page.equipment.c.id))]


def test_an_operator_rebuild_shared_between_two_processes_ends_with_the_same_rows(
    stack: Stack,
) -> None:
    busy_history(stack.condos, 1500)
    for projector in stack.watched():
        projector.setup()
        projector.catch_up()
    before = {p.name: rows_of(stack.engine, p.projection) for p in stack.watched()}

    done = subprocess.run(
        [COPRO, "projections", "rebuild", "--all", "--workers", "2"],
        env=stack.env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert "rebuilt and swapped in" in done.stdout
    for projector in stack.watched():
        assert not projector.rebuilding
        assert rows_of(stack.engine, projector.projection) == before[projector.name]
