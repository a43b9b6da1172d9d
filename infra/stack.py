"""The compose topology as local processes, for machines without a Docker engine (`make stack`)
and for the tests that need the real thing: nginx (from `infra/nginx.conf`, the same template
compose gives the nginx image) in front of a command API, a query API, a projector and a
scheduler, all on one PostgreSQL database.

    COPRO_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/copro_stack python infra/stack.py

The database is created if it does not exist; the site is on http://127.0.0.1:8000 (`--port`).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

INFRA = Path(__file__).resolve().parent
REPO = INFRA.parent
COPRO = str(Path(sys.executable).parent / "copro")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# The processes compose runs from the app image, by service name: the command of each.
SERVICES = {
    "command-api": ["command-api", "--host", "127.0.0.1", "--port", "{command_port}"],
    "query-api": ["query-api", "--host", "127.0.0.1", "--port", "{query_port}"],
    "projector": ["projector"],
    "scheduler": ["scheduler"],
}

NGINX_MAIN = """\
{user}
daemon off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {run}/nginx-access.log;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include {run}/default.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def render_nginx(values: dict[str, str]) -> str:
    """`infra/nginx.conf` with its `${COPRO_…}` filled in, nginx's own `$variables` left alone
    (what the nginx image's envsubst does)."""
    return string.Template((INFRA / "nginx.conf").read_text()).safe_substitute(values)


@dataclass
class Stack:
    """The topology, started and stopped as a whole."""

    database_url: str
    run_dir: Path
    port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Stack:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        ports = {"command_port": str(free_port()), "query_port": str(free_port())}
        env = {k: v for k, v in os.environ.items() if not k.startswith("COPRO_")}
        env.update(
            COPRO_ENV="production",
            COPRO_SECRET_KEY=os.environ.get("COPRO_SECRET_KEY") or secrets.token_hex(32),
            COPRO_DATABASE_URL=self.database_url,
            COPRO_DATA_DIR=str(self.run_dir / "var"),
            # As in compose: the APIs believe only nginx (here on this machine) about clients.
            FORWARDED_ALLOW_IPS="127.0.0.1",
        )
        env.update(self.env)
        for name, command in SERVICES.items():
            log = (self.run_dir / f"{name}.log").open("w")
            self.processes[name] = subprocess.Popen(
                [COPRO, *(part.format(**ports) for part in command)],
                env=env,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        (self.run_dir / "default.conf").write_text(
            render_nginx(
                {
                    "COPRO_COMMAND_API": f"127.0.0.1:{ports['command_port']}",
                    "COPRO_QUERY_API": f"127.0.0.1:{ports['query_port']}",
                    "COPRO_LISTEN": f"127.0.0.1:{self.port}",
                    "COPRO_FRONTEND": str(REPO / "frontend" / "dist"),
                }
            )
        )
        (self.run_dir / "nginx.conf").write_text(
            NGINX_MAIN.format(run=self.run_dir, user="user root;" if os.geteuid() == 0 else "")
        )
        log = (self.run_dir / "nginx.log").open("w")
        self.processes["web"] = subprocess.Popen(
            [NGINX, "-p", str(self.run_dir), "-c", str(self.run_dir / "nginx.conf")],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()
        return self

    def _wait_until_up(self, timeout: float = 60) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} stopped:\n{self.log(name)}")
            try:
                # Each API through nginx: the query API's readiness, the command API's document.
                if all(
                    httpx.get(f"{self.url}{path}", timeout=2).status_code == 200
                    for path in ("/api/v1/readyz", "/api/v1/command/openapi.json")
                ):
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the stack did not come up:\n" + self.log("web") + self.log("query-api"))

    def log(self, name: str) -> str:
        path = self.run_dir / (f"{name}.log" if name != "web" else "nginx-error.log")
        return path.read_text() if path.exists() else ""

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def running(database_url: str, run_dir: Path, **env: str) -> Iterator[Stack]:
    stack = Stack(database_url, run_dir, env=env)
    try:
        yield stack.start()
    finally:
        stack.stop()


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not found:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    url = os.environ.get("COPRO_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/copro_stack")
    ensure_database(url)
    run_dir = Path(tempfile.mkdtemp(prefix="copro-stack-"))
    stack = Stack(url, run_dir, port=args.port).start()
    print(f"Copro stack on {stack.url} (PostgreSQL {url}); logs in {run_dir}; Ctrl-C stops it")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(1)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
