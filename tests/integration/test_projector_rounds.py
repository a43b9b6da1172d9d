"""A projector's round on real stores: projections at the same position share one batch, and on
PostgreSQL one pipeline for all their writes, their positions' update and the signal; a write the
database refuses still stops the projection that wrote it, and no other; a batch whose position
another process moved meanwhile commits nothing and tells nobody."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, Table, Uuid, func, select, update

from copro.demo import seed_demo
from copro.settings import Settings
from domain.application import Condos
from domain.equipment import Equipment
from projections import rounds
from projections.engine import PositionMoved, Projection, ProjectionFailed, Projector
from projections.rounds import run_together
from projections.rows import Rows
from projections.state import (
    CHANNEL,
    Standing,
    off_standings,
    on_standings,
    projection_state,
    standings_of,
)


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


class Told:
    """Every standing the projectors tell the query API, as a query process hears them: by
    LISTEN on PostgreSQL, through the in-process hook on SQLite."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings, self.engine = settings, engine
        self.heard: list[dict[str, Standing]] = []
        self._conn: Any = None

    def __enter__(self) -> Told:
        if self.settings.database_url is None:
            on_standings(self.engine, self.heard.append)
        else:
            self._conn = psycopg.connect(self.settings.database_url, autocommit=True)
            self._conn.execute(f"LISTEN {CHANNEL}")
        return self

    def names(self) -> set[str]:
        if self._conn is not None:
            for notify in self._conn.notifies(timeout=0.5):
                self.heard.append(standings_of(notify.payload))
        return {name for standings in self.heard for name in standings}

    def __exit__(self, *_: object) -> None:
        if self._conn is not None:
            self._conn.close()
        else:
            off_standings(self.engine, self.heard.append)


def test_a_batch_whose_position_was_moved_meanwhile_commits_nothing_and_tells_nobody(
    settings: Settings, condos: Condos, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_demo(condos)
    first, first_table = counting("first", lambda e: 1)
    second, second_table = counting("second", lambda e: 2)
    projectors = [Projector(p, condos, engine) for p in (first, second)]
    for projector in projectors:
        projector.setup()
    moved_to = 1  # where "another process" left `round_second`, a position of its own

    read = rounds._Log.standings

    def read_then_moved(log: rounds._Log, *args: Any) -> tuple[dict[str, Any], int]:
        # Another projector process moves `round_second` after this round read where it stood
        # (a claim lost and taken over): the round's batch starts from a stale position.
        answer = read(log, *args)
        with engine.begin() as tx:
            tx.execute(
                update(projection_state)
                .where(projection_state.c.name == "round_second")
                .values(position=moved_to)
            )
        return answer

    monkeypatch.setattr(rounds._Log, "standings", read_then_moved)
    with Told(settings, engine) as told:
        with pytest.raises(PositionMoved, match="round_second"):
            run_together(projectors)
        assert told.names() == set(), "a position that was not committed was told"
    monkeypatch.undo()

    with engine.connect() as conn:
        positions = dict(
            conn.execute(
                select(projection_state.c.name, projection_state.c.position).where(
                    projection_state.c.name.like("round_%")
                )
            ).all()
        )
        rows = [
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (first_table, second_table)
        ]
    # Both shared the batch, so neither committed it: the other process's position stands.
    assert positions == {"round_first": 0, "round_second": moved_to}
    assert rows == [0, 0]

    # The next rounds go on from where each stands, and tell it.
    with Told(settings, engine) as told:
        while run_together(projectors):
            pass
        assert told.names() == {"round_first", "round_second"}
    head = condos.recorder.max_notification_id()
    with engine.connect() as conn:
        assert [
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (first_table, second_table)
        ] == [17, 17]
        assert set(
            conn.execute(
                select(projection_state.c.position).where(projection_state.c.name.like("round_%"))
            ).scalars()
        ) == {head}
