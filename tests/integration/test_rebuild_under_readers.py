"""Rebuilds swapped in while readers keep reading: on PostgreSQL a swap takes exclusive locks on
live tables that readers hold shared locks on, and it must be the swap that waits or gives way."""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, func, select

from copro.bootstrap import read_engine
from copro.demo import LOGINS, seed_demo
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from projections import status_page
from projections.engine import Projector
from projections.registry import PROJECTIONS
from tests.integration.api import Api


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def a_few_thousand_commands(condos: Condos, equipment: dict[str, Any]) -> int:
    """Statuses set by hand, incidents opened and resolved: every projection has rows."""
    lifts = list(equipment.values())
    last = 0
    for i in range(2400):
        last = condos.set_equipment_status(
            Actor.system(), lifts[i % 6], status=["degraded", "operational"][i % 2]
        ).position
    for i in range(300):
        opened = condos.open_incident(
            Actor.system(),
            condos.equipment(lifts[0]).copro_id,
            title=f"Panne {i}",
            message="En panne.",
            impacts=[{"equipment_id": lifts[6 + i % 4], "impact": "degraded"}],
        )
        last = condos.post_incident_update(
            Actor.system(), opened.id, message="Réparé.", status="resolved"
        ).position
    return last


@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_readers_see_no_error_and_no_empty_page_while_every_projection_is_swapped_three_times(
    api: Api, settings: Settings
) -> None:
    site = api.client.app  # type: ignore[attr-defined]
    condos: Condos = site.condos
    demo = seed_demo(condos)
    last = a_few_thousand_commands(condos, demo.equipment)
    manager = api.login(LOGINS[0].email, LOGINS[0].password)
    assert api.read(f"/status/{demo.slug}", after=last).status_code == 200
    paths = [
        f"/status/{demo.slug}",
        f"/status/{demo.slug}/history?days=30",
        f"/copros/{demo.copro_id}/incidents",
        f"/copros/{demo.copro_id}/tickets",
        f"/copros/{demo.copro_id}/equipment",
        f"/copros/{demo.copro_id}/statistics",
        f"/copros/{demo.copro_id}/expenses",
        f"/copros/{demo.copro_id}/audit/events",
    ]
    failures: list[tuple[str, int, str]] = []
    empty_pages: list[int] = []
    reads = [0]
    done = threading.Event()

    def read_in_a_loop(offset: int) -> None:
        i = offset
        while not done.is_set():
            path = paths[i % len(paths)]
            i += 1
            try:
                answer = api.read(path, manager)
            except Exception as error:  # noqa: BLE001 - the test client raises what the app did
                failures.append((path, 500, repr(error)[:200]))
                continue
            reads[0] += 1
            if answer.status_code != 200:
                failures.append((path, answer.status_code, answer.text[:200]))
            elif path == paths[0]:
                pieces = [e for b in answer.json()["buildings"] for e in b["equipment"]]
                if len(pieces) != 17:
                    empty_pages.append(len(pieces))

    readers = [threading.Thread(target=read_in_a_loop, args=(n,)) for n in range(4)]
    for reader in readers:
        reader.start()
    # The site's own projector performs each rebuild and its swap.
    engine = read_engine(settings)
    projectors = [Projector(p, condos, engine) for p in PROJECTIONS]
    try:
        for _ in range(3):
            for projector in projectors:
                projector.start_rebuild()
            wait_for(lambda: not any(p.rebuilding for p in projectors), 120, "the swaps")
    finally:
        done.set()
        for reader in readers:
            reader.join()

    engine.dispose()
    assert reads[0] > 50, "the readers read too little for the test to mean anything"
    assert failures == []
    assert empty_pages == []


@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_a_swap_gives_way_to_a_reader_holding_a_live_table_and_is_done_once_it_lets_go(
    settings: Settings, condos: Condos, engine: Engine
) -> None:
    seed_demo(condos)
    projector = Projector(status_page.projection, condos, engine)
    projector.setup()
    projector.catch_up()
    projector.start_rebuild()
    with psycopg.connect(settings.database_url) as reader:
        # A reader in a transaction that has read one table, as readers used to.
        reader.execute("SELECT count(*) FROM status_equipment").fetchone()
        rounds = threading.Thread(target=lambda: [projector.run_once() for _ in range(3)])
        rounds.start()
        rounds.join(timeout=10)
        assert not rounds.is_alive(), "the swap waited for the reader instead of giving way"
        assert projector.rebuilding
        reader.rollback()
    projector.run_once()
    assert not projector.rebuilding
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(status_page.equipment)).scalar() == 17
