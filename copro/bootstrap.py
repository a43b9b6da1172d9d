"""The one place that wires the parts together for each process."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import FileResponse, PlainTextResponse
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from copro.logs import configure_logging
from copro.read_store import read_engine
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from projections.engine import Projector
from projections.registry import PROJECTIONS
from projections.worker import Claims, PostgresListener, ProjectorWorker, Wakeup
from query_api.app import HeadAsGet

# Held while a process creates (if missing) the event store's tables, functions and triggers.
EVENT_STORE_SETUP_LOCK = 7206853412
SQLITE_SETUP = threading.Lock()


def open_condos(settings: Settings) -> Condos:
    """The write side, its store's tables made and upgraded before anyone uses it: accounts
    from before email claims are given theirs (once per email key)."""
    if settings.database_url is None:
        # Embedded, the store is this process's own: its threads take turns, as processes do
        # on PostgreSQL (SQLite answers "database is locked" to a writer that waits too long).
        with SQLITE_SETUP:
            return upgraded(
                Condos(env=settings.event_store_env(), email_key=settings.email_claims_key)
            )
    import psycopg

    # Processes starting together (a compose stack, rebuild workers) take turns: PostgreSQL
    # fails concurrent DDL on one object ("tuple concurrently updated"), IF NOT EXISTS or not,
    # and one of them gives the email claims while the others wait.
    with psycopg.connect(settings.database_url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (EVENT_STORE_SETUP_LOCK,))
        return upgraded(Condos(env=settings.event_store_env(), email_key=settings.email_claims_key))


def upgraded(condos: Condos) -> Condos:
    condos.give_email_claims(Actor.system())
    return condos


def projectors(
    condos: Condos, engine: Engine, batch_size: int = 500, rebuild_batch_size: int = 5000
) -> list[Projector]:
    return [Projector(p, condos, engine, batch_size, rebuild_batch_size) for p in PROJECTIONS]


def tune_garbage_collector() -> None:
    """For a process that projects: what exists at start-up is left out of collections, and a
    collection runs every 50,000 allocations rather than 700. Projecting makes many short-lived
    dicts, and every full collection walks the rows kept in memory: measured, a rebuild of
    200,000 events takes a quarter less time (bench/README.md)."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def start_rebuild_worker(settings: Settings) -> Callable[[list[str]], Any]:
    """What starts a process rebuilding some projections, for `copro projections rebuild
    --workers N`; the process answered has `join` and `exitcode`."""
    import multiprocessing

    # Forked where the system can (no imports to redo: half a second of two cores). The child
    # opens its own connections and never touches the ones it inherits; it leaves through
    # os._exit, which closes none of them under the parent's feet.
    methods = multiprocessing.get_all_start_methods()
    context = (
        multiprocessing.get_context("fork")
        if "fork" in methods
        else multiprocessing.get_context("spawn")
    )

    def start(names: list[str]) -> Any:
        process = context.Process(target=rebuild_part, args=(settings, names), daemon=True)
        process.start()
        return process

    return start


def rebuild_part(settings: Settings, names: list[str]) -> None:
    """Runs the rebuilds of some projections to their swap (their live tables too meanwhile).
    The process that started them holds their claims."""
    import time

    from projections.rounds import run_together

    configure_logging(settings)
    tune_garbage_collector()
    condos = open_condos(settings)
    found = [
        p
        for p in projectors(
            condos,
            read_engine(settings),
            settings.projector_batch_size,
            settings.projector_rebuild_batch_size,
        )
        if p.name in names
    ]
    while any(p.rebuilding for p in found):
        if not run_together(found):
            time.sleep(0.05)
    condos.close()


class ProjectorRunner(AbstractContextManager["ProjectorRunner"]):
    """The projector worker, woken by LISTEN/NOTIFY on PostgreSQL or by the in-process
    application on SQLite, and by polling in any case."""

    def __init__(self, settings: Settings, condos: Condos, engine: Engine) -> None:
        self.wakeup = Wakeup()
        self.worker = ProjectorWorker(
            projectors(
                condos,
                engine,
                settings.projector_batch_size,
                settings.projector_rebuild_batch_size,
            ),
            self.wakeup,
            settings.poll_interval_seconds,
            Claims(settings.database_url),
        )
        self.listener: PostgresListener | None = None
        if settings.database_url:
            self.listener = PostgresListener(settings.database_url, "copro_events", self.wakeup)
        condos.on_saved(self.wakeup.fire)

    def start(self) -> ProjectorRunner:
        # Tables exist before the first query can ask for them.
        for projector in self.worker.projectors:
            projector.setup()
        if self.listener:
            self.listener.start()
        self.worker.start()
        return self

    def stop(self) -> None:
        self.worker.stop()
        if self.listener:
            self.listener.stop()
        self.worker.join(timeout=10)

    def __enter__(self) -> ProjectorRunner:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


