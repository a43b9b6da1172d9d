"""What operators do to projections over HTTP, on the command API: rebuild, pause, resume,
reset (`POST /api/v1/ops/projections/{name}/…`), as `copro projections …` does on the command
line. A wiring module: the command API itself never imports `projections`.

A rebuild answers 202 at once and goes on in the background, its progress shown by
`GET /api/v1/ops/projections`. Whoever holds the projection's claim drives it: the projector
process (or, embedded, the projector thread of `copro serve`, woken here). On PostgreSQL, when
no process holds it, a process of its own is started that claims it, rebuilds and swaps it in,
then lets it go: the rebuild is Python work, a core's worth, kept off the API's threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, FastAPI, Path, Request, Response
from pydantic import BaseModel

from command_api.deps import CondosDep, CurrentActor
from copro.http_errors import error_responses
from copro.metrics import CONTENT_TYPE, exposition, from_this_machine
from copro.settings import Settings
from domain.base import Actor
from domain.errors import Forbidden, NotAuthenticated, NotFound, RuleBroken
from projections.engine import PositionMoved, ProjectionFailed, Projector
from projections.worker import Claims, lock_key

log = logging.getLogger("copro.ops")

API_PREFIX = "/api/v1"


class RebuildInProgress(RuleBroken):
    code = "rebuild_in_progress"


class RebuildStanding(BaseModel):
    """A rebuild in progress: the version it builds and how far its shadow tables are."""

    version: int
    position: int


class ProjectionCommanded(BaseModel):
    """The projection after the command: its state, the log position its live tables reflect,
    and its rebuild if one is in progress (follow it at `GET /api/v1/ops/projections`)."""

    name: str
    state: Literal["running", "paused", "failed"]
    position: int
    rebuild: RebuildStanding | None


def operator(condos: CondosDep, actor: CurrentActor) -> Actor:
    """The caller, a platform operator or admin; 401 anonymous, 403 anyone else."""
    if actor.is_anonymous:
        raise NotAuthenticated("sign in first")
    account = condos.account(UUID(actor.id))
    if account is None or not account.can_log_in:
        raise NotAuthenticated("this account cannot act")
    if not (account.is_admin or account.is_operator):
        raise Forbidden("this needs the platform role: operator")
    return actor


Operator = Annotated[Actor, Depends(operator)]
ProjectionName = Annotated[str, Path(description="The projection's name")]


class ProjectionOperations:
    """The projections of this process's store, and the rebuilds it started."""

    def __init__(
        self,
        settings: Settings,
        projectors: list[Projector],
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        self.settings = settings
        self.projectors = {p.name: p for p in projectors}
        # Tells the projector thread of this process (embedded) that there is work.
        self.wake = wake
        self._starting = threading.Lock()
        self._drivers: dict[str, Any] = {}
        self._set_up: set[str] = set()

    def projector(self, name: str) -> Projector:
        found = self.projectors.get(name)
        if found is None:
            raise NotFound("no such projection")
        if name not in self._set_up:
            found.setup()  # its tables exist, also on a command API started before a projector
            self._set_up.add(name)
        return found

    def rebuild(self, name: str) -> Projector:
        projector = self.projector(name)
        with self._starting, self._one_starter(name):
            already = projector.rebuilding
            if not already:
                projector.start_rebuild()
        # Also for one already under way: a rebuild whose driver died goes on.
        self._see_driven(name)
        if already:
            raise RebuildInProgress(f"projection {name} is already being rebuilt")
        log.info("projection %s: rebuild started over HTTP", name)
        return projector

    def set_state(self, name: str, state: str) -> Projector:
        projector = self.projector(name)
        projector.set_state(state)
        if state == "running" and projector.rebuilding:
            self._see_driven(name)
        elif state == "running":
            self.wake()
        return projector

    def reset(self, name: str) -> ProjectionCommanded:
        """Empties the projection and answers it so, at position 0, before the projector is
        woken to replay the log (it may be well on by the time the answer is read)."""
        projector = self.projector(name)
        projector.reset()
        answer = commanded(projector)
        self.wake()
        return answer

    @contextmanager
    def _one_starter(self, name: str) -> Iterator[None]:
        """Held while a rebuild is checked for and started: of two API processes asked at once,
        one starts it, the other answers 409."""
        if self.settings.database_url is None:
            yield  # one process: the thread lock is enough
            return
        import psycopg

        with psycopg.connect(self.settings.database_url) as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(f"start-rebuild.{name}"),))
            yield

    def _see_driven(self, name: str) -> None:
        """Makes sure some process drives the rebuild of `name` to its swap."""
        self.wake()
        if self.settings.database_url is None:
            return  # embedded: the projector thread of this process holds every projection
        driver = self._drivers.get(name)
        if driver is not None and driver.is_alive():
            return
        if not unclaimed(self.settings.database_url, name):
            return  # a projector process holds it: it rebuilds it
        # Spawned, not forked: this process runs threads (server, pools) whose locks a fork
        # would copy held.
        context = multiprocessing.get_context("spawn")
        driver = context.Process(
            target=drive_rebuild, args=(self.settings, name), name=f"copro-rebuild-{name}"
        )
        driver.daemon = True
        driver.start()
        self._drivers[name] = driver


