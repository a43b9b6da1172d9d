"""Freshness: time from a command's answer to its effect being readable through the query API,
with command API, query API and projector as separate processes on PostgreSQL, commands paced
at a steady rate. The read carries `X-Copro-After: <position>`, so it returns as soon as the
read models have passed the command; its latency is the freshness.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench \
        .venv/bin/python -m bench.freshness [--rate 50] [--seconds 20]

The baseline is the same read without waiting (X-Copro-After: 0), measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.commands import SECRET, empty, machine, seed
from copro.bootstrap import open_condos
from copro.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    empty(url)
    settings = Settings(database_url=url, secret_key=SECRET, env="production")
    condos = open_condos(settings)
    _, (lift, *_) = seed(condos, 1)
    condos.close()

    env = {
        **os.environ,
        "COPRO_SECRET_KEY": SECRET,
        "COPRO_ENV": "production",
        "COPRO_LOG_LEVEL": "WARNING",
    }
    copro_bin = str(Path(sys.executable).parent / "copro")
    processes = [
        subprocess.Popen([copro_bin, "command-api", "--port", "18441"], env=env),
        subprocess.Popen([copro_bin, "query-api", "--port", "18442"], env=env),
        subprocess.Popen([copro_bin, "projector"], env=env),
    ]
    try:
        command_url, query_url = "http://127.0.0.1:18441/api/v1", "http://127.0.0.1:18442/api/v1"
        wait_up(f"{query_url}/healthz")
        wait_up(f"{command_url}/auth/login", post=True)
        token = httpx.post(
            f"{command_url}/auth/login",
            data={"username": "bench@copro-bench.org", "password": "bench password"},
        ).json()["access_token"]
        writer = httpx.Client(base_url=command_url, headers={"Authorization": f"Bearer {token}"})
        reader = httpx.Client(base_url=query_url)
        fresh: list[float] = []
        baseline: list[float] = []
        statuses = ["degraded", "operational"]
        total = int(args.rate * args.seconds)

        def read(position: int) -> None:
            began = time.perf_counter()
            reader.get("/status/bench", headers={"X-Copro-After": str(position)}).raise_for_status()
            fresh.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            reader.get("/status/bench").raise_for_status()
            baseline.append((time.perf_counter() - began) * 1000)

        start = time.perf_counter()
        # Commands are paced here; each one's read runs beside, so reads never slow the pace.
        with ThreadPoolExecutor(max_workers=8) as pool:
            for i in range(total):
                time.sleep(max(0.0, start + i / args.rate - time.perf_counter()))
                answer = writer.put(f"/equipment/{lift}/status", json={"status": statuses[i % 2]})
                answer.raise_for_status()
                pool.submit(read, answer.json()["position"])
        elapsed = time.perf_counter() - start
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=15)

    def pct(values: list[float], q: int) -> float:
        return statistics.quantiles(values, n=100)[q - 1]

    print(machine())
    print(f"{total} commands in {elapsed:.1f} s ({total / elapsed:.1f}/s)")
    p50, p99 = pct(fresh, 50), pct(fresh, 99)
    print(f"command answer → readable: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(fresh):.1f} ms")
    print(
        f"same read without waiting: p50 {pct(baseline, 50):.1f} ms, p99 {pct(baseline, 99):.1f} ms"
    )
    print(f"ratio p50 freshness ÷ p50 plain read: {pct(fresh, 50) / pct(baseline, 50):.2f}")


def wait_up(url: str, post: bool = False) -> None:
    for _ in range(150):
        try:
            (httpx.post if post else httpx.get)(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


if __name__ == "__main__":
    main()
