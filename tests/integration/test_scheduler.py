"""The maintenance scheduler against the real event store, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from copro.bootstrap import open_condos
from copro.scheduler import MaintenanceScheduler, SchedulerRunner
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from domain.maintenance import Maintenance
from tests.integration.helpers import admin_actor

NOW = datetime.now(UTC).replace(microsecond=0)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def lift_of_a_new_condo(condos: Condos) -> tuple[Actor, UUID, UUID]:
    admin = admin_actor(condos)
    copro = condos.register_copro(
        admin, name="Résidence Les Tilleuls", address="12 rue", postal_code="69003", city="Lyon"
    )
    building = condos.add_building(admin, copro.id, name="Bâtiment A")
    lift = condos.install_equipment(
        admin, copro.id, building_id=building.id, name="Ascenseur 1", category="lift"
    )
    return admin, copro.id, lift.id


def plan(
    condos: Condos, starts_at: datetime, ends_at: datetime, count: int = 1
) -> tuple[Actor, list[UUID]]:
    admin, copro_id, lift_id = lift_of_a_new_condo(condos)
    ids = [
        condos.schedule_maintenance(
            admin,
            copro_id,
            title=f"Révision n°{n}",
            equipment_ids=[lift_id],
            starts_at=starts_at,
            ends_at=ends_at,
        ).id
        for n in range(count)
    ]
    return admin, ids


def logged(condos: Condos, *event_classes: type) -> Counter[tuple[str, UUID]]:
    """How many events of these classes the log holds, per (class name, window)."""
    notifications = condos.recorder.select_notifications(
        start=1, limit=10_000, topics=[get_topic(c) for c in event_classes]
    )
    events = [condos.mapper.to_domain_event(n) for n in notifications]
    return Counter((type(e).__name__, e.originator_id) for e in events)


class TestOnTime:
    def test_a_window_that_began_is_started_then_completed_at_its_end_by_system(
        self, condos: Condos
    ) -> None:
        _, [window_id] = plan(condos, NOW - timedelta(hours=1), NOW + timedelta(minutes=10))
        clock = Clock(NOW)
        scheduler = MaintenanceScheduler(condos, clock=clock)

        assert scheduler.tick() == 1
        assert condos.maintenance(window_id).state == "in_progress"
        assert scheduler.tick() == 0

        clock.now = NOW + timedelta(minutes=10)
        assert scheduler.tick() == 1
        window = condos.maintenance(window_id)
        started, completed = list[Any](condos.events.get(window_id))[1:]
        assert window.state == "completed"
        assert (type(started).__name__, started.actor) == ("Started", "system")
        assert (type(completed).__name__, completed.actor) == ("Completed", "system")
        assert (window.started_at, window.completed_at) == (started.timestamp, completed.timestamp)

    def test_a_window_not_yet_begun_is_left_alone(self, condos: Condos) -> None:
        _, [window_id] = plan(condos, NOW + timedelta(minutes=5), NOW + timedelta(hours=1))
        scheduler = MaintenanceScheduler(condos, clock=Clock(NOW))
        assert scheduler.tick() == 0
        assert condos.maintenance(window_id).state == "scheduled"

    def test_a_window_already_over_is_started_and_completed_in_one_tick(
        self, condos: Condos
    ) -> None:
        _, [window_id] = plan(condos, NOW - timedelta(hours=2), NOW - timedelta(hours=1))
        assert MaintenanceScheduler(condos, clock=Clock(NOW)).tick() == 2
        assert condos.maintenance(window_id).state == "completed"


class TestManagersComeFirst:
    def test_a_window_cancelled_before_its_start_is_never_started(self, condos: Condos) -> None:
        admin, [window_id] = plan(condos, NOW + timedelta(hours=1), NOW + timedelta(hours=2))
        clock = Clock(NOW)
        scheduler = MaintenanceScheduler(condos, clock=clock)
        scheduler.tick()
        condos.cancel_maintenance(admin, window_id, reason="intervenant indisponible")

        for later in (timedelta(hours=1), timedelta(hours=3)):
            clock.now = NOW + later
            assert scheduler.tick() == 0
        assert logged(condos, Maintenance.Started, Maintenance.Completed) == Counter()
        assert condos.maintenance(window_id).state == "cancelled"

    def test_a_window_extended_after_the_scheduler_saw_it_ends_at_its_new_end(
        self, condos: Condos
    ) -> None:
        admin, [window_id] = plan(condos, NOW - timedelta(hours=1), NOW + timedelta(hours=1))
        clock = Clock(NOW)
        scheduler = MaintenanceScheduler(condos, clock=clock)
        scheduler.tick()
        condos.extend_maintenance(admin, window_id, ends_at=NOW + timedelta(hours=3))

        clock.now = NOW + timedelta(hours=2)
        assert scheduler.tick() == 0
        assert condos.maintenance(window_id).state == "in_progress"
        clock.now = NOW + timedelta(hours=3)
        assert scheduler.tick() == 1
        assert condos.maintenance(window_id).state == "completed"

    def test_a_scheduler_yet_to_read_an_extension_does_not_complete_at_the_old_end(
        self, condos: Condos
    ) -> None:
        admin, [window_id] = plan(condos, NOW - timedelta(hours=1), NOW + timedelta(hours=1))
        clock = Clock(NOW)
        scheduler = MaintenanceScheduler(condos, clock=clock)
        scheduler.tick()
        condos.extend_maintenance(admin, window_id, ends_at=NOW + timedelta(hours=3))
        # The extension lands between its reading of the log and its command.
        scheduler.follow = lambda: None  # type: ignore[method-assign]

        clock.now = NOW + timedelta(hours=2)
        assert scheduler.tick() == 0
        assert condos.maintenance(window_id).state == "in_progress"

    def test_a_window_a_manager_started_early_is_only_completed(self, condos: Condos) -> None:
        admin, [window_id] = plan(condos, NOW + timedelta(hours=1), NOW + timedelta(hours=2))
        clock = Clock(NOW)
        scheduler = MaintenanceScheduler(condos, clock=clock)
        scheduler.tick()
        condos.start_maintenance(admin, window_id)

        clock.now = NOW + timedelta(hours=2)
        assert scheduler.tick() == 1
        started, completed = list[Any](condos.events.get(window_id))[1:]
        assert (started.actor, completed.actor) == (admin.id, "system")


class TestTwoSchedulers:
    def test_ticking_at_once_each_window_is_started_and_completed_exactly_once(
        self, condos: Condos, settings: Settings
    ) -> None:
        _, ids = plan(condos, NOW - timedelta(hours=1), NOW + timedelta(minutes=30), count=6)
        other = open_condos(settings)
        clock = Clock(NOW)
        schedulers = [MaintenanceScheduler(app, clock=clock) for app in (condos, other)]
        try:
            for moment in (NOW, NOW + timedelta(minutes=30)):
                clock.now = moment
                self.tick_together(schedulers)
        finally:
            other.close()

        counts = logged(condos, Maintenance.Started, Maintenance.Completed)
        assert counts == Counter({(name, i): 1 for i in ids for name in ("Started", "Completed")})
        assert {condos.maintenance(i).state for i in ids} == {"completed"}

    @staticmethod
    def tick_together(schedulers: list[MaintenanceScheduler]) -> None:
        barrier = threading.Barrier(len(schedulers))
        failures: list[BaseException] = []

        def run(scheduler: MaintenanceScheduler) -> None:
            barrier.wait()
            try:
                for _ in range(3):
                    scheduler.tick()
            except BaseException as error:  # surfaced below: a thread cannot fail the test
                failures.append(error)

        threads = [threading.Thread(target=run, args=(s,)) for s in schedulers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert failures == []


class TestRunner:
    def test_the_runner_starts_a_due_window_in_the_background_and_stops(
        self, condos: Condos
    ) -> None:
        _, [window_id] = plan(condos, NOW - timedelta(minutes=1), NOW + timedelta(hours=1))
        runner = SchedulerRunner(condos, interval=0.05).start()
        try:
            deadline = time.monotonic() + 10
            while condos.maintenance(window_id).state != "in_progress":
                assert time.monotonic() < deadline, "the runner never started the window"
                time.sleep(0.05)
        finally:
            runner.stop()
        assert not runner.thread.is_alive()
