"""Where each projection stands, for operators: position, lag, state, error, rebuild, speed.

The query API does not read the event store, so the head of the log it measures lag against
is the furthest position any projection has recorded (live or rebuilding). A projection that
is caught up advances to the head even when the last events were of no interest to it, so
with one projector following the log this is the head it last saw. When every projection has
stopped, the lag shows 0 while events may be waiting: `updated_at` says how long ago each one
last moved, and `copro projections status` measures against the event store itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Connection, func, select

from projections.state import projection_state
from projections.status_rules import utc
from query_api.answers.ops import ProjectionRebuild, Projections, ProjectionStatus


def head(conn: Connection) -> int:
    """The furthest log position any projection has reached."""
    live, rebuilding = conn.execute(
        select(func.max(projection_state.c.position), func.max(projection_state.c.rebuild_position))
    ).one()
    return max(live or 0, rebuilding or 0)


def statuses(conn: Connection) -> Projections:
    """Every projection the projectors have set up, by name, against the head."""
    reached = head(conn)
    rows = conn.execute(select(projection_state).order_by(projection_state.c.name)).mappings()
    items = [described(r, reached) for r in rows]
    return {"items": items, "total": len(items), "head": reached}


def described(r: Any, reached: int) -> ProjectionStatus:
    rebuild: ProjectionRebuild | None = None
    if r["rebuild_position"] is not None:
        rebuild = {
            "version": r["rebuild_version"],
            "position": r["rebuild_position"],
            "started_at": utc(r["rebuild_started_at"]) if r["rebuild_started_at"] else None,
            "progress": round(r["rebuild_position"] / reached, 4) if reached else 1.0,
        }
    return {
        "name": r["name"],
        "version": r["version"],
        "position": r["position"],
        "lag": max(reached - r["position"], 0),
        "state": r["state"],
        "error": r["error"],
        "error_position": r["error_position"],
        "rebuild": rebuild,
        "events_per_second": r["events_per_second"],
        "owner": r["owner"],
        "updated_at": utc(r["updated_at"]) if r["updated_at"] else None,
    }


class ProjectionGauges(Collector):
    """Each projection's gauges, read from the database when Prometheus scrapes."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def collect(self) -> Iterator[GaugeMetricFamily]:
        listed = statuses(self.conn)
        items = listed["items"]
        yield GaugeMetricFamily(
            "copro_projections_head",
            "The furthest log position any projection reached (what lag is measured against).",
            value=listed["head"],
        )
        for name, help_text, value_of in GAUGES:
            family = GaugeMetricFamily(name, help_text, labels=["name"])
            for item in items:
                value = value_of(item)
                if value is not None:
                    family.add_metric([item["name"]], value)
            yield family


GAUGES: tuple[tuple[str, str, Callable[[ProjectionStatus], float | None]], ...] = (
    (
        "copro_projection_position",
        "Last log position the projection's tables reflect.",
        lambda i: i["position"],
    ),
    (
        "copro_projection_lag",
        "Log positions between the projection and the furthest any projection reached.",
        lambda i: i["lag"],
    ),
    (
        "copro_projection_failed",
        "1 when the projection stopped on an error.",
        lambda i: int(i["state"] == "failed"),
    ),
    (
        "copro_projection_paused",
        "1 while an operator holds the projection paused.",
        lambda i: int(i["state"] == "paused"),
    ),
    (
        "copro_projection_rebuilding",
        "1 while the projection is being rebuilt.",
        lambda i: int(i["rebuild"] is not None),
    ),
    (
        "copro_projection_rebuild_position",
        "How far a rebuild in progress has gone in the log (only while rebuilding).",
        lambda i: i["rebuild"]["position"] if i["rebuild"] else None,
    ),
    (
        "copro_projection_rebuild_progress",
        "A rebuild in progress as a share of the head, 0 to 1 (only while rebuilding).",
        lambda i: i["rebuild"]["progress"] if i["rebuild"] else None,
    ),
    (
        "copro_projection_events_per_second",
        "Events per second of the projection's last batch.",
        lambda i: i["events_per_second"],
    ),
)
