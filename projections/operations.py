"""What operators do to projections from the command line: see, pause, resume, reset, rebuild."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import wait
from typing import Any

from eventsourcing.application import Application
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from sqlalchemy import Engine

from projections.engine import PositionMoved, ProjectionFailed, Projector
from projections.rounds import run_together
from projections.worker import Claims


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    version: int
    code_version: int
    position: int
    lag: int
    state: str
    rebuild_position: int | None
    error: str | None
    error_position: int | None
    events_per_second: float | None
    owner: str | None
    updated_at: datetime | None


def statuses(projectors: list[Projector], app: Application) -> list[ProjectionStatus]:
    head = app.recorder.max_notification_id() or 0
    found = []
    for projector in projectors:
        row = projector.status()
        found.append(
            ProjectionStatus(
                name=projector.name,
                version=row.version,
                code_version=projector.projection.version,
                position=row.position,
                lag=max(head - row.position, 0),
                state=row.state,
                rebuild_position=row.rebuild_position,
                error=row.error,
                error_position=row.error_position,
                events_per_second=row.events_per_second,
                owner=row.owner,
                updated_at=row.updated_at,
            )
        )
    return found


def status_table(rows: list[ProjectionStatus]) -> Table:
    table = Table(
        "projection",
        "version",
        "position",
        "lag",
        "state",
        "rebuild",
        "events/s",
        "owner",
        "last error",
    )
    for r in rows:
        version = (
            str(r.version) if r.version == r.code_version else f"{r.version} → {r.code_version}"
        )
        rebuild = "—" if r.rebuild_position is None else f"at {r.rebuild_position}"
        error = "—" if not r.error else f"at {r.error_position}: {r.error[:80]}"
        rate = "—" if r.events_per_second is None else f"{r.events_per_second:,.0f}"
        table.add_row(
            r.name,
            version,
            str(r.position),
            str(r.lag),
            r.state,
            rebuild,
            rate,
            r.owner or "—",
            error,
        )
    return table


def rebuild(
    projectors: list[Projector],
    app: Application,
    engine: Engine,
    claims: Claims,
    console: Console,
    poll: float = 0.5,
    workers: int = 1,
    start_worker: Callable[[list[str]], Any] | None = None,
) -> None:
    """Starts a rebuild of each projection and shows it to its swap. A projection no running
    projector holds is rebuilt here; one that a projector process holds is rebuilt by that
    process, and this only shows its progress.

    With `workers` > 1 (PostgreSQL), those rebuilt here are shared between as many processes
    (`start_worker(names)` starts one and answers it, with `join` and `exitcode`): the work is
    mostly Python, one core per process. This process keeps the claims meanwhile.
    """
    for projector in projectors:
        projector.setup()
        projector.start_rebuild()
    head = app.recorder.max_notification_id() or 0
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]} events/s"),
        TimeRemainingColumn(),
    )
    helpers: list[Any] = []
    if workers > 1 and start_worker is not None:
        here = [p for p in projectors if claims.holds(p.name)]
        for part in share(here, workers):
            helpers.append(start_worker([p.name for p in part]))
    with Progress(*columns, console=console) as progress:
        tasks = {
            p.name: progress.add_task(p.name, total=max(head, 1), rate="—") for p in projectors
        }
        pending = list(projectors)
        while pending:
            started = time.perf_counter()
            before = {p.name: p.status().rebuild_position or 0 for p in pending}
            here = [p for p in pending if not helpers and claims.holds(p.name)]
            if here:
                try:
                    run_together(here)  # those at one position read the log once, together
                except PositionMoved:
                    pass
            elif helpers:
                # Woken as soon as a process ends (its projections swapped in), else to show
                # progress.
                alive = [h.sentinel for h in helpers if h.exitcode is None]
                if alive:
                    wait(alive, timeout=poll)
                else:
                    time.sleep(poll)  # the rest is another projector process's to rebuild
                failed = [h for h in helpers if h.exitcode not in (None, 0)]
                if failed:
                    raise RuntimeError(f"{len(failed)} rebuilding process(es) failed")
            else:
                time.sleep(poll)
            elapsed = time.perf_counter() - started
            for projector in list(pending):
                row = projector.status()
                if row.state == "failed":
                    raise ProjectionFailed(projector.name, row.error_position, row.error)
                done = row.rebuild_position is None
                reached = row.position if done else row.rebuild_position
                moved = reached - before[projector.name]
                rate = moved / elapsed if elapsed > 0 and moved > 0 else None
                progress.update(
                    tasks[projector.name],
                    completed=max(reached, 1) if done else reached,
                    total=max(head, reached, 1),
                    rate=f"{rate:,.0f}" if rate else "—",
                )
                if done:
                    pending.remove(projector)
    for helper in helpers:
        helper.join()
    claims.release()


def share(projectors: list[Projector], parts: int) -> list[list[Projector]]:
    """The projectors in at most `parts` groups of about equal cost (heaviest first, each to
    the lightest group so far)."""
    groups: list[tuple[float, list[Projector]]] = [(0.0, []) for _ in range(parts)]
    for projector in sorted(projectors, key=lambda p: -p.projection.cost):
        groups.sort(key=lambda g: g[0])
        cost, group = groups[0]
        groups[0] = (cost + projector.projection.cost, [*group, projector])
    return [group for _, group in groups if group]
