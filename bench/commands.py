"""Command throughput and latency: over HTTP (real server, JWT, validation) against the same
command called in-process on the `Condos` application, in the same run, on PostgreSQL.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_bench python -m bench.commands

The database is emptied first (it must be a scratch database). Prints a table and the ratios.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import httpx
import psycopg

from copro.bootstrap import open_condos
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor

STATUSES = ["operational", "degraded", "partial_outage", "major_outage", "maintenance"]
SECRET = "bench-secret-key-bench-secret-key-0123456789"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commands", type=int, default=2000, help="commands per measurement")
    parser.add_argument("--rate", type=int, default=100, help="paced rate for the latency run")
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL")
    if not url:
        sys.exit("COPRO_DATABASE_URL must name a scratch PostgreSQL database")
    empty(url)
    settings = Settings(database_url=url, secret_key=SECRET, env="production")
    condos = open_condos(settings)
    admin, lifts = seed(condos, 16)

    rows: list[tuple[str, int, float, float, float]] = []
    for concurrency in (1, 16):
        rows.append(
            (
                "in-process",
                concurrency,
                *run(in_process(condos, admin, lifts), args.commands, concurrency),
            )
        )
    with command_api(url) as base:
        token = login(base)
        for concurrency in (1, 16):
            rows.append(
                (
                    "HTTP",
                    concurrency,
                    *run(over_http(base, token, lifts), args.commands, concurrency),
                )
            )
        paced = run(over_http(base, token, lifts), args.rate * 10, 16, rate=args.rate)

    print(machine())
    print(f"{'path':<11} {'conc':>4} {'cmd/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for path, concurrency, rate, p50, p99 in rows:
        print(f"{path:<11} {concurrency:>4} {rate:>9.0f} {p50:>8.2f} {p99:>8.2f}")
    print(
        f"HTTP paced at {args.rate}/s: {paced[0]:.0f} cmd/s, "
        f"p50 {paced[1]:.2f} ms, p99 {paced[2]:.2f} ms"
    )
    for concurrency in (1, 16):
        http = next(r[2] for r in rows if r[0] == "HTTP" and r[1] == concurrency)
        local = next(r[2] for r in rows if r[0] == "in-process" and r[1] == concurrency)
        print(f"ratio HTTP ÷ in-process at concurrency {concurrency}: {http / local:.2f}")


def empty(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def seed(condos: Condos, pieces: int) -> tuple[Actor, list[UUID]]:
    system = Actor.system()
    receipt = condos.open_admin_account(
        system,
        email="bench@copro-bench.org",
        first_name="B",
        last_name="N",
        password_hash=hash_of("bench password"),
    )
    admin = Actor(str(receipt.id))
    copro = condos.register_copro(
        admin, name="Bench", address="1 rue", postal_code="69003", city="Lyon"
    )
    building = condos.add_building(admin, copro.id, name="A")
    lifts = [
        condos.install_equipment(
            admin, copro.id, building_id=building.id, name=f"Ascenseur {i}", category="lift"
        ).id
        for i in range(pieces)
    ]
    return admin, lifts


def hash_of(password: str) -> str:
    from command_api.passwords import hash_password

    return hash_password(password)


def in_process(condos: Condos, admin: Actor, lifts: list[UUID]) -> Callable[[int, int], None]:
    def command(worker: int, i: int) -> None:
        condos.set_equipment_status(admin, lifts[worker], status=STATUSES[i % len(STATUSES)])

    return command


def over_http(base: str, token: str, lifts: list[UUID]) -> Callable[[int, int], None]:
    clients: dict[int, httpx.Client] = {}

    def command(worker: int, i: int) -> None:
        if worker not in clients:
            auth = {"Authorization": f"Bearer {token}"}
            clients[worker] = httpx.Client(base_url=base, headers=auth)
        client = clients[worker]
        answer = client.put(
            f"/api/v1/equipment/{lifts[worker]}/status",
            json={"status": STATUSES[i % len(STATUSES)]},
        )
        answer.raise_for_status()

    return command


def run(
    command: Callable[[int, int], None], total: int, concurrency: int, rate: float | None = None
) -> tuple[float, float, float]:
    """Runs `total` commands over `concurrency` workers (each on its own equipment, so they
    never conflict); answers commands per second, p50 and p99 latency in ms."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_worker = total // concurrency
    start = time.perf_counter()

    def work(worker: int) -> None:
        mine = []
        for i in range(per_worker):
            if rate:
                due = start + (i * concurrency + worker) / rate
                time.sleep(max(0.0, due - time.perf_counter()))
            began = time.perf_counter()
            command(worker, i)
            mine.append((time.perf_counter() - began) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    quantiles = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, quantiles[49], quantiles[98]


class command_api:
    """`copro command-api` as a real server process."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.port = 18431

    def __enter__(self) -> str:
        env = {
            **os.environ,
            "COPRO_DATABASE_URL": self.url,
            "COPRO_SECRET_KEY": SECRET,
            "COPRO_ENV": "production",
            "COPRO_LOG_LEVEL": "WARNING",
            "COPRO_LOGIN_ATTEMPTS_PER_MINUTE": "1000",
        }
        copro = str(Path(sys.executable).parent / "copro")
        self.process = subprocess.Popen([copro, "command-api", "--port", str(self.port)], env=env)
        base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                httpx.post(
                    f"{base}/api/v1/auth/login", data={"username": "x@x.org", "password": "x"}
                )
                return base
            except httpx.TransportError:
                time.sleep(0.1)
        raise SystemExit("command-api did not start")

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def login(base: str) -> str:
    answer = httpx.post(
        f"{base}/api/v1/auth/login",
        data={"username": "bench@copro-bench.org", "password": "bench password"},
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    with psycopg.connect(os.environ["COPRO_DATABASE_URL"]) as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
    python = platform.python_version()
    return f"machine: {cpu}, {os.cpu_count()} cores, Python {python}, PostgreSQL {pg}"


if __name__ == "__main__":
    main()
