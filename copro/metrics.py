"""What `/metrics` tells Prometheus (prometheus-client): requests and their latency per route
template on both APIs, commands per type, open live streams, and whatever gauges the scrape
adds (the projections', read from the database at scrape time: `query_api.views.ops`).

The counters are this process's: with the APIs in separate processes (`make stack`, several
replicas) each process counts its own requests and must be scraped on its own, and Prometheus
sums them; `copro serve` has one process, whose `/metrics` shows both APIs.
"""

from __future__ import annotations

import time

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
# A path no route matched: one label for all of them, whatever was asked (no label per path
# a scanner tries).
UNMATCHED = "unmatched"

PROCESS = CollectorRegistry()
ProcessCollector(registry=PROCESS)
PlatformCollector(registry=PROCESS)

REQUESTS = Counter(
    "copro_http_requests",
    "Requests answered, by API, method, route template and status.",
    ["api", "method", "route", "status"],
    registry=PROCESS,
)
LATENCY = Histogram(
    "copro_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by API, method and route "
    "template (a live stream counts its whole life).",
    ["api", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=PROCESS,
)
COMMANDS = Counter(
    "copro_commands",
    "Commands answered by the command API, by command and status.",
    ["command", "status"],
    registry=PROCESS,
)
LIVE_STREAMS = Gauge(
    "copro_live_streams_open",
    "Server-Sent Events streams open on this process.",
    registry=PROCESS,
)

READS = ("GET", "HEAD")
# Where a middleware that answers one method as another (HEAD as GET: `HeadAsGet`) keeps the
# method the client asked, so that a request is counted as what it was wherever this sits.
ASKED_METHOD = "copro.asked_method"
LOOPBACK = ("127.0.0.1", "::1")
# Set by a reverse proxy: a request carrying one came from elsewhere, whatever its socket says.
FORWARDED = ("forwarded", "x-forwarded-for", "x-real-ip")


class RecordRequests:
    """Counts each HTTP request of an API and times it, labelled with the template of the
    route that answered it (`/api/v1/tickets/{ticket_id}`), never the path asked; on the
    command API, each command by its route's name too."""

    def __init__(self, app: ASGIApp, api: str, prefix: str = "/api/v1") -> None:
        self.app = app
        self.api = api
        # Where the API's routers are included: FastAPI gives the path of a route within
        # its router (`/copros/{copro_id}`), or, older versions, with the prefix.
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        status = 500

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            self._record(scope, str(status), time.perf_counter() - began)

    def _record(self, scope: Scope, status: str, elapsed: float) -> None:
        route = scope.get("route")
        template = getattr(route, "path", None) or UNMATCHED
        if template != UNMATCHED and not template.startswith(self.prefix):
            template = self.prefix + template
        asked = scope.get(ASKED_METHOD, scope["method"])
        method = asked if asked in KNOWN_METHODS else "other"
        REQUESTS.labels(self.api, method, template, status).inc()
        LATENCY.labels(self.api, method, template).observe(elapsed)
        if self.api == "command" and route is not None and method not in READS:
            COMMANDS.labels(getattr(route, "name", UNMATCHED), status).inc()


KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class _ProcessMetrics(Collector):
    def collect(self):  # type: ignore[no-untyped-def]
        yield from PROCESS.collect()


def exposition(*scraped: Collector) -> bytes:
    """This process's metrics and those `scraped` now, in the Prometheus text format."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_ProcessMetrics())
    for collector in scraped:
        registry.register(collector)
    return generate_latest(registry)


def from_this_machine(request: Request) -> bool:
    """A request from this machine that no proxy forwarded (a local scrape)."""
    client = request.client.host if request.client else None
    return client in LOOPBACK and not any(h in request.headers for h in FORWARDED)
