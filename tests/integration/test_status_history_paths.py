"""The status intervals are the same whichever way they were laid: extended in memory event by
event (the common case), laid again from the database, in batches of one event or of many.

Random histories of real commands (statuses set by hand, incidents back-dated or not, their
updates and impacts, maintenance windows) are projected three ways and the rows compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from domain.application import Condos
from domain.base import Actor
from domain.errors import DomainError
from projections import equipment_history, status_page
from projections.engine import Projector
from tests.integration.helpers import admin_actor, rows_of

STATUSES = ["operational", "degraded", "partial_outage", "major_outage", "maintenance"]
IMPACTS = ["degraded", "partial_outage", "major_outage", "maintenance"]
UPDATES = ["in_progress", "resolved", "investigating", "closed", None]

pieces = st.lists(st.integers(0, 2), min_size=1, max_size=3, unique=True)
step = st.one_of(
    st.tuples(st.just("status"), st.integers(0, 2), st.sampled_from(STATUSES)),
    st.tuples(
        st.just("incident"),
        pieces,
        st.sampled_from(IMPACTS),
        # Minutes back-dated: 0 is now; anything else reaches before earlier events.
        st.sampled_from([0, 0, 1, 30, 600]),
    ),
    st.tuples(st.just("update"), st.integers(0, 3), st.sampled_from(UPDATES)),
    st.tuples(st.just("impacts"), st.integers(0, 3), pieces, st.sampled_from(IMPACTS)),
    st.tuples(st.just("window"), pieces),
    st.tuples(st.just("window_end"), st.integers(0, 3), st.booleans()),
)


@pytest.fixture
def manager(condos: Condos) -> Iterator[Actor]:
    yield admin_actor(condos)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_intervals_do_not_depend_on_how_they_were_laid(
    condos: Condos, engine: Engine, manager: Actor, steps: list[tuple[Any, ...]], monkeypatch: Any
) -> None:
    lifts = play(condos, manager, steps)

    extended = projected(condos, engine, batch_size=500)
    one_by_one = projected(condos, engine, batch_size=1)
    with monkeypatch.context() as patched:
        patched.setattr(equipment_history, "_extend", lambda *_: False)
        laid_again = projected(condos, engine, batch_size=500)

    assert extended == one_by_one == laid_again
    # The status page, which keeps only the present, shows what the last interval says.
    with engine.connect() as conn:
        intervals = equipment_history.intervals.c
        last = {
            r.equipment_id: r.status
            for r in conn.execute(
                select(intervals.equipment_id, intervals.status).where(intervals.until.is_(None))
            )
        }
        equipment = status_page.equipment.c
        shown = {r.id: r.status for r in conn.execute(select(equipment.id, equipment.status))}
    for lift in lifts:
        assert shown[lift] == last[lift]


def projected(condos: Condos, engine: Engine, batch_size: int) -> dict[str, Any]:
    for projection in (equipment_history.projection, status_page.projection):
        projector = Projector(projection, condos, engine, batch_size=batch_size)
        projector.setup()
        projector.reset()
        projector.catch_up()
    return rows_of(engine, equipment_history.projection)


def play(condos: Condos, manager: Actor, steps: list[tuple[Any, ...]]) -> list[Any]:
    """Runs the steps as commands; those the rules refuse (closing a closed incident…) are
    skipped, as a manager's refused command would be."""
    number = len(condos.recorder.select_notifications(start=1, limit=1_000_000))
    copro = condos.register_copro(
        manager, name=f"Résidence {number}", address="1 rue", postal_code="69003", city="Lyon"
    ).id
    building = condos.add_building(manager, copro, name="A").id
    lifts = [
        condos.install_equipment(
            manager, copro, building_id=building, name=f"Ascenseur {i}", category="lift"
        ).id
        for i in range(3)
    ]
    incidents: list[Any] = []
    windows: list[Any] = []
    for kind, *args in steps:
        try:
            if kind == "status":
                condos.set_equipment_status(manager, lifts[args[0]], status=args[1])
            elif kind == "incident":
                named, impact, minutes = args
                started = datetime.now(UTC) - timedelta(minutes=minutes) if minutes else None
                incidents.append(
                    condos.open_incident(
                        manager,
                        copro,
                        title="Panne",
                        message="En cours d'analyse",
                        impacts=[{"equipment_id": lifts[i], "impact": impact} for i in named],
                        started_at=started,
                    ).id
                )
            elif kind == "update" and incidents:
                incident = incidents[args[0] % len(incidents)]
                condos.post_incident_update(manager, incident, message="Suite", status=args[1])
            elif kind == "impacts" and incidents:
                incident = incidents[args[0] % len(incidents)]
                impacts = [{"equipment_id": lifts[i], "impact": args[2]} for i in args[1]]
                condos.edit_incident(manager, incident, {"impacts": impacts})
            elif kind == "window":
                now = datetime.now(UTC)
                window = condos.schedule_maintenance(
                    manager,
                    copro,
                    title="Entretien",
                    equipment_ids=[lifts[i] for i in args[0]],
                    starts_at=now + timedelta(hours=1),
                    ends_at=now + timedelta(hours=2),
                ).id
                condos.start_maintenance(manager, window)
                windows.append(window)
            elif kind == "window_end" and windows:
                window = windows[args[0] % len(windows)]
                if args[1]:
                    condos.complete_maintenance(manager, window)
                else:
                    condos.cancel_maintenance(manager, window)
        except DomainError:
            pass
    return lifts
