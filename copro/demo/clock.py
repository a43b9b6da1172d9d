"""The simulated clock the demo's year is laid on, and the agenda that walks it.

Every event is dated by `CanCreateTimestamp.create_timestamp`, which the seeding points at the
simulated clock: a year of use laid in a few seconds is then dated across the year, as it would
have been, and each incident resolves hours or days after it began. The commands still check
what they are given against the real now (an incident's start, an expense's date), which the
simulated clock never passes.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from eventsourcing.domain import CanCreateTimestamp

# A story of the year: each step acts (through the commands), then yields when its next step
# happens on the simulated clock.
Story = Iterator[datetime]

TICK = timedelta(microseconds=1)


class SimulatedClock:
    """Now, as the year being laid has it: from `start` to `end` (the real now), never back."""

    def __init__(self, start: datetime, end: datetime) -> None:
        self.start = start
        self.end = end
        self.now = start
        self._stamped = start - TICK

    def move_to(self, moment: datetime) -> None:
        self.now = min(max(moment, self.now), self.end)

    def stamp(self) -> datetime:
        """When an event happens: now, and after the event before it (the log's order and
        its dates agree, as they do in a store fed by real time)."""
        self._stamped = max(self.now, self._stamped + TICK)
        return self._stamped


@contextmanager
def events_dated_by(clock: SimulatedClock) -> Iterator[None]:
    # The descriptor itself, so that restoring it leaves a static method, as it was.
    real = CanCreateTimestamp.__dict__["create_timestamp"]
    CanCreateTimestamp.create_timestamp = staticmethod(clock.stamp)  # type: ignore[method-assign]
    try:
        yield
    finally:
        setattr(CanCreateTimestamp, "create_timestamp", real)  # noqa: B010 - mypy refuses `=`


class Agenda:
    """Runs the stories of the year in the order of their steps on the simulated clock."""

    def __init__(self, clock: SimulatedClock) -> None:
        self.clock = clock
        self._queue: list[tuple[datetime, int, Story]] = []
        self._order = itertools.count()  # steps at the same moment run in the order planned

    def plan(self, at: datetime, story: Story) -> None:
        heapq.heappush(self._queue, (at, next(self._order), story))

    def run(self) -> None:
        while self._queue:
            at, _, story = heapq.heappop(self._queue)
            self.clock.move_to(at)
            following = next(story, None)
            if following is not None:
                self.plan(max(following, self.clock.now), story)