def unclaimed(database_url: str, name: str) -> bool:
    """Whether no process holds the projection's claim (its session advisory lock)."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        key = lock_key(name)
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
        if got and got[0]:
            conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
            return True
    return False


def drive_rebuild(settings: Settings, name: str) -> None:
    """In a process of its own: claims the projection, runs its live tables and its rebuild
    until the rebuild is swapped in, then lets the claim go for a projector to take. Stops
    early when the projection is paused or fails (a projector goes on with it later)."""
    from copro.bootstrap import open_condos, projectors, tune_garbage_collector
    from copro.logs import configure_logging
    from copro.read_store import read_engine
    from projections.rounds import run_together

    configure_logging(settings)
    claims = Claims(settings.database_url)
    if not claims.holds(name):
        return  # a projector process claimed it meanwhile: it rebuilds it
    tune_garbage_collector()
    condos = open_condos(settings)
    try:
        found = projectors(
            condos,
            read_engine(settings),
            settings.projector_batch_size,
            settings.projector_rebuild_batch_size,
        )
        projector = next(p for p in found if p.name == name)
        while True:
            row = projector.status()
            if row.rebuild_position is None or row.state != "running":
                break
            try:
                moved = run_together([projector])
            except PositionMoved:
                continue
            except ProjectionFailed:
                break
            if not moved:
                time.sleep(0.05)
        log.info("projection %s: rebuild driven to its end (%s)", name, projector.state())
    finally:
        claims.release()
        condos.close()


def commanded(projector: Projector) -> ProjectionCommanded:
    row = projector.status()
    rebuild = None
    if row.rebuild_position is not None:
        rebuild = RebuildStanding(version=row.rebuild_version, position=row.rebuild_position)
    return ProjectionCommanded(
        name=projector.name, state=row.state, position=row.position, rebuild=rebuild
    )


router = APIRouter(prefix="/ops/projections", tags=["ops"])
OPS_ERRORS = error_responses(401, 403, 404, 422, 503)


def operations(request: Request) -> ProjectionOperations:
    return request.app.state.projection_operations  # type: ignore[no-any-return]


Operations = Annotated[ProjectionOperations, Depends(operations)]


@router.post(
    "/{name}/rebuild",
    status_code=202,
    responses=error_responses(401, 403, 404, 409, 422, 503),
)
def rebuild_projection(name: ProjectionName, _: Operator, ops: Operations) -> ProjectionCommanded:
    """Builds the projection again from the first event into fresh tables while the current
    ones keep serving, then swaps them in; answers at once (202), the rebuild goes on, its
    progress at `GET /api/v1/ops/projections` (platform operators and admins)."""
    return commanded(ops.rebuild(name))


@router.post("/{name}/pause", responses=OPS_ERRORS)
def pause_projection(name: ProjectionName, _: Operator, ops: Operations) -> ProjectionCommanded:
    """Stops applying events to the projection until resumed (platform operators and
    admins)."""
    return commanded(ops.set_state(name, "paused"))


@router.post("/{name}/resume", responses=OPS_ERRORS)
def resume_projection(name: ProjectionName, _: Operator, ops: Operations) -> ProjectionCommanded:
    """Applies events to the projection again, also after a failure once its cause is fixed
    (platform operators and admins)."""
    return commanded(ops.set_state(name, "running"))


@router.post("/{name}/reset", responses=OPS_ERRORS)
def reset_projection(name: ProjectionName, _: Operator, ops: Operations) -> ProjectionCommanded:
    """Empties the projection's tables and replays the log into them in place: they are empty
    meanwhile, prefer rebuild on a serving site (platform operators and admins)."""
    return ops.reset(name)


# The command API's own process is scraped here when it runs alone (`copro command-api`): its
# counters are its own. Under one origin GET goes to the query API, whose /metrics is the
# documented one (and, embedded, the same process's).
scraped = APIRouter()


@scraped.get("/metrics", include_in_schema=False)
def command_metrics(request: Request, condos: CondosDep, actor: CurrentActor) -> Response:
    """This process's requests, commands and latency for Prometheus; for operators, or
    scrapes from this machine that did not come through a proxy."""
    if not from_this_machine(request):
        operator(condos, actor)
    return Response(exposition(), media_type=CONTENT_TYPE)


def include_ops_commands(app: FastAPI, ops: ProjectionOperations) -> None:
    """Adds the operators' routes to the command app, over these projections."""
    app.state.projection_operations = ops
    app.include_router(router, prefix=API_PREFIX)
    app.include_router(scraped, prefix=API_PREFIX)
