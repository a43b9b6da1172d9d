"""`copro`: every process and operator command."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from copro.people_cli import people_app
from copro.settings import Settings

# Plain help: typer's rich help shows a type (`<bool>`) after flags, which take no value.
app = typer.Typer(
    help="Copro: the day-to-day life of a condominium.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
admin_app = typer.Typer(
    help="Platform administration.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(admin_app, name="admin")
app.add_typer(people_app, name="people")
projections_app = typer.Typer(
    help="Operate the read models.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(projections_app, name="projections")
audit_app = typer.Typer(
    help="Tamper evidence of the event log: signed heads, verification, exports.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(audit_app, name="audit")
# Not in a terminal (a pipe, a log, a test) rich would cut tables at 80 columns.
console = Console(width=None if sys.stdout.isatty() else 240)

Host = Annotated[str, typer.Option(help="Address to listen on.")]
Port = Annotated[int, typer.Option(help="Port to listen on.")]


def load_settings() -> Settings:
    try:
        settings = Settings()
    except ValidationError as error:
        for problem in error.errors():
            console.print(f"[red]configuration error:[/red] {problem['msg']}")
        raise typer.Exit(2) from None
    from copro.logs import configure_logging

    configure_logging(settings)
    return settings


# Uvicorn hangs up an idle kept-alive connection after 5 s by default. A client that reuses
# its socket after a longer pause (a browser tab, Playwright's request context, Node's agent)
# can send into the closing socket and meet a reset instead of an answer. 75 s is nginx's own
# default for its clients; a pause that long between two requests is rare.
KEEP_ALIVE_SECONDS = 75


def _run(app_: Any, host: str, port: int, settings: Settings, **options: Any) -> None:
    import gc

    # Imported here: the commands that serve nothing (an export, a verify) stay lighter by it.
    import uvicorn

    # What start-up built (modules, routes, the apps' caches) is left out of the garbage
    # collector's walks: a full collection went through all of it while requests waited, and
    # made the slowest of them (bench.freshness p99 33 -> 23.5 ms, bench/README.md).
    gc.freeze()
    uvicorn.run(
        app_,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        **options,
    )


@app.command()
def serve(host: Host = "127.0.0.1", port: Port = 8000) -> None:
    """Everything in one process: both APIs, the projector and the built frontend."""
    from copro.bootstrap import create_site

    settings = load_settings()
    console.print(f"Copro on http://{host}:{port} ({_store(settings)})")
    _run(
        create_site(settings),
        host,
        port,
        settings,
        # Nothing stands in front of it unless said so: a client's X-Forwarded-For is not
        # believed (login limits count the address that connected).
        proxy_headers="FORWARDED_ALLOW_IPS" in os.environ,
    )


@app.command("command-api")
def command_api(host: Host = "127.0.0.1", port: Port = 8001) -> None:
    """The command API alone (verbs other than GET)."""
    from copro.bootstrap import create_command_api, open_condos, read_engine

    settings = load_settings()
    app_ = create_command_api(settings, open_condos(settings), read_engine(settings))
    _run(app_, host, port, settings, proxy_headers=True)


@app.command("query-api")
def query_api(host: Host = "127.0.0.1", port: Port = 8002) -> None:
    """The query API alone (GET and HEAD)."""
    from copro.read_store import read_tables
    from query_api.app import create_query_app

    settings = load_settings()
    # The projector may start later: the tables it fills exist from the first query on.
    engine = read_tables(settings)
    _run(create_query_app(engine, settings), host, port, settings)


@app.command()
def projector() -> None:
    """Keeps every read model up to date with the event log until stopped."""
    from copro.bootstrap import ProjectorRunner, open_condos, read_engine, tune_garbage_collector

    settings = load_settings()
    tune_garbage_collector()
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with ProjectorRunner(settings, open_condos(settings), read_engine(settings)):
        console.print(f"projector running ({_store(settings)})")
        stop.wait()


@app.command()
def scheduler() -> None:
    """Starts and completes maintenance windows at their planned times, as the `system` actor
    (several schedulers may run: each window moves once)."""
    from copro.bootstrap import open_condos
    from copro.scheduler import SchedulerRunner

    settings = load_settings()
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with SchedulerRunner(open_condos(settings), interval=settings.scheduler_interval_seconds):
        console.print(f"scheduler running every {settings.scheduler_interval_seconds:g} s")
        stop.wait()


@app.command()
def demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing if the store already holds events.")
    ] = False,
) -> None:
    """Creates the demo condo, Résidence Les Tilleuls, with a year of its life (dated across
    the last twelve months), and prints its logins and the platform admin's."""
    from copro.bootstrap import open_condos
    from copro.demo import ADMIN, LOGINS, SLUG, seed_demo

    settings = load_settings()
    condos = open_condos(settings)
    if not condos.is_new():
        if if_empty:
            console.print(f"store not empty: demo not seeded (status page: /c/{SLUG})")
            return
    seeded = seed_demo(condos)
    console.print(f"Demo condo: Résidence Les Tilleuls — status page /c/{seeded.slug}")
    table = Table("role", "email", "password")
    for login in [ADMIN, *LOGINS]:
        table.add_row(login.role, login.email, login.password)
    console.print(table)


