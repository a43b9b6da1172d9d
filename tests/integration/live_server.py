"""A real `copro serve` process for the live-stream tests, and a Server-Sent Events client that
reads a stream on a thread of its own (httpx streaming), so that a test waits for an event with
a timeout."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import REPO, SECRET

COPRO = str(Path(sys.executable).parent / "copro")
ADMIN = ("admin@copro-live.org", "correct horse battery")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    """`copro serve` on a free port, with a platform admin, its heartbeat every half second."""

    data_dir: Path
    database_url: str | None
    extra: dict[str, str] = field(default_factory=dict)
    url: str = ""

    def start(self) -> LiveServer:
        frontend = built_frontend(self.data_dir.parent / "dist")
        env = {k: v for k, v in os.environ.items() if not k.startswith("COPRO_")}
        env.update(
            COPRO_ENV="production",
            COPRO_SECRET_KEY=SECRET,
            COPRO_DATA_DIR=str(self.data_dir),
            COPRO_POLL_INTERVAL_SECONDS="0.5",
            COPRO_STREAM_HEARTBEAT_SECONDS="0.5",
            COPRO_LOGIN_ATTEMPTS_PER_MINUTE="1000",
            COPRO_FRONTEND_DIR=str(frontend),
            **self.extra,
        )
        if self.database_url:
            env["COPRO_DATABASE_URL"] = self.database_url
        self.env = env
        email, password = ADMIN
        subprocess.run(
            [COPRO, "admin", "create", "--email", email, "--password", password],
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        port = free_port()
        self.log = self.data_dir.parent / "serve.log"
        self._log_file = open(self.log, "w")
        self.process = subprocess.Popen(
            [COPRO, "serve", "--port", str(port)],
            env=env,
            cwd=REPO,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/api/v1/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("copro serve did not start:\n" + self.log.read_text())
            time.sleep(0.1)

    def stop(self, timeout: float = 15) -> float:
        """Stops it as a supervisor would (SIGTERM); answers how long it took."""
        began = time.monotonic()
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_file.close()
        return time.monotonic() - began


def built_frontend(where: Path) -> Path:
    """A frontend as Vite builds it: index.html and assets named after their content's hash."""
    (where / "assets").mkdir(parents=True, exist_ok=True)
    (where / "index.html").write_text(
        "<!doctype html><html><head><title>Copro</title>"
        '<script type="module" src="/assets/index-Bx7Kp2Qa.js"></script></head>'
        '<body><div id="root"></div>' + "<!-- padding -->" * 64 + "</body></html>"
    )
    (where / "assets" / "index-Bx7Kp2Qa.js").write_text("console.log('copro');\n" * 200)
    return where


@dataclass
class Message:
    """One message of a stream: an event (`event`, `id`, `data`) or a comment."""

    event: str | None = None
    id: str | None = None
    data: str | None = None
    comment: str | None = None

    def json(self) -> Any:
        return json.loads(self.data or "null")


class EventStream:
    """Reads `GET url` as Server-Sent Events into a queue until closed."""

    def __init__(self, url: str, headers: dict[str, str] | None = None) -> None:
        self.messages: queue.Queue[Message | BaseException | None] = queue.Queue()
        self.status: int | None = None
        self.headers: httpx.Headers | None = None
        self._client = httpx.Client(timeout=httpx.Timeout(10, read=None))
        self._opened = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(url, headers or {}), daemon=True)
        self._thread.start()
        assert self._opened.wait(10), "the stream did not answer"

    def _read(self, url: str, headers: dict[str, str]) -> None:
        try:
            with self._client.stream("GET", url, headers=headers) as answer:
                self.status, self.headers = answer.status_code, answer.headers
                self._opened.set()
                current = Message()
                for line in answer.iter_lines():
                    if line == "":
                        if current != Message():
                            self.messages.put(current)
                        current = Message()
                    elif line.startswith(":"):
                        self.messages.put(Message(comment=line[1:].strip()))
                    else:
                        name, _, value = line.partition(":")
                        setattr(current, name, value.removeprefix(" "))
            self.messages.put(None)  # the server ended it
        except BaseException as error:
            self._opened.set()
            self.messages.put(error)

    def next(self, timeout: float, event: str | None = "page") -> Message | None:
        """The next message of this kind (`event` None: any message with an id or data) within
        `timeout` seconds; None if none came. Comments are skipped unless asked for."""
        for message in self._until(timeout):
            if message is None:
                return None
            if event == "comment" and message.comment is not None:
                return message
            if message.comment is None and (event is None or message.event == event):
                return message
        return None

    def ended(self, timeout: float) -> bool:
        """Whether the server ended the stream within `timeout` seconds."""
        return any(message is None for message in self._until(timeout))

    def _until(self, timeout: float) -> Iterator[Message | None]:
        """The messages as they come for `timeout` seconds, then None if the stream ended."""
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                return
            if message is None or isinstance(message, BaseException):
                self.messages.put(message)  # the end stays for whoever asks next
                yield None
                return
            yield message

    def close(self) -> None:
        self._client.close()
        self._thread.join(timeout=5)
