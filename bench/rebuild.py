"""Rebuild throughput: generate N events of a realistic mix, rebuild every projection, and
compare with a raw batched insert (COPY) of as many rows, in the same run, on PostgreSQL.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench \
        .venv/bin/python -m bench.rebuild [--events 200000]

The database is emptied first (it must be a scratch database). Generation runs in a child
process so that the peak RSS printed is the rebuild's own.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime

import psycopg
from rich.console import Console

from bench.commands import SECRET, empty, machine
from bench.life import generate
from copro.bootstrap import (
    open_condos,
    projectors,
    read_engine,
    start_rebuild_worker,
    tune_garbage_collector,
)
from copro.settings import Settings
from projections.operations import rebuild
from projections.rounds import run_together
from projections.worker import Claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument(
        "--batch-size", type=int, default=5000, help="events per transaction of the rebuild"
    )
    parser.add_argument("--seed", type=int, default=7, help="of the generator's RNG")
    parser.add_argument("--each", action="store_true", help="also time each projection alone")
    parser.add_argument("--workers", type=int, default=2, help="processes of the rebuild")
    parser.add_argument(
        "--skip-one-process", action="store_true", help="do not also rebuild in one process"
    )
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    settings = Settings(database_url=url, secret_key=SECRET, env="production")
    if args.generate_only:
        generate(settings, args.events, args.seed)
        return

    empty(url)
    began = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.rebuild",
            "--generate-only",
            "--events",
            str(args.events),
            "--seed",
            str(args.seed),
        ],
        check=True,
    )
    generated = time.perf_counter() - began
    generator_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # What autovacuum does to a live event store soon after a bulk of inserts: without it the
    # planner would guess the log's ranges from an empty table.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE")
    condos = open_condos(settings)
    head = condos.recorder.max_notification_id() or 0

    engine = read_engine(settings)
    tune_garbage_collector()  # as `copro projector` and `copro projections rebuild` do
    found = projectors(condos, engine, args.batch_size, args.batch_size)
    # A deployment's live tables follow the log: bring them to its head first (this is also
    # what `copro projections reset` then catching up costs), then rebuild beside them.
    began = time.perf_counter()
    for projector in found:
        projector.setup()
    while run_together(found):
        pass
    caught_up = time.perf_counter() - began
    per_projection = []
    if args.each:
        # Each alone (the log read and decoded for each): where the time goes.
        for projector in found:
            started = time.perf_counter()
            projector.start_rebuild()
            projector.catch_up()
            per_projection.append((projector.name, time.perf_counter() - started))
    # As `copro projections rebuild --all` does: every projection from 0 into shadow tables,
    # the log read once for the projections of one process, each swapped in when done.
    timings = []
    for workers in sorted({args.workers} if args.skip_one_process else {1, args.workers}):
        began = time.perf_counter()
        rebuild(
            found,
            condos,
            engine,
            Claims(url),
            Console(file=io.StringIO()),
            workers=workers,
            start_worker=start_rebuild_worker(settings),
        )
        timings.append((workers, time.perf_counter() - began))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    copy_seconds = raw_copy(url, head)
    print(machine())
    print(f"events: {head:,} generated in {generated:.1f} s")
    print(
        f"live tables caught up from empty, in place: {caught_up:.2f} s, "
        f"{head / caught_up:,.0f} events/s"
    )
    for name, seconds in per_projection:
        print(f"  {name:<22} alone {seconds:7.2f} s  {head / seconds:>10,.0f} events/s")
    for workers, seconds in timings:
        print(
            f"rebuild of all {len(found)} projections, {workers} process(es): {seconds:.2f} s, "
            f"{head / seconds:,.0f} events/s"
        )
    worker = f"{children_mb:.0f} MB" if children_mb > generator_mb else "less"
    print(f"peak RSS: {peak_mb:.0f} MB in this process, {worker} in a worker process")
    print(f"raw COPY of {head:,} rows: {copy_seconds:.2f} s, {head / copy_seconds:,.0f} rows/s")
    best = min(seconds for _, seconds in timings)
    print(f"ratio rebuild ÷ raw COPY (events/s ÷ rows/s): {copy_seconds / best:.3f}")


def raw_copy(url: str, rows: int) -> float:
    """COPY of as many rows as there are events, a few columns wide, into a fresh table."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "CREATE TEMP TABLE raw_copy (position bigint primary key, aggregate uuid, "
            "kind text, status text, at timestamptz)"
        )
        now = datetime.now(UTC)
        aggregate = "00000000-0000-4000-8000-000000000000"
        began = time.perf_counter()
        with conn.cursor().copy(
            "COPY raw_copy (position, aggregate, kind, status, at) FROM STDIN"
        ) as copy:
            for position in range(1, rows + 1):
                copy.write_row((position, aggregate, "StatusSet", "degraded", now))
        conn.commit()
        return time.perf_counter() - began


if __name__ == "__main__":
    main()
