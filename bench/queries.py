"""Status page reads against a real query API on PostgreSQL holding the demo condo and a year of
life of more condos: the page with and without `If-None-Match`, beside a trivial JSON route of the
same server (`/api/v1/healthz`) in the same run.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench \\
        .venv/bin/python -m bench.queries [--events 40000] [--seconds 10] [--rate 200]

Throughput and its latencies are wrk's (`apt-get install wrk`: one thread, 16 connections); the
latencies at a steady 200 requests/s come from an asyncio httpx load generator that sends on
schedule (open loop) and counts from the scheduled instant. The database is emptied first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

from bench.commands import SECRET, empty, machine
from bench.freshness import wait_up
from bench.life import generate
from copro.bootstrap import open_condos
from copro.demo import SLUG, seed_demo
from copro.settings import Settings

PORT = 18452
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=40_000, help="events of life generated")
    parser.add_argument("--seconds", type=int, default=10, help="per measurement")
    parser.add_argument("--rate", type=float, default=200.0, help="the steady rate, per second")
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    settings = Settings(database_url=url, secret_key=SECRET, env="production")
    with demo_read_side(settings, args.events) as (base, events):
        page = f"{base}/status/{SLUG}"
        answer = httpx.get(page)
        answer.raise_for_status()
        etag = answer.headers["etag"]
        assert httpx.get(page, headers={"If-None-Match": etag}).status_code == 304
        cases = [
            ("trivial JSON (healthz)", f"{base}/healthz", {}),
            ("status page", page, {}),
            ("status page, 304", page, {"If-None-Match": etag}),
        ]
        loaded = [(name, wrk(target, headers, args.seconds)) for name, target, headers in cases]
        paced = [
            (name, asyncio.run(steady(target, headers, args.rate, args.seconds)))
            for name, target, headers in cases
        ]

    print(machine())
    print(f"store: the demo condo and {events:,} events in all; page {len(answer.content):,} bytes")
    print(f"{'wrk, 16 connections':<26} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, (rate, p50, p99) in loaded:
        print(f"{name:<26} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f}")
    print(f"{f'steady {args.rate:.0f}/s (httpx)':<26} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, (rate, p50, p99) in paced:
        print(f"{name:<26} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f}")
    trivial = loaded[0][1][0]
    print(f"ratio status page ÷ trivial route: {loaded[1][1][0] / trivial:.2f}")
    print(f"ratio status page 304 ÷ trivial route: {loaded[2][1][0] / trivial:.2f}")


@contextmanager
def demo_read_side(settings: Settings, events: int) -> Iterator[tuple[str, int]]:
    """Empties the store, lays the demo condo and `events` of life, then runs a projector and a
    query API on it until the block ends; gives the API's base URL and the log's head, once
    every read model has reached it."""
    url = settings.database_url or ""
    empty(url)
    condos = open_condos(settings)
    seed_demo(condos)
    condos.close()
    generate(settings, events)
    env = {**os.environ, "COPRO_SECRET_KEY": SECRET, "COPRO_ENV": "production"}
    env["COPRO_LOG_LEVEL"] = "WARNING"
    copro_bin = str(Path(sys.executable).parent / "copro")
    processes = [
        subprocess.Popen([copro_bin, "projector"], env=env),
        subprocess.Popen([copro_bin, "query-api", "--port", str(PORT)], env=env),
    ]
    base = f"http://127.0.0.1:{PORT}/api/v1"
    try:
        wait_up(f"{base}/healthz")
        yield base, caught_up(url, base)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=15)


def caught_up(url: str, base: str) -> int:
    """Waits until every read model has passed the log's head; answers the head."""
    with psycopg.connect(url) as conn:
        head = conn.execute("SELECT max(notification_id) FROM copro_events").fetchone()[0]  # type: ignore[index]
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        positions = httpx.get(f"{base}/readyz").json().get("positions", {})
        if positions and min(positions.values()) >= head:
            return int(head)
        time.sleep(0.5)
    raise SystemExit("the projector did not catch up")


def wrk(target: str, headers: dict[str, str], seconds: int) -> tuple[float, float, float]:
    """wrk's requests/s, p50 and p99 (ms) over `seconds`."""
    command = ["wrk", "-t1", "-c16", f"-d{seconds}s", "--latency", target]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"wrk saw errors:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def quantile(q: str) -> float:
        value, unit = re.search(rf"^\s+{q}%\s+([\d.]+)(us|ms|s)$", out, re.M).groups()  # type: ignore[union-attr]
        return float(value) * UNITS[unit]

    return rate, quantile("50"), quantile("99")


async def steady(
    target: str, headers: dict[str, str], rate: float, seconds: int
) -> tuple[float, float, float]:
    """Requests sent on schedule at `rate`, whatever came back: the rate achieved, p50 and p99
    (ms) counted from each request's scheduled instant."""
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=10) as client:
        await client.get(target)  # a connection open before the clock starts

        async def one(due: float) -> None:
            answer = await client.get(target)
            assert answer.status_code in (200, 304), answer.status_code
            latencies.append((time.perf_counter() - due) * 1000)

        start = time.perf_counter()
        sent = []
        for i in range(int(rate * seconds)):
            due = start + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            sent.append(asyncio.create_task(one(due)))
        await asyncio.gather(*sent)
        elapsed = time.perf_counter() - start
    quantiles = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, quantiles[49], quantiles[98]


if __name__ == "__main__":
    main()
