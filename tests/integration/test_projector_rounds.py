"""A projector's round on real stores: projections at the same position share one batch, and on
PostgreSQL one pipeline for all their writes; a write the database refuses still stops the
projection that wrote it, and no other."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, Table, Uuid, func, select

from copro.demo import seed_demo
from domain.application import Condos
from domain.equipment import Equipment
from projections.engine import Projection, ProjectionFailed, Projector
from projections.rounds import run_together
from projections.rows import Rows
from projections.state import projection_state


def counting(name: str, count: Any) -> tuple[Projection, Table]:
    """A projection writing a row per piece of equipment installed, `count(event)` in it."""
    metadata = MetaData()
    table = Table(
        f"round_{name}",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("count", Integer, nullable=False),
    )
    projection = Projection(name=f"round_{name}", version=1, metadata=metadata)

    @projection.on(Equipment.Installed)
    def installed(rows: Rows, e: Any) -> None:
        rows.put(table, {"id": e.originator_id, "count": count(e)})

    return projection, table


def test_a_write_the_database_refuses_stops_its_projection_and_no_other(
    condos: Condos, engine: Engine
) -> None:
    seed_demo(condos)
    # NULL in a NOT NULL column: refused by the database as the rows are written, not before.
    refused, refused_table = counting("refused", lambda e: None)
    written, written_table = counting("written", lambda e: 1)
    projectors = [Projector(p, condos, engine) for p in (refused, written)]
    for projector in projectors:
        projector.setup()

    with pytest.raises(ProjectionFailed, match="round_refused"):
        run_together(projectors)  # the refused one first: the last to write is not to blame
    while run_together(projectors):
        pass

    with engine.connect() as conn:
        states = {
            r.name: r
            for r in conn.execute(
                select(projection_state).where(projection_state.c.name.like("round_%"))
            )
        }
        written_rows = conn.execute(select(func.count()).select_from(written_table)).scalar_one()
        refused_rows = conn.execute(select(func.count()).select_from(refused_table)).scalar_one()
    assert states["round_refused"].state == "failed"
    assert states["round_refused"].position == 0 and refused_rows == 0
    assert states["round_written"].state == "running"
    assert states["round_written"].position == condos.recorder.max_notification_id()
    assert written_rows == 17  # the demo's pieces of equipment
