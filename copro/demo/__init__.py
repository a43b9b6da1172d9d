"""The demo condo of the product page: Résidence Les Tilleuls, its buildings, equipment and
people, and a year of its life laid through the application's commands (so every rule of the
product applies) on a simulated clock that walks from a year ago to now.

The year is the same every time (its dice are seeded); only its dates follow the real now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from uuid import UUID

from copro.demo.clock import SimulatedClock, events_dated_by
from copro.demo.condo import (
    ADMIN,
    BUILDING_EQUIPMENT,
    COMMON_EQUIPMENT,
    LOGINS,
    SLUG,
    DemoLogin,
    set_up,
)
from copro.demo.incidents import plan_incidents
from copro.demo.maintenance import plan_maintenance
from copro.demo.money import MONTHLY_EXPENSES, plan_money
from copro.demo.tickets import plan_requests
from copro.demo.today import plan_today
from domain.application import Condos

__all__ = [
    "ADMIN",
    "BUILDING_EQUIPMENT",
    "COMMON_EQUIPMENT",
    "LOGINS",
    "MONTHLY_EXPENSES",
    "SLUG",
    "Demo",
    "DemoLogin",
    "seed_demo",
]

# The year begins 364 days before today: within the statistics' default "last 12 months".
DAYS = 364
FIRST_MORNING = timedelta(hours=8)


@dataclass(frozen=True)
class Demo:
    copro_id: UUID
    slug: str
    equipment: dict[str, UUID]
    position: int


def seed_demo(condos: Condos) -> Demo:
    """Creates the demo condo and lays its year, each event dated on the simulated clock."""
    now = datetime.now(UTC)
    start = datetime.combine(now.date() - timedelta(days=DAYS), time(), UTC)
    clock = SimulatedClock(start, now)
    with events_dated_by(clock):
        clock.move_to(start + FIRST_MORNING)
        year = set_up(condos, clock)
        plan_incidents(year)
        plan_requests(year)
        plan_maintenance(year)
        plan_money(year)
        plan_today(year)
        year.agenda.run()
    return Demo(
        copro_id=year.copro_id,
        slug=SLUG,
        equipment=dict(year.equipment),
        position=condos.recorder.max_notification_id() or 0,
    )
