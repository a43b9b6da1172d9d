"""Where each projection stands, for operators, and whether the service is ready."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from typing_extensions import TypedDict

from query_api.answers.common import exact

ProjectionState = Literal["running", "paused", "failed"]


@exact
class ProjectionRebuild(TypedDict):
    """A rebuild in progress: the version it builds, how far its shadow tables are, and that
    position as a share of the head (0 to 1)."""

    version: int
    position: int
    started_at: datetime | None
    progress: float


@exact
class ProjectionStatus(TypedDict):
    """A projection: the version of its tables' shape, the log position they reflect and how
    far behind the head that is, its state and last error, its rebuild, its speed and the
    projector process holding it (`host:pid`)."""

    name: str
    version: int
    position: int
    lag: int
    state: ProjectionState
    error: str | None
    error_position: int | None
    rebuild: ProjectionRebuild | None
    events_per_second: float | None
    owner: str | None
    updated_at: datetime | None


@exact
class Projections(TypedDict):
    """Every projection set up, by name, and the head their lag is measured against: the
    furthest position any of them reached."""

    items: list[ProjectionStatus]
    total: int
    head: int


@exact
class Liveness(TypedDict):
    """The process answers."""

    status: Literal["ok"]


@exact
class ProjectionStanding(TypedDict):
    state: ProjectionState
    position: int


@exact
class Ready(TypedDict):
    """The read database answers; `status` says whether the public page's read models run,
    `failed_projections` which read models stopped on an error."""

    status: Literal["ready", "not ready"]
    database: Literal["ok"]
    failed_projections: list[str]
    positions: dict[str, int]
    projections: dict[str, ProjectionStanding]


@exact
class Unreachable(TypedDict):
    """The read database does not answer."""

    status: Literal["not ready"]
    database: Literal["unreachable"]
    projections: dict[str, ProjectionStanding]