@admin_app.command("create")
def create_admin(
    email: Annotated[str, typer.Option(help="The admin's email (their login).")],
    password: Annotated[
        str, typer.Option(help="At least 10 characters.", prompt=True, hide_input=True)
    ],
    first_name: Annotated[str, typer.Option()] = "Admin",
    last_name: Annotated[str, typer.Option()] = "Copro",
    operator: Annotated[
        bool, typer.Option("--operator", help="An operator (projections) instead of an admin.")
    ] = False,
) -> None:
    """Creates a platform admin (or operator), or gives an existing account that role
    (safe to run again)."""
    from email_validator import EmailNotValidError, validate_email

    from command_api.passwords import hash_password
    from copro.bootstrap import open_condos
    from domain.base import Actor

    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        console.print(f"[red]--email:[/red] {error}")
        raise typer.Exit(2) from None
    if len(password) < 10:
        console.print("[red]--password:[/red] at least 10 characters")
        raise typer.Exit(2)
    settings = load_settings()
    receipt = open_condos(settings).open_platform_account(
        Actor.system(),
        role="operator" if operator else "admin",
        email=email,
        first_name=first_name,
        last_name=last_name,
        password_hash=hash_password(password),
    )
    console.print(f"{'operator' if operator else 'admin'} account {receipt.id} ready")


def _projectors(names: list[str] | None) -> tuple[Settings, Any, list[Any]]:
    """The settings, the application and the projectors named (all when `names` is None)."""
    from copro.bootstrap import open_condos, projectors, read_engine

    settings = load_settings()
    condos = open_condos(settings)
    found = projectors(
        condos,
        read_engine(settings),
        settings.projector_batch_size,
        settings.projector_rebuild_batch_size,
    )
    if names is not None:
        known = {p.name for p in found}
        for name in names:
            if name not in known:
                console.print(
                    f"[red]no projection named {name!r}[/red] (known: {', '.join(sorted(known))})"
                )
                raise typer.Exit(2)
        found = [p for p in found if p.name in names]
    for projector in found:
        projector.setup()
    return settings, condos, found


@projections_app.command("list")
def projections_list() -> None:
    """The projections this version of Copro has."""
    from projections.registry import PROJECTIONS

    table = Table("projection", "version", "events followed")
    for projection in PROJECTIONS:
        table.add_row(projection.name, str(projection.version), str(len(projection.handlers)))
    console.print(table)


@projections_app.command("status")
def projections_status() -> None:
    """Version, position, lag, state, rebuild, events/s, owner and last error of each."""
    from projections.operations import status_table, statuses

    _, condos, found = _projectors(None)
    console.print(status_table(statuses(found, condos)))


