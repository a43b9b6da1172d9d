"""The projector while the site lives: concurrent writers, rebuilds under reads, lost links."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, func, select

from copro.bootstrap import ProjectorRunner, open_condos
from copro.demo import seed_demo
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from projections import audit_index, status_page
from projections.engine import Projector
from projections.state import projection_state
from tests.integration.api import Api


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def positions_applied(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                select(audit_index.events.c.position).order_by(audit_index.events.c.position)
            )
        ]


@pytest.fixture
def runner(settings: Settings, condos: Condos, engine: Engine) -> Iterator[ProjectorRunner]:
    settings.poll_interval_seconds = 30.0  # only NOTIFY (or the in-process wake-up) is quick
    with ProjectorRunner(settings, condos, engine) as running:
        yield running


def test_four_writers_for_ten_seconds_lose_no_event_and_repeat_none(
    settings: Settings, condos: Condos, engine: Engine, runner: ProjectorRunner
) -> None:
    demo = seed_demo(condos)
    lifts = list(demo.equipment.values())[:4]
    stop = time.monotonic() + 10
    errors: list[Exception] = []

    def write(lift: Any) -> None:
        statuses = ["degraded", "operational", "major_outage", "maintenance"]
        i = 0
        try:
            while time.monotonic() < stop:
                condos.set_equipment_status(Actor.system(), lift, status=statuses[i % 4])
                i += 1
        except Exception as error:  # noqa: BLE001 - surfaced below
            errors.append(error)

    writers = [threading.Thread(target=write, args=(lift,)) for lift in lifts]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    head = condos.recorder.max_notification_id()
    watched = [
        Projector(p, condos, engine) for p in (audit_index.projection, status_page.projection)
    ]
    wait_for(lambda: all(p.position() >= head for p in watched), 30, "catch-up")

    assert not errors
    assert head > 200, "the writers wrote too little for the test to mean anything"
    # The audit index inserts one row per event (no upsert): a repeat would have failed it.
    assert positions_applied(engine) == list(range(1, head + 1))
    with engine.connect() as conn:
        states = dict(conn.execute(select(projection_state.c.name, projection_state.c.state)).all())
        shown = dict(
            conn.execute(select(status_page.equipment.c.id, status_page.equipment.c.status)).all()
        )
    assert set(states.values()) == {"running"}
    assert {shown[lift] for lift in lifts} <= {
        "degraded",
        "operational",
        "major_outage",
        "maintenance",
    }
    for lift in lifts:
        assert shown[lift] == condos.equipment(lift).manual_status


def test_a_rebuild_never_shows_readers_an_empty_or_failing_page(
    api: Api, settings: Settings
) -> None:
    site_condos = api.client.app.condos  # type: ignore[attr-defined]
    demo = seed_demo(site_condos)
    lift = demo.equipment["Ascenseur A1"]
    for i in range(600):
        site_condos.set_equipment_status(
            Actor.system(), lift, status=["degraded", "operational"][i % 2]
        )
    last = site_condos.set_equipment_status(Actor.system(), lift, status="partial_outage")
    assert api.read("/status/les-tilleuls", after=last.position).status_code == 200

    from sqlalchemy import create_engine

    engine = (
        create_engine(settings.read_store_url())
        if settings.database_url
        else api.client.app.query_app.state.engine
    )  # type: ignore[attr-defined]
    watcher = Projector(status_page.projection, site_condos, engine)
    seen: list[tuple[int, int, str]] = []
    done = threading.Event()

    def read_pages() -> None:
        while not done.is_set():
            page = api.read("/status/les-tilleuls")
            body = page.json()
            pieces = [e for b in body.get("buildings", []) for e in b["equipment"]]
            shown = next((e["status"] for e in pieces if e["id"] == str(lift)), "missing")
            seen.append((page.status_code, len(pieces), shown))

    reader = threading.Thread(target=read_pages)
    reader.start()
    try:
        watcher.start_rebuild()  # the site's own projector performs it
        wait_for(lambda: not watcher.rebuilding, 60, "the rebuild to be swapped in")
        time.sleep(0.2)
    finally:
        done.set()
        reader.join()

    assert len(seen) > 10
    assert {s for s, _, _ in seen} == {200}
    assert {n for _, n, _ in seen} == {17}
    assert {shown for _, _, shown in seen} == {"partial_outage"}


@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_the_live_tail_recovers_when_its_connection_is_killed(
    settings: Settings, condos: Condos, engine: Engine, runner: ProjectorRunner
) -> None:
    assert runner.listener is not None
    wait_for(lambda: runner.listener.connections == 1, 10, "the listener to connect")  # type: ignore[union-attr]
    with psycopg.connect(settings.database_url, autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = 'copro-listener' AND datname = current_database()"
        ).fetchone()[0]
    assert killed == 1
    wait_for(lambda: runner.listener.connections == 2, 10, "the listener to reconnect")  # type: ignore[union-attr]

    # A second application: its saves wake nobody in-process, only NOTIFY can.
    writer = open_condos(settings)
    receipt = writer.register_copro(
        Actor.system(), name="Le Parc", address="1 rue", postal_code="75001", city="Paris"
    )
    projector = Projector(status_page.projection, condos, engine)
    wait_for(lambda: projector.position() >= receipt.position, 2.0, "the projector to be woken")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(status_page.copros)).scalar_one() == 1
    writer.close()
