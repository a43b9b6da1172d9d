"""Live streams: 1,000 open streams of one status page on one query API process, and how long
from a command's answer until every one of them has been told the change; beside the same with
one stream only (the baseline), in the same run. Command API, query API and projector are three
processes on PostgreSQL, as deployed.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench \\
        .venv/bin/python -m bench.stream [--streams 1000] [--commands 20]

Each command sets the lift's status (degraded, operational, in turn: each changes the page) one
second after the last one was heard by every stream. The clients are raw asyncio connections
in this process (an HTTP/1.1 GET, then the event lines), so that reading a thousand streams
costs little beside the server; their time counts all the same.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.commands import SECRET, empty, machine
from bench.commands import seed as one_condo
from bench.freshness import wait_up
from copro.bootstrap import open_condos
from copro.settings import Settings

COMMAND_PORT, QUERY_PORT = 18461, 18462
# In turn across both runs, so that every command changes the page (an odd count of commands
# in the first run would otherwise start the second on the status already shown).
STATUSES = itertools.cycle(["degraded", "operational"])


class Client:
    """One open stream: the position of each page event, and when it came."""

    def __init__(self) -> None:
        self.heard: dict[int, float] = {}
        self.latest = 0
        self.told = asyncio.Event()

    async def follow(self, path: str, ready: asyncio.Event) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", QUERY_PORT)
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        event = None
        try:
            while line := await reader.readline():
                text = line.decode().strip()
                if text.startswith("id:") and not ready.is_set():
                    ready.set()  # the first message: the position it starts from
                elif text.startswith("event:"):
                    event = text[6:].strip()
                elif text.startswith("data:") and event == "page":
                    position = json.loads(text[5:])["position"]
                    self.heard[position] = time.perf_counter()
                    self.latest = max(self.latest, position)
                    self.told.set()
                    event = None
        finally:
            writer.close()

    async def reached(self, position: int) -> float:
        while self.latest < position:
            self.told.clear()
            await self.told.wait()
        return min(t for p, t in self.heard.items() if p >= position)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", type=int, default=1000)
    parser.add_argument("--commands", type=int, default=20)
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    empty(url)
    lift = seed(Settings(database_url=url, secret_key=SECRET, env="production"))
    env = {**os.environ, "COPRO_SECRET_KEY": SECRET, "COPRO_ENV": "production"}
    env["COPRO_LOG_LEVEL"] = "WARNING"
    copro_bin = str(Path(sys.executable).parent / "copro")
    processes = [
        subprocess.Popen([copro_bin, "command-api", "--port", str(COMMAND_PORT)], env=env),
        subprocess.Popen([copro_bin, "query-api", "--port", str(QUERY_PORT)], env=env),
        subprocess.Popen([copro_bin, "projector"], env=env),
    ]
    try:
        wait_up(f"http://127.0.0.1:{QUERY_PORT}/api/v1/healthz")
        wait_up(f"http://127.0.0.1:{COMMAND_PORT}/api/v1/auth/login", post=True)
        baseline = asyncio.run(measure(lift, 1, args.commands))
        loaded = asyncio.run(measure(lift, args.streams, args.commands))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=15)

    print(machine())
    header = f"{'streams':>8} {'every one told: p50 ms':>24} {'p99 ms':>8} {'max ms':>8}"
    print(f"{header}   one told: p50 / p99 ms")
    for streams, (whole, each) in ((1, baseline), (args.streams, loaded)):
        print(
            f"{streams:>8} {pct(whole, 50):>24.1f} {pct(whole, 99):>8.1f} {max(whole):>8.1f}"
            f"   {pct(each, 50):.1f} / {pct(each, 99):.1f}"
        )
    ratio = pct(loaded[0], 50) / pct(baseline[0], 50)
    print(f"ratio p50 every one of {args.streams} ÷ one stream: {ratio:.2f}")


def seed(settings: Settings) -> str:
    """The bench condo with one lift, whose status the commands set."""
    condos = open_condos(settings)
    _, lifts = one_condo(condos, 1)
    condos.close()
    return str(lifts[0])


async def measure(lift: str, streams: int, commands: int) -> tuple[list[float], list[float]]:
    """Per command, ms from its answer until every stream was told; and per stream and command,
    until that stream was."""
    clients = [Client() for _ in range(streams)]
    ready = [asyncio.Event() for _ in clients]
    tasks = [
        asyncio.create_task(c.follow("/api/v1/status/bench/stream", r))
        for c, r in zip(clients, ready, strict=True)
    ]
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in ready)), 60)
    whole: list[float] = []
    each: list[float] = []
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{COMMAND_PORT}/api/v1") as writer:
        token = (
            await writer.post(
                "/auth/login",
                data={"username": "bench@copro-bench.org", "password": "bench password"},
            )
        ).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        for _ in range(commands):
            await asyncio.sleep(1)
            answer = await writer.put(
                f"/equipment/{lift}/status", json={"status": next(STATUSES)}, headers=auth
            )
            answered = time.perf_counter()
            position = answer.raise_for_status().json()["position"]
            told = await asyncio.wait_for(
                asyncio.gather(*(c.reached(position) for c in clients)), 30
            )
            each += [(t - answered) * 1000 for t in told]
            whole.append((max(told) - answered) * 1000)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return whole, each


def pct(values: list[float], q: int) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


if __name__ == "__main__":
    main()