@projections_app.command("rebuild")
def projections_rebuild(
    names: Annotated[
        list[str] | None, typer.Argument(help="Projections to rebuild.", metavar="NAME...")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Rebuild every projection.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            metavar="N",
            help="Processes sharing the work (PostgreSQL; default: 2 on 2 cores or more).",
        ),
    ] = None,
) -> None:
    """Builds projections again from the first event while the current tables keep serving,
    then swaps them in."""
    import os

    from copro.bootstrap import start_rebuild_worker, tune_garbage_collector
    from projections.operations import rebuild
    from projections.worker import Claims

    if not names and not all_:
        console.print("[red]name a projection or give --all[/red]")
        raise typer.Exit(2)
    settings, condos, found = _projectors(None if all_ else names)
    tune_garbage_collector()
    if settings.database_url is None:
        workers = 1  # one writer at a time on SQLite
    elif workers is None:
        workers = min(2, os.cpu_count() or 1)
    rebuild(
        found,
        condos,
        found[0].engine,
        Claims(settings.database_url),
        console,
        workers=workers,
        start_worker=start_rebuild_worker(settings),
    )
    console.print("rebuilt and swapped in: " + ", ".join(p.name for p in found))


def _set_state(names: list[str], state: str) -> None:
    _, _, found = _projectors(names)
    for projector in found:
        projector.set_state(state)
        console.print(f"{projector.name}: {state}")


@projections_app.command("pause")
def projections_pause(names: Annotated[list[str], typer.Argument()]) -> None:
    """Stops applying events to these projections until resumed."""
    _set_state(names, "paused")


@projections_app.command("resume")
def projections_resume(names: Annotated[list[str], typer.Argument()]) -> None:
    """Applies events again (also after a failure, once its cause is fixed)."""
    _set_state(names, "running")


@projections_app.command("reset")
def projections_reset(
    names: Annotated[list[str], typer.Argument()],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Empties these projections' tables and replays the log into them (not blue/green: the
    tables are empty meanwhile; prefer `rebuild` on a serving site)."""
    if not yes:
        typer.confirm(f"Empty {', '.join(names)} and replay from the first event?", abort=True)
    _, _, found = _projectors(names)
    for projector in found:
        projector.reset()
        console.print(f"{projector.name}: reset to position 0")


@audit_app.command("head")
def audit_head() -> None:
    """Prints the log's head (position, log hash) signed with the platform's Ed25519 key, as
    JSON, for an auditor to keep outside the system (COPRO_AUDIT_KEY; embedded, a key file
    made in the data dir on first use)."""
    from copro.audit import commands

    raise typer.Exit(commands.print_head(load_settings(), typer.echo))


@audit_app.command("verify")
def audit_verify(
    condo: Annotated[UUID | None, typer.Option(help="Only this condo's streams.")] = None,
    since_head: Annotated[
        Path | None, typer.Option(help="A signed head kept before: the log must extend it.")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="A JSON Lines export, verified on its own.")
    ] = None,
) -> None:
    """Walks the hash chains (every stream and the whole log, or one condo's streams) and
    prints every break, or that all hold, with how many events were checked; exits 1 on a
    break or a refused head."""
    from copro.audit import commands

    raise typer.Exit(commands.verify(load_settings(), condo, since_head, file, typer.echo))


@audit_app.command("export")
def audit_export(
    condo: Annotated[UUID, typer.Option(help="The condo whose events to export.")],
    out: Annotated[Path, typer.Option(help="The JSON Lines file to write.")],
) -> None:
    """Writes the condo's events with their hashes as JSON Lines, streamed: the file verifies
    on its own (`copro audit verify --file`)."""
    from copro.audit import commands

    raise typer.Exit(commands.export(load_settings(), condo, out, typer.echo))


def _store(settings: Settings) -> str:
    return "PostgreSQL" if settings.uses_postgres else f"SQLite in {settings.data_dir}/"


def main() -> None:
    app()
