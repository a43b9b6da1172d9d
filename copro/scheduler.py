"""The maintenance scheduler: starts and completes maintenance windows on time, as `system`.

It follows the event log for maintenance events only and keeps in memory what it needs to act:
each open window's state, planned bounds and version. Each command carries the version the
scheduler saw, so a window changed meanwhile (extended, cancelled, started by a manager or by
another scheduler) refuses it; the next tick reads the change and acts on the new plan. Two
schedulers may therefore run at once: whichever comes second is refused, and shrugs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.application import Condos
from domain.base import Actor
from domain.errors import VersionConflict
from domain.maintenance import Maintenance, MaintenanceTransitionNotAllowed, State

log = logging.getLogger("copro.scheduler")

Clock = Callable[[], datetime]

# Every event of a window, so that the version the scheduler holds is never stale by its own
# blindness: an event class added later is followed without anyone remembering to add it here.
TOPICS = sorted(
    get_topic(member)
    for member in vars(Maintenance).values()
    if isinstance(member, type) and issubclass(member, Maintenance.Event)
)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Window:
    """What the scheduler knows of an open window."""

    state: str
    starts_at: datetime
    ends_at: datetime
    version: int


class MaintenanceScheduler:
    def __init__(
        self,
        condos: Condos,
        clock: Clock = utc_now,
        interval: float = 5.0,
        batch_size: int = 500,
    ) -> None:
        self.condos = condos
        self.clock = clock
        self.interval = interval
        self.batch_size = batch_size
        self.position = 0
        self.windows: dict[UUID, Window] = {}

    def tick(self) -> int:
        """Starts the windows whose start has come, then completes those whose end has come;
        answers how many commands were carried out."""
        self.follow()
        now = self.clock()
        due = [
            i for i, w in self.windows.items() if w.state == State.SCHEDULED and w.starts_at <= now
        ]
        done = sum(self._issue(self.condos.start_maintenance, "start", i) for i in due)
        # A window started a moment ago may already be over: it completes in the same tick.
        self.follow()
        due = [
            i for i, w in self.windows.items() if w.state == State.IN_PROGRESS and w.ends_at <= now
        ]
        done += sum(self._issue(self.condos.complete_maintenance, "complete", i) for i in due)
        return done

    def follow(self) -> None:
        """Reads the maintenance events saved since the last call, up to the head of the log."""
        recorder = self.condos.recorder
        head = recorder.max_notification_id() or 0
        while self.position < head:
            notifications = recorder.select_notifications(
                start=self.position + 1, limit=self.batch_size, stop=head, topics=TOPICS
            )
            for notification in notifications:
                self._apply(self.condos.mapper.to_domain_event(notification))
            # A short batch means nothing else of interest lies before the head.
            full = len(notifications) == self.batch_size
            self.position = notifications[-1].id if full else head

    def _apply(self, event: Any) -> None:
        if isinstance(event, Maintenance.Scheduled):
            self.windows[event.originator_id] = Window(
                State.SCHEDULED, event.starts_at, event.ends_at, event.originator_version
            )
            return
        window = self.windows.get(event.originator_id)
        if window is None:
            return
        window.version = event.originator_version
        if isinstance(event, Maintenance.Edited):
            window.starts_at = event.changes.get("starts_at", window.starts_at)
            window.ends_at = event.changes.get("ends_at", window.ends_at)
        elif isinstance(event, Maintenance.Extended):
            window.ends_at = event.ends_at
        elif isinstance(event, Maintenance.Started):
            window.state = State.IN_PROGRESS
        elif isinstance(event, Maintenance.Completed | Maintenance.Cancelled):
            # Nothing more will happen to it: forget it.
            del self.windows[event.originator_id]

    def _issue(self, command: Callable[..., Any], action: str, window_id: UUID) -> bool:
        try:
            command(Actor.system(), window_id, expected_version=self.windows[window_id].version)
        except (MaintenanceTransitionNotAllowed, VersionConflict) as refused:
            # Someone (a manager, another scheduler) changed it first: the next tick knows.
            log.debug(
                "maintenance %s not %s by this scheduler: %s", window_id, action, refused.code
            )
            return False
        return True


class SchedulerRunner(AbstractContextManager["SchedulerRunner"]):
    """Ticks a maintenance scheduler every `interval` seconds in a daemon thread, until stopped."""

    def __init__(self, condos: Condos, interval: float = 5.0, clock: Clock = utc_now) -> None:
        self.scheduler = MaintenanceScheduler(condos, clock=clock, interval=interval)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="copro-scheduler", daemon=True)

    def start(self) -> SchedulerRunner:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=10)

    def __enter__(self) -> SchedulerRunner:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                self.scheduler.tick()
            except Exception as error:
                # The database went away: the next round reads again from where it stopped.
                log.warning("scheduler round failed (%s); retrying", type(error).__name__)
            self.stopping.wait(self.scheduler.interval)
