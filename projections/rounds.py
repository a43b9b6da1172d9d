"""A round of the projector: the next batch of each projection, read and decoded once for all
those at the same position, applied in one transaction, each with its own position.

A batch of events and the position reached are committed in one transaction, so after a crash
a projection resumes exactly where it committed: nothing lost, nothing applied twice. The
commit tells the query API where the live tables now stand (`projections.state.telling`).

On PostgreSQL a round is counted in round trips, since a status change is committed, told and
read back within milliseconds (the freshness the query API waits for): the standings and the
log's head are read by one statement, the events by the batch's own transaction rather than the
recorder's pool (a connection and a transaction each), and the position's update and the NOTIFY
go in the pipeline of the batch's writes. About 16 round trips became 7.
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import SQL, Identifier
from sqlalchemy import ColumnElement, Connection, Engine, literal_column, select, update

from projections.engine import PositionMoved, ProjectionFailed, Projector, now
from projections.rows import Rows, pipelined
from projections.state import Standing, Telling, projection_state, telling


class _Log:
    """The event log as a round reads it: on PostgreSQL through the round's own connections
    (the read side and the event store share the database there), elsewhere through the
    recorder."""

    def __init__(self, app: Application) -> None:
        self.recorder = app.recorder
        self.events: Identifier | None = None
        self._head: ColumnElement[Any] | None = None
        if isinstance(self.recorder, PostgresApplicationRecorder):
            schema = self.recorder.datastore.schema
            self.events = Identifier(schema, self.recorder.events_table_name)
            quoted = ".".join(f'"{name}"' for name in (schema, self.recorder.events_table_name))
            self._head = literal_column(f"(SELECT max(notification_id) FROM {quoted})")
            self._select = SQL(
                "SELECT notification_id, originator_id, originator_version, topic, state "
                "FROM {} WHERE notification_id >= %s"
            ).format(self.events)

    def standings(self, engine: Engine, names: list[str]) -> tuple[dict[str, Any], int]:
        """The projections' rows by name, and the log's head."""
        c = projection_state.c
        query = select(projection_state).where(c.name.in_(names))
        if self.events is None:
            with engine.connect() as conn:
                states = {r.name: r for r in conn.execute(query)}
            return states, self.recorder.max_notification_id() or 0
        # One statement in autocommit: no BEGIN, no ROLLBACK.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            assert self._head is not None
            rows = conn.execute(query.add_columns(self._head.label("log_head"))).all()
        return {r.name: r for r in rows}, int(rows[0].log_head or 0) if rows else 0

    def notifications(
        self, tx: Connection, start: int, limit: int, topics: list[str]
    ) -> list[Notification]:
        """Up to `limit` events from position `start` on, of these topics (all if none).

        No upper bound: with one, PostgreSQL may sort the whole range to return its first rows
        when its statistics lag (after a bulk load); everything read is committed."""
        if self.events is None:
            return list(self.recorder.select_notifications(start, limit, topics=topics))
        statement, params = self._select, [start, *([topics] if topics else []), limit]
        if topics:
            statement += SQL(" AND topic = ANY(%s)")
        statement += SQL(" ORDER BY notification_id LIMIT %s")
        cursor = tx.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(statement, params, prepare=True)
        return [
            Notification(
                id=position,
                originator_id=stream,
                originator_version=version,
                topic=topic,
                state=bytes(state),
            )
            for position, stream, version, topic, state in cursor.fetchall()
        ]


@dataclass
class _Lane:
    """One projection's live tables, or the shadow tables of its rebuild, in a round."""

    projector: Projector
    live: bool
    position: int
    # The last event handed to it, for the failure record.
    current: int | None = None

    @property
    def rows(self) -> Rows:
        return self.projector.rows(live=self.live)


def run_together(projectors: list[Projector]) -> int:
    """Applies the next batch of each projection (live tables and rebuild), swaps in rebuilds
    that caught up; answers how many log positions they moved past in all.

    Projections at the same position share their batch: the log is read and each event decoded
    once for all of them, and they commit in one transaction, each with its own position.
    """
    if not projectors:
        return 0
    app, engine = projectors[0].app, projectors[0].engine
    log = _Log(app)
    states, head = log.standings(engine, [p.name for p in projectors])
    moved = 0
    groups: dict[int, list[_Lane]] = {}
    for projector in projectors:
        row = states.get(projector.name)
        if row is None or row.state != "running":
            continue
        if row.rebuild_position is not None and row.rebuild_position >= head:
            # Swapped, its live tables are new: next round. Given way to readers: next round too.
            moved += projector.swap(row.rebuild_position)
            continue
        # Live tables of another shape than this code's are left as they are until the swap.
        if row.version == projector.projection.version and row.position < head:
            groups.setdefault(row.position, []).append(_Lane(projector, True, row.position))
        if row.rebuild_position is not None:
            lane = _Lane(projector, False, row.rebuild_position)
            groups.setdefault(row.rebuild_position, []).append(lane)
    for position, lanes in sorted(groups.items()):
        try:
            moved += _apply(app, log, engine, lanes, position, head, together=True) * len(lanes)
        except _WrittenTogether:
            # A write failed in the pipeline all the lanes shared, and which lane wrote it is
            # not known: the batch again (nothing of it was committed), lane after lane, which
            # stops the one that fails and no other.
            moved += _apply(app, log, engine, lanes, position, head, together=False) * len(lanes)
    return moved