# Built assets carry a hash of their content in their name: a new build has new names.
IMMUTABLE = "public, max-age=31536000, immutable"


class SinglePageFiles(StaticFiles):
    """The built frontend: any path that is not a file gets index.html (client-side routes).
    Hashed assets are kept a year; everything else (index.html first) is asked for again each
    time, so a new build is seen at once — as nginx serves them."""

    async def get_response(self, path: str, scope: Scope) -> Any:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404:
                raise
            response = FileResponse(Path(str(self.directory)) / "index.html")
            path = "index.html"
        hashed = path.startswith("assets/") and response.status_code in (200, 304)
        response.headers["Cache-Control"] = IMMUTABLE if hashed else "no-cache"
        return response


COMMAND_DOCUMENT = "/api/v1/command/openapi.json"


class Site:
    """One origin: GET/HEAD under /api go to the query API, other verbs to the command API,
    everything else to the built frontend."""

    def __init__(
        self,
        command_app: Any,
        query_app: Any,
        frontend_dir: Path,
        on_startup: Callable[[], None] = lambda: None,
        on_shutdown: Callable[[], None] = lambda: None,
    ) -> None:
        self.command_app = command_app
        self.query_app = query_app
        # JSON, HTML, JS, CSS… compressed for clients that accept it; never a live stream,
        # which the middleware passes on as it comes (text/event-stream is excluded).
        # HEAD is answered as a GET whose body is dropped after compression, so that its
        # headers are the GET's (Content-Encoding, Vary, Content-Length) as nginx gives them.
        self._compressed = HeadAsGet(GZipMiddleware(self._route, minimum_size=512))
        self.condos: Condos | None = None
        self.on_startup = on_startup
        self.on_shutdown = on_shutdown
        if (frontend_dir / "index.html").exists():
            self.frontend: Any = SinglePageFiles(directory=frontend_dir, html=True)
        else:
            self.frontend = PlainTextResponse(
                "The frontend is not built: run `make run` (or `npm ci && npm run build` in "
                "frontend/).",
                status_code=503,
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        else:
            await self._compressed(scope, receive, send)

    async def _route(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            # The command API's own document is read with GET, like nginx routes it.
            reads = scope["method"] in ("GET", "HEAD") and scope["path"] != COMMAND_DOCUMENT
            await (self.query_app if reads else self.command_app)(scope, receive, send)
        else:
            await self.frontend(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.on_startup()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.on_shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return


def create_command_api(
    settings: Settings,
    condos: Condos,
    engine: Engine,
    wake: Callable[[], None] = lambda: None,
) -> Any:
    """The command API with the operators' commands on the projections of this store
    (`wake` tells this process's projector, if it runs one, that there is work)."""
    from command_api.app import create_command_app
    from copro.ops_commands import ProjectionOperations, include_ops_commands

    app = create_command_app(condos, settings)
    found = projectors(
        condos, engine, settings.projector_batch_size, settings.projector_rebuild_batch_size
    )
    include_ops_commands(app, ProjectionOperations(settings, found, wake))
    return app


def create_site(settings: Settings) -> Site:
    """Everything in one process: both APIs, the projector and the frontend."""
    from copro.scheduler import SchedulerRunner
    from query_api.app import create_query_app

    condos = open_condos(settings)
    engine = read_engine(settings)
    runner = ProjectorRunner(settings, condos, engine)
    scheduler = SchedulerRunner(condos, interval=settings.scheduler_interval_seconds)

    query_app = create_query_app(engine, settings)
    # The site serves the query app inside itself: its lifespan is the site's.
    positions = query_app.state.positions

    def start() -> None:
        runner.start()  # the read tables exist before the positions are first read
        positions.start()
        scheduler.start()

    def stop() -> None:
        scheduler.stop()
        positions.stop()
        runner.stop()

    site = Site(
        create_command_api(settings, condos, engine, runner.wakeup.fire),
        query_app,
        settings.frontend_dir,
        on_startup=start,
        on_shutdown=stop,
    )
    site.condos = condos
    return site
