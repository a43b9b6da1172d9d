"""`/metrics` as Prometheus reads it (parsed by prometheus-client's own parser): requests per
route template, commands per type, the projections' gauges, and live streams open, on both
stores; the streams against a real `copro serve`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.api import Api, condo
from tests.integration.test_read_audit import operator

# The live server of the stream tests (a real `copro serve` per store), as a fixture of this module.
from tests.integration.test_status_stream import Site, site_fixture  # noqa: F401

Labels = dict[str, str]


def scrape(text: str) -> list[tuple[str, Labels, float]]:
    return [
        (sample.name, sample.labels, sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    ]


def value(samples: list[tuple[str, Labels, float]], metric: str, **labels: str) -> float | None:
    """The sum of the samples of `metric` with these labels (None when there is none)."""
    found = [v for n, ls, v in samples if n == metric and labels.items() <= ls.items()]
    return sum(found) if found else None


def metrics(api: Api, who: dict[str, str]) -> list[tuple[str, Labels, float]]:
    answer = api.client.get("/api/v1/metrics", headers=who)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    return scrape(answer.text)


class TestRequestsAndCommands:
    def test_requests_are_counted_by_route_template_never_by_path(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ops = operator(api)
        copro_id = condo(api, admin)["id"]
        template = "/api/v1/copros/{copro_id}/buildings"
        before = metrics(api, ops)
        reads = value(before, "copro_http_requests_total", route=template, method="GET") or 0

        api.read(f"/copros/{copro_id}/buildings", admin)
        api.read(f"/copros/{copro_id}/buildings", admin)
        api.client.get(f"/api/v1/no-such-thing-{uuid4()}", headers=admin)
        samples = metrics(api, ops)

        counted = value(
            samples, "copro_http_requests_total", api="query", route=template, method="GET"
        )
        assert counted == reads + 2
        assert value(samples, "copro_http_requests_total", route=template, status="200")
        assert value(samples, "copro_http_request_duration_seconds_count", route=template)
        assert value(samples, "copro_http_requests_total", route="unmatched", status="404")
        routes = {ls["route"] for n, ls, _ in samples if n == "copro_http_requests_total"}
        assert not any(copro_id in r or "no-such-thing" in r for r in routes), routes

    def test_a_status_page_answered_from_memory_is_counted_under_its_route(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ops = operator(api)
        receipt = condo(api, admin)
        slug = "residence-les-tilleuls"
        template = "/api/v1/status/{slug}"
        etag = api.read(f"/status/{slug}", after=receipt["position"]).headers["etag"]
        before = metrics(api, ops)
        counted = value(before, "copro_http_requests_total", route=template) or 0
        unchanged = value(before, "copro_http_requests_total", route=template, status="304") or 0

        for _ in range(3):  # the page and its condo are kept: answered before routing
            api.client.get(f"/api/v1/status/{slug}", headers={"If-None-Match": etag})
        samples = metrics(api, ops)

        assert value(samples, "copro_http_requests_total", route=template) == counted + 3
        assert (
            value(samples, "copro_http_requests_total", route=template, status="304")
            == unchanged + 3
        )

    def test_a_head_request_is_counted_under_its_route_not_as_unmatched(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ops = operator(api)
        copro_id = condo(api, admin)["id"]
        routes = {
            f"/api/v1/copros/{copro_id}/buildings": "/api/v1/copros/{copro_id}/buildings",
            "/api/v1/status/residence-les-tilleuls": "/api/v1/status/{slug}",
        }
        before = metrics(api, ops)
        unmatched = value(before, "copro_http_requests_total", route="unmatched") or 0
        heads = {
            t: value(before, "copro_http_requests_total", route=t, method="HEAD") or 0
            for t in routes.values()
        }

        # Through `copro serve`'s one origin, and through the query API alone (`copro
        # query-api`, where the request counter sits outside the HEAD-as-GET middleware).
        alone = TestClient(api.client.app.query_app)
        for client in (api.client, alone):
            for path in routes:
                answer = client.head(path, headers=admin)
                assert answer.status_code == 200, path
        samples = metrics(api, ops)

        for template in routes.values():
            counted = value(samples, "copro_http_requests_total", route=template, method="HEAD")
            assert counted == heads[template] + 2, template
        assert (value(samples, "copro_http_requests_total", route="unmatched") or 0) == unmatched

    def test_commands_are_counted_by_type_on_the_command_api(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ops = operator(api)
        copro_id = condo(api, admin)["id"]
        before = value(metrics(api, ops), "copro_commands_total", command="add_building") or 0

        api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "B"}, 201)
        samples = metrics(api, ops)

        assert value(samples, "copro_commands_total", command="add_building") == before + 1
        assert value(samples, "copro_commands_total", command="add_building", status="201")
        written = value(
            samples,
            "copro_http_requests_total",
            api="command",
            route="/api/v1/copros/{copro_id}/buildings",
            method="POST",
        )
        assert written and written >= 1


class TestProjectionGauges:
    def test_each_projection_shows_its_position_lag_and_rebuild_progress(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ops = operator(api)
        made = condo(api, admin)
        listed = api.read("/ops/projections", ops, made["position"]).json()
        samples = metrics(api, ops)
        for item in listed["items"]:
            position = value(samples, "copro_projection_position", name=item["name"])
            assert position is not None and position >= made["position"]
            lag = value(samples, "copro_projection_lag", name=item["name"])
            assert lag is not None and lag >= 0
            assert value(samples, "copro_projection_failed", name=item["name"]) == 0
        assert value(samples, "copro_projection_rebuild_progress", name="ledger") is None

        api.client.post("/api/v1/ops/projections/ledger/pause", headers=ops)
        api.client.post("/api/v1/ops/projections/ledger/rebuild", headers=ops)
        samples = metrics(api, ops)

        assert value(samples, "copro_projection_paused", name="ledger") == 1
        assert value(samples, "copro_projection_rebuilding", name="ledger") == 1
        assert value(samples, "copro_projection_rebuild_position", name="ledger") == 0
        assert value(samples, "copro_projection_rebuild_progress", name="ledger") == 0
        api.client.post("/api/v1/ops/projections/ledger/resume", headers=ops)

    def test_metrics_are_for_operators_and_this_machine(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        assert api.client.get("/api/v1/metrics").status_code == 401
        local = TestClient(api.client.app, client=("127.0.0.1", 41000))
        assert local.get("/api/v1/metrics").status_code == 200
        forwarded = local.get("/api/v1/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        assert forwarded.status_code == 401


def open_streams(site: Site) -> float | None:
    # From this machine, not through a proxy: scraped without signing in.
    answer = httpx.get(f"{site.server.url}/api/v1/metrics", timeout=10)
    assert answer.status_code == 200, answer.text
    return value(scrape(answer.text), "copro_live_streams_open")


def eventually_equal(read: Any, wanted: float, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while (seen := read()) != wanted:
        assert time.monotonic() < deadline, f"{seen} instead of {wanted}"
        time.sleep(0.1)


class TestLiveStreams:
    def test_open_streams_are_counted_while_they_last(self, site: Site, tmp_path: Path) -> None:
        tilleuls = site.condo("Les Tilleuls")
        assert open_streams(site) == 0
        first, second = site.stream(tilleuls), site.stream(tilleuls)
        try:
            eventually_equal(lambda: open_streams(site), 2)
            first.close()
            eventually_equal(lambda: open_streams(site), 1)
        finally:
            first.close()
            second.close()
        eventually_equal(lambda: open_streams(site), 0)