class _Counted(Protocol):
    """A cursor or a result, once its statement has answered."""

    @property
    def rowcount(self) -> int: ...


class _WrittenTogether(Exception):
    pass


def _apply(
    app: Application,
    log: _Log,
    engine: Engine,
    lanes: list[_Lane],
    position: int,
    head: int,
    together: bool,
) -> int:
    batch_size = min(
        lane.projector.batch_size if lane.live else lane.projector.rebuild_batch_size
        for lane in lanes
    )
    topics: list[str] = []
    if not any(lane.projector.projection.every_event for lane in lanes):
        topics = sorted({t for lane in lanes for t in lane.projector.projection.topics})
    handlers = [
        (lane, lane.projector.projection.every_event, lane.projector.handlers_by_topic)
        for lane in lanes
    ]
    failing: _Lane | None = None
    unnamed = False
    began = time.perf_counter()
    try:
        with telling(engine) as change:
            tx = change.tx
            notifications = log.notifications(tx, position + 1, batch_size, topics)
            # Events of no interest to these projections are skipped, but passed: a full batch
            # ends at its last event, a short one means nothing else is there up to the head.
            if len(notifications) == batch_size:
                reached = notifications[-1].id
            else:
                reached = max(head, notifications[-1].id if notifications else 0)
            for lane in lanes:
                lane.rows.begin(tx, position)
            for notification in notifications:
                event = None
                for lane, every_event, by_topic in handlers:
                    handler = by_topic.get(notification.topic)
                    if every_event is None and handler is None:
                        continue
                    if event is None:
                        event = app.mapper.to_domain_event(notification)
                    failing, lane.current = lane, notification.id
                    if every_event is not None:
                        every_event(lane.rows, event, notification.id)
                    else:
                        handler(lane.rows, event)  # type: ignore[misc]
            for lane in lanes:
                failing = lane
                lane.rows.settle()
            # Every lane's writes in one pipeline, answered in one round trip (a status change
            # writes eight tables of five projections); a COPY cannot go in one. A failure
            # there is known only as the pipeline ends, whichever lane wrote it.
            piped = (together or len(lanes) == 1) and not any(lane.rows.copies() for lane in lanes)
            unnamed = piped and len(lanes) > 1
            with pipelined(tx) if piped else nullcontext():
                for lane in lanes:
                    failing = lane
                    lane.rows.flush()
                # The positions' update and the NOTIFY ride the same pipeline: whether each
                # position moved is known once it ends.
                moves = _move(change, lanes, position, reached, piped, began, len(notifications))
            failing, unnamed = None, False
            for moving, changed in moves:
                if changed.rowcount != len(moving):
                    # Someone else moved one of them meanwhile: this batch must not count.
                    raise PositionMoved(", ".join(moving))
    except PositionMoved:
        for lane in lanes:
            lane.rows.forget()
        raise
    except Exception as error:
        for lane in lanes:
            lane.rows.forget()
        if unnamed:
            raise _WrittenTogether() from error
        if failing is None:
            raise
        failing.projector.fail(failing.current, error)
        raise ProjectionFailed(failing.projector.name, failing.current, error) from error
    for lane in lanes:
        lane.rows.commit(reached)
    return reached - position


def _move(
    change: Telling,
    lanes: list[_Lane],
    position: int,
    reached: int,
    piped: bool,
    began: float,
    events: int,
) -> list[tuple[list[str], _Counted]]:
    """Moves the lanes' positions from `position` to `reached` and tells the live ones; answers,
    for the live lanes and the rebuilds' apart, their names and the statement that moved them,
    whose row count is known once the pipeline, if any, has ended."""
    tx = change.tx
    rate = events / max(time.perf_counter() - began, 1e-6)
    values = {"updated_at": now(), "events_per_second": rate}
    moves: list[tuple[list[str], _Counted]] = []
    for live in (True, False):
        moving = [lane.projector.name for lane in lanes if lane.live == live]
        if not moving:
            continue
        state = projection_state.c
        column = state.position if live else state.rebuild_position
        if piped and tx.dialect.name == "postgresql":
            # SQLAlchemy would read its row count before the pipeline has answered.
            cursor = tx.connection.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.execute(
                SQL(
                    "UPDATE projection_state SET {0} = %s, updated_at = %s, "
                    "events_per_second = %s WHERE name = ANY(%s) AND {0} = %s"
                ).format(Identifier(column.name)),
                (reached, values["updated_at"], rate, moving, position),
            )
            moves.append((moving, cursor))
        else:
            result = tx.execute(
                update(projection_state)
                .where(state.name.in_(moving), column == position)
                .values({column.name: reached, **values})
            )
            moves.append((moving, result))
        if live:
            for name in moving:
                change.told(name, Standing(reached))
    change.notify_now()
    return moves
