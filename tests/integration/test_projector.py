"""The projector against real stores: what it builds, and that it resumes exactly once."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from copro.demo import seed_demo
from domain.application import Condos
from projections import status_page
from projections.engine import Projection, ProjectionFailed, Projector
from projections.registry import PROJECTIONS
from projections.state import projection_state
from tests.integration.helpers import rows_of


def projector_for(
    projection: Projection, condos: Condos, engine: Engine, batch_size: int = 500
) -> Projector:
    projector = Projector(
        projection, condos, engine, batch_size=batch_size, rebuild_batch_size=batch_size
    )
    projector.setup()
    return projector


class TestStatusPageProjection:
    def test_the_demo_condo_shows_its_seventeen_pieces_of_equipment(
        self, condos: Condos, engine: Engine
    ) -> None:
        demo = seed_demo(condos)
        projector_for(status_page.projection, condos, engine).catch_up()
        with engine.connect() as conn:
            count = conn.execute(
                select(func.count())
                .select_from(status_page.equipment)
                .where(status_page.equipment.c.copro_id == demo.copro_id)
            ).scalar_one()
            stuck = conn.execute(
                select(status_page.equipment.c.status).where(
                    status_page.equipment.c.id == demo.equipment["Ascenseur B2"]
                )
            ).scalar_one()
        assert count == 17
        assert stuck == "major_outage"

    def test_its_position_reaches_the_head_of_the_log(self, condos: Condos, engine: Engine) -> None:
        seed_demo(condos)
        projector = projector_for(status_page.projection, condos, engine)
        projector.catch_up()
        assert projector.position() == condos.recorder.max_notification_id()


class TestResume:
    @pytest.mark.parametrize("projection", PROJECTIONS, ids=lambda p: p.name)
    def test_stopped_mid_log_and_restarted_it_ends_as_a_clean_run(
        self, projection: Projection, condos: Condos, engine: Engine
    ) -> None:
        seed_demo(condos)
        interrupted = projector_for(projection, condos, engine, batch_size=3)
        for _ in range(2):
            interrupted.run_once()
        assert 0 < interrupted.position() < condos.recorder.max_notification_id()

        # A new process picks up from the committed position.
        projector_for(projection, condos, engine, batch_size=3).catch_up()
        resumed = rows_of(engine, projection)

        clean = projector_for(projection, condos, engine)
        clean.reset()
        clean.catch_up()
        assert rows_of(engine, projection) == resumed
        assert any(resumed.values())  # the comparison is of something

    def test_a_failing_handler_writes_nothing_of_its_batch_and_stops_there(
        self, condos: Condos, engine: Engine
    ) -> None:
        seed_demo(condos)
        broken = Projection(name="broken", version=1, metadata=status_page.metadata)
        calls = []

        def explode_on_third(rows, event) -> None:  # type: ignore[no-untyped-def]
            calls.append(event)
            status_page.equipment_installed(rows, event)
            if len(calls) == 3:
                raise RuntimeError("handler bug")

        from domain.equipment import Equipment

        broken.on(Equipment.Installed)(explode_on_third)
        projector = projector_for(broken, condos, engine)
        with pytest.raises(ProjectionFailed):
            projector.run_once()
        with engine.connect() as conn:
            written = conn.execute(
                select(func.count()).select_from(status_page.equipment)
            ).scalar_one()
            state = conn.execute(
                select(projection_state).where(projection_state.c.name == "broken")
            ).one()
        assert written == 0
        assert (state.position, state.state) == (0, "failed")
        assert "handler bug" in state.error and state.error_position is not None

    def test_a_new_version_is_rebuilt_beside_the_live_tables_then_swapped_in(
        self, condos: Condos, engine: Engine
    ) -> None:
        seed_demo(condos)
        projector_for(status_page.projection, condos, engine).catch_up()
        before = rows_of(engine, status_page.projection)
        bumped = Projection(
            name=status_page.projection.name,
            version=status_page.projection.version + 1,
            metadata=status_page.metadata,
            handlers=status_page.projection.handlers,
        )
        rebuilt = projector_for(bumped, condos, engine, batch_size=10)
        assert rebuilt.rebuilding
        rebuilt.run_once()
        # Midway, the live tables still serve everything they had.
        assert rows_of(engine, status_page.projection) == before
        assert rebuilt.status().rebuild_position < condos.recorder.max_notification_id()

        rebuilt.catch_up()

        assert not rebuilt.rebuilding
        assert rebuilt.status().version == bumped.version
        assert rebuilt.position() == condos.recorder.max_notification_id()
        assert rows_of(engine, status_page.projection) == before


def test_the_audit_index_follows_names_released_and_claimed_again(
    condos: Condos, engine: Engine
) -> None:
    from domain.base import Actor
    from projections import audit_index

    demo = seed_demo(condos)
    lift = demo.equipment["Ascenseur A1"]
    condos.retire_equipment(Actor.system(), lift)  # releases its name and code claims
    building = condos.equipment(demo.equipment["Ascenseur A2"]).building_id
    condos.install_equipment(
        Actor.system(), demo.copro_id, building_id=building, name="Ascenseur A1", category="lift"
    )
    projector = projector_for(audit_index.projection, condos, engine)
    projector.catch_up()
    assert projector.state() == "running"
    assert projector.position() == condos.recorder.max_notification_id()
    with engine.connect() as conn:
        released = (
            conn.execute(
                select(audit_index.events.c.copro_id).where(
                    audit_index.events.c.event_type == "Released"
                )
            )
            .scalars()
            .all()
        )
    assert released and set(released) == {demo.copro_id}


def test_a_rebuild_shares_projections_between_processes_by_their_cost(
    condos: Condos, engine: Engine
) -> None:
    from projections.operations import share

    found = [projector_for(p, condos, engine) for p in PROJECTIONS]
    groups = share(found, 2)
    names = sorted(p.name for group in groups for p in group)
    assert names == sorted(p.name for p in PROJECTIONS)  # each in exactly one group
    costs = [sum(p.projection.cost for p in group) for group in groups]
    heaviest = max(p.cost for p in PROJECTIONS)
    assert len(groups) == 2 and abs(costs[0] - costs[1]) <= heaviest
    assert len(share(found[:1], 3)) == 1  # no empty process
