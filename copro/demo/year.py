"""What every story of the demo's year shares: the application, the condo, its people and
equipment, the dice and the clock."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from copro.demo.clock import Agenda, SimulatedClock
from domain.application import Condos
from domain.base import Actor

SEED = 2024  # the same year every time; only its dates follow the real now


@dataclass
class Year:
    condos: Condos
    clock: SimulatedClock
    copro_id: UUID
    manager_id: UUID
    buildings: dict[str, UUID]  # by letter ("A", "B"), "" for the common equipment
    equipment: dict[str, UUID]  # by name
    housed_in: dict[str, str]  # the letter of the building of each equipment, by name
    residents: dict[str, list[UUID]]  # accounts by the letter of their building
    agenda: Agenda = field(init=False)  # where a story plans the stories it begins

    def __post_init__(self) -> None:
        self.agenda = Agenda(self.clock)

    def manager(self) -> Actor:
        """The manager, with a new request id: each command is its own request."""
        return Actor(str(self.manager_id))

    def dice(self, name: str) -> random.Random:
        """A story's own dice: what it draws does not depend on the stories laid beside it
        (whose order follows the real now)."""
        return random.Random(f"{SEED}:{name}")

    def day(self, days: float, hour: float = 0.0) -> datetime:
        """`days` after the year began (at midnight), at `hour` o'clock (UTC)."""
        return self.clock.start + timedelta(days=days, hours=hour)

    def ago(self, **delta: float) -> datetime:
        """That long before the real now."""
        return self.clock.end - timedelta(**delta)

    def at_most(self, moment: datetime) -> datetime:
        """`moment`, or a minute before the real now if it would come later: the year's last
        steps stay in the past."""
        return min(moment, self.clock.end - timedelta(minutes=1))

    def resident(self, rng: random.Random, letter: str = "") -> UUID:
        """A resident of that building (any, for the common equipment)."""
        if letter:
            return rng.choice(self.residents[letter])
        return rng.choice([r for people in self.residents.values() for r in people])

    def letter_of(self, equipment_name: str) -> str:
        """The letter of the building housing that equipment, "" for the common one."""
        return self.housed_in[equipment_name]
