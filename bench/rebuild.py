"""Rebuild throughput: generate N events of a realistic mix, rebuild every projection, and
compare with a raw batched insert (COPY) of as many rows, in the same run, on PostgreSQL.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench \
        .venv/bin/python -m bench.rebuild [--events 200000]

The database is emptied first (it must be a scratch database). Generation runs in a child
process so that the peak RSS printed is the rebuild's own.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg

from bench.commands import SECRET, empty, machine
from copro.bootstrap import open_condos, projectors, read_engine
from copro.settings import Settings
from domain.base import Actor, CondoAggregate, acting_as
from domain.building import Building
from domain.condo import Condo
from domain.equipment import Equipment

STATUSES = ["operational", "degraded", "partial_outage", "major_outage", "maintenance"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=1000, help="events per transaction")
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    settings = Settings(database_url=url, secret_key=SECRET, env="production")
    if args.generate_only:
        generate(settings, args.events)
        return

    empty(url)
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bench.rebuild", "--generate-only", "--events", str(args.events)],
        check=True,
    )
    generated = time.perf_counter() - began
    condos = open_condos(settings)
    head = condos.recorder.max_notification_id() or 0

    engine = read_engine(settings)
    found = projectors(condos, engine, args.batch_size)
    per_projection = []
    began = time.perf_counter()
    for projector in found:
        projector.setup()
        started = time.perf_counter()
        projector.start_rebuild()
        projector.catch_up()
        per_projection.append((projector.name, time.perf_counter() - started))
    rebuilt = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    copy_seconds = raw_copy(url, head)
    print(machine())
    print(f"events: {head:,} generated in {generated:.1f} s")
    for name, seconds in per_projection:
        print(f"  {name:<22} {seconds:7.2f} s  {head / seconds:>10,.0f} events/s")
    print(
        f"rebuild of all {len(found)} projections: {rebuilt:.2f} s, {head / rebuilt:,.0f} events/s"
    )
    print(f"peak RSS of the rebuilding process: {peak_mb:.0f} MB")
    print(f"raw COPY of {head:,} rows: {copy_seconds:.2f} s, {head / copy_seconds:,.0f} rows/s")
    print(f"ratio rebuild ÷ raw COPY (events/s ÷ rows/s): {copy_seconds / rebuilt:.5f}")


def generate(settings: Settings, events: int) -> None:
    """A condo's life: structure, then status changes on its equipment, saved in chunks."""
    condos = open_condos(settings)
    rng = random.Random(7)
    written = 0
    condo_number = 0
    with acting_as(Actor.system()):
        while written < events:
            condo_number += 1
            condo = Condo(
                name=f"Résidence {condo_number}",
                address="1 rue",
                postal_code="69003",
                city="Lyon",
                country="France",
                slug=f"residence-{condo_number}",
                public_status_page=True,
            )
            buildings = [
                Building(copro_id=condo.id, name=f"Bâtiment {b}", description="", order=b)
                for b in range(3)
            ]
            pieces = []
            for i in range(17):
                building = buildings[i % 3]
                piece = Equipment(
                    copro_id=condo.id,
                    building_id=building.id,
                    name=f"Équipement {i}",
                    code=f"EQ-{i}",
                    category="lift",
                    location="Hall",
                    order=i,
                )
                building.house(equipment_id=piece.id)
                pieces.append(piece)
            written += save(condos, [condo, *buildings, *pieces])
            # Months of manual status changes, the bulk of a condo's history.
            start = datetime.now(UTC) - timedelta(days=365)
            for _ in range(min(2000, events - written) // 50 or 1):
                chunk = []
                for _ in range(50):
                    piece = rng.choice(pieces)
                    piece.set_status(status=rng.choice(STATUSES), note=None)
                    chunk.append(piece)
                written += save(condos, list({id(p): p for p in chunk}.values()))
            del start
    condos.close()


def save(condos: Any, aggregates: list[CondoAggregate]) -> int:
    count = sum(len(a.pending_events) for a in aggregates)
    condos.save(*aggregates)
    return count


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
